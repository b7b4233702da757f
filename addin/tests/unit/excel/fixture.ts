// A fixed answer of GET /api/grades/2026-10/sheets and /tasks, in the documented shape.
import type { ApiCell, CellValue, MonthSheets, TaskChunk } from '../../../src/office/excel';

export const MONEY = '#,##0.00 "₽"';
export const hyperlink = '=HYPERLINK("http://x","y")';

const text = (value: string): ApiCell => ({ value, format: '@' });
const num = (value: number, format: string | null = null): ApiCell => ({ value, format });
const f = (formula: string, format: string | null = null): ApiCell => ({ formula, format });

export function monthSheets(employees = 2, tasks = 3, month = '2026-10'): MonthSheets {
  const P = `'Параметры ${month}'`;
  const T = `'Задачи ${month}'`;
  const people = Array.from({ length: employees }, (_, i) => ({ id: `e${i + 1}`, name: i === 0 ? 'Анна Смирнова' : `Сотрудник ${i + 1}` }));
  return {
    month,
    policyVersion: '2026-01',
    sheets: [
      {
        key: 'parameters',
        name: `Параметры ${month}`,
        columns: [{ header: 'Роль', width: 14 }, { header: 'План в день', width: 12 }, { header: 'Оклад', width: 14, format: MONEY }],
        rows: [[text('manager'), num(8), num(60000, MONEY)]],
      },
      {
        key: 'summary',
        name: `Итоги ${month}`,
        columns: [
          { header: 'ID сотрудника', width: 38, format: '@' },
          { header: 'Сотрудник', width: 24, format: '@' },
          { header: 'Роль', width: 12, format: '@' },
          { header: 'Баллы', width: 10, format: '0.00' },
          { header: 'Оклад', width: 14, format: MONEY },
          { header: 'К выплате', width: 14, format: MONEY },
          { header: 'Грейд', width: 8, format: '@' },
        ],
        rows: people.map((p, i) => {
          const r = i + 2;
          return [
            text(p.id),
            text(p.name),
            text('manager'),
            f(`=SUMIFS(${T}!$H:$H,${T}!$B:$B,$A${r})`, '0.00'),
            f(`VLOOKUP($C${r},${P}!$A:$C,3,FALSE)`, MONEY),
            f(`=MAX(E${r},E${r}+D${r}*100)`, MONEY),
            f(`=IF(D${r}>10,"A","B")`, '@'),
          ];
        }),
      },
    ],
    tasks: {
      key: 'tasks',
      name: `Задачи ${month}`,
      columns: [
        { header: '№', width: 6, format: '0' },
        { header: 'ID сотрудника', width: 38, format: '@' },
        { header: 'Сотрудник', width: 24, format: '@' },
        { header: 'Дата', width: 12, format: 'dd.mm.yyyy' },
        { header: 'Код', width: 6, format: '@' },
        { header: 'Клиент', width: 30, format: '@' },
        { header: 'Комментарий', width: 40, format: '@' },
        { header: 'Баллы', width: 8, format: '0.00' },
      ],
      total: tasks,
    },
    head: null,
  };
}

/** Row i (0-based) of the ledger: the first row's client is a formula-looking name. */
export function taskRow(i: number, employees = 2, note = ''): CellValue[] {
  const e = i % employees;
  return [i + 1, `e${e + 1}`, e === 0 ? 'Анна Смирнова' : `Сотрудник ${e + 1}`, 46296 + (i % 28), '2.4', i === 0 ? hyperlink : `ООО «Клиент ${i % 50}»`, note || (i === 1 ? '+7 (495) 123-45-67' : null), 3];
}

export function taskSource(total: number, employees = 2, note = '') {
  const requests: { skip: number; take: number }[] = [];
  const fetchTasks = async (skip: number, take: number): Promise<TaskChunk> => {
    requests.push({ skip, take });
    const rows: CellValue[][] = [];
    for (let i = skip; i < Math.min(total, skip + take); i++) rows.push(taskRow(i, employees, note));
    return { total, skip, rows };
  };
  return { fetchTasks, requests };
}
