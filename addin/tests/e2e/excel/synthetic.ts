// A month in the documented shape of GET /api/grades/{month}/sheets and /tasks, for runs where the
// app does not serve those endpoints yet (they are stubbed with page.route): Итоги's formulas read
// Параметры and Задачи as the API's do (VLOOKUP, SUMIFS, ROUND), and `expectedPay` is what the same
// rules give in JavaScript, to the kopeck.
export const MONEY = '#,##0.00 "₽"';
export const hyperlink = '=HYPERLINK("http://x","y")';

export interface SyntheticMonth {
  grades: object;
  sheets: object;
  tasks: (skip: number, take: number) => { total: number; skip: number; rows: (string | number | null)[][] };
  expectedPay: Record<string, number>;
}

const round = (n: number, d: number) => {
  const f = 10 ** d;
  return (Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9)) / f;
};

export function syntheticMonth(month: string, employees: { id: string; name: string }[], rowsPerEmployee: number[]): SyntheticMonth {
  const T = `'Задачи ${month}'`;
  const P = `'Параметры ${month}'`;
  const planPerDay = 7.35;
  const days = 21;
  const base = 61250.5;
  const target = 23333.33;
  const points = [1.25, 2.5, 0.75, 3.1];
  const rows: (string | number | null)[][] = [];
  employees.forEach((e, i) => {
    for (let k = 0; k < rowsPerEmployee[i]; k++) {
      rows.push([rows.length + 1, e.id, e.name, 46296 + (k % 28), '2.2', k === 0 ? hyperlink : `ООО «Клиент ${k % 7}»`, k === 1 ? '+7 (495) 000-00-00' : null, points[k % points.length]]);
    }
  });
  const expectedPay: Record<string, number> = {};
  employees.forEach((e, i) => {
    const plan = round(planPerDay * days, 2);
    const earned = rows.filter((r) => r[1] === e.id).reduce((s, r) => s + (r[7] as number), 0);
    const fulfilment = plan === 0 ? 0 : round(earned / plan, 4);
    expectedPay[e.id] = round(base + round(target * fulfilment, 2), 2);
    void i;
  });
  const sheets = {
    month,
    policyVersion: '2026-01',
    sheets: [
      {
        key: 'parameters',
        name: `Параметры ${month}`,
        columns: [{ header: 'Роль', width: 14, format: '@' }, { header: 'План в день', width: 12, format: '0.00' }, { header: 'Оклад', width: 14, format: MONEY }, { header: 'Целевая премия', width: 14, format: MONEY }],
        rows: [[{ value: 'Менеджер', format: '@' }, { value: planPerDay }, { value: base, format: MONEY }, { value: target, format: MONEY }]],
      },
      {
        key: 'summary',
        name: `Итоги ${month}`,
        columns: ['ID сотрудника', 'Сотрудник', 'Роль', 'Рабочих дней', 'План', 'Баллы', 'Задач', 'Выполнение', 'Оклад', 'Премия', 'К выплате'].map((header, i) => ({ header, width: i < 2 ? 30 : 12, format: i < 3 ? '@' : i >= 8 ? MONEY : null })),
        rows: employees.map((e, i) => {
          const r = i + 2;
          return [
            { value: e.id, format: '@' }, { value: e.name, format: '@' }, { value: 'Менеджер', format: '@' }, { value: days, format: '0' },
            { formula: `=ROUND(VLOOKUP($C${r},${P}!$A:$D,2,FALSE)*$D${r},2)`, format: '0.00' },
            { formula: `=SUMIFS(${T}!$H:$H,${T}!$B:$B,$A${r})`, format: '0.00' },
            { formula: `=COUNTIFS(${T}!$B:$B,$A${r})`, format: '0' },
            { formula: `=IF($E${r}=0,0,ROUND(F${r}/$E${r},4))`, format: '0.00%' },
            { formula: `=VLOOKUP($C${r},${P}!$A:$D,3,FALSE)`, format: MONEY },
            { formula: `ROUND(VLOOKUP($C${r},${P}!$A:$D,4,FALSE)*H${r},2)`, format: MONEY },
            { formula: `=ROUND(I${r}+J${r},2)`, format: MONEY },
          ];
        }),
      },
    ],
    tasks: {
      key: 'tasks',
      name: `Задачи ${month}`,
      columns: ['№', 'ID сотрудника', 'Сотрудник', 'Дата', 'Код', 'Клиент', 'Комментарий', 'Баллы'].map((header, i) => ({ header, width: [6, 38, 24, 12, 6, 30, 40, 8][i], format: ['0', '@', '@', 'dd.mm.yyyy', '@', '@', '@', '0.00'][i] })),
      total: rows.length,
    },
    head: null,
  };
  const grades = {
    month,
    policyVersion: '2026-01',
    workingDays: days,
    employees: [
      ...employees.map((e) => ({ id: e.id, name: e.name, role: 'manager', workingDays: days, plan: 154.35, points: 0, pointsByClass: {}, pointsByCategory: {}, tasks: 0, fulfilment: 0, band: 'B', coefficient: 1, basePay: base, targetBonus: target, deductions: 0, bonus: 0, guaranteedMinimum: 0, pay: expectedPay[e.id] })),
      { id: 'head', name: 'Олег Петров', role: 'head', workingDays: days, plan: 0, points: 0, pointsByClass: {}, pointsByCategory: {}, tasks: 0, fulfilment: 0, band: 'D', coefficient: 0, basePay: 0, targetBonus: 0, deductions: 0, bonus: 0, guaranteedMinimum: 50000, pay: 150000 },
    ],
    head: { volume: 500000, share: 0.5, shareOfVolume: 250000, staffSalaries: 100000, contractors: 0, profit: 150000 },
    warnings: [],
  };
  return { grades, sheets, tasks: (skip, take) => ({ total: rows.length, skip, rows: rows.slice(skip, skip + take) }), expectedPay };
}

/** A development-style token the pane can read (claims only) when the app cannot issue one. */
export function unsignedToken(user: string, roles: string[], name: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: user, name, roles, exp: Math.floor(Date.now() / 1000) + 3600 })}.sig`;
}
