// «Оценки за месяц» in the fake Excel, against the app's real API. The open month is seeded through
// the API: three managers log tasks by hand (POST /api/tasks) up to three different bands (C, B, A),
// clients and notes that look like formulas; one of them issues an invoice and marks it accepted, so
// the head's volume — and the head's pay, the department's profit — comes from the invoices capability.
// The accountant loads the month into the workbook; the test checks what was written against
// GET /api/grades/{month}/sheets, then lets LibreOffice recalculate the written formulas and compares
// every employee's pay (the head's too) and the head's block with GET /api/grades/{month}, to the kopeck.
// A failed seeding call fails the file with its status and body.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, closePane, describeViolations, devToken, errorsOf, launchBrowser, openPane, screenshot } from '../harness/pane';
import { logCompany, newCompany } from '../outlook/support';
import { api, hyperlink } from './api';
import { buildXlsx, recalculateFirstSheet, type FakeCell, type RecordedSheet } from './workbook';

// People of Grades/Policy/employees.json (the app's default staff file): graded by their ids.
const anna = { id: '6f1c2a8e-1d3b-4c55-9a0e-3b7f6a2d9c41', name: 'Анна Смирнова', target: 0.81, band: 'C' };
const maria = { id: 'b2d94e17-7c60-4a1f-8e35-5c2a9f0d7e12', name: 'Мария Иванова', target: 0.93, band: 'B' };
const ivan = { id: '0e8a7b35-4f29-4d8c-b1a6-92c3e5f7a8d0', name: 'Иван Кузнецов', target: 1.13, band: 'A' };
const oleg = { id: '9c3f5d21-8b47-4e6a-a2d9-1f0b7c4e6a53', name: 'Олег Петров' };
const managers = [anna, maria, ivan];
const phone = '+7 (495) 000-00-00';

interface ApiCell {
  value: string | number | null;
  formula: string | null;
  format: string | null;
}
interface SheetsAnswer {
  month: string;
  sheets: { key: string; name: string; columns: { header: string | null }[]; rows: ApiCell[][] }[];
  tasks: { name: string; total: number };
  head: { sheet: string; row: number; rows: ApiCell[][] };
}
interface EmployeeGrade {
  id: string;
  name: string;
  role: string;
  band: string;
  fulfilment: number;
  points: number;
  tasks: number;
  guaranteedMinimum: number;
  pay: number;
}
interface HeadProfit {
  volume: number;
  share: number;
  shareOfVolume: number;
  staffSalaries: number;
  contractors: number;
  profit: number;
}
interface MonthGrades {
  month: string;
  employees: EmployeeGrade[];
  head: HeadProfit | null;
  warnings: string[];
}

let browser: Browser;
let month: string;
let accountant: string;
let manager: string;
const run = Date.now().toString(36);

const kopecks = (n: number) => Math.round(n * 100);

beforeAll(async () => {
  browser = await launchBrowser();
  accountant = await devToken(undefined, 'buh', ['accountant'], 'Елена Бухгалтер');
  const tokens: Record<string, string> = {};
  for (const p of [...managers, oleg]) tokens[p.id] = await devToken(undefined, p.id, ['manager'], p.name);
  manager = tokens[anna.id];

  // The open month: the only one POST /api/tasks writes into.
  month = (await api<{ month: string }>('GET', 'me/month', manager)).month;
  const catalog = await api<{ month: string; tasks: { code: string; points: number }[] }>('GET', 'tasks/catalog', manager);
  const points = (code: string) => {
    const task = catalog.tasks.find((t) => t.code === code);
    if (!task) throw new Error(`GET /api/tasks/catalog (${catalog.month}) has no task ${code}: ${catalog.tasks.map((t) => t.code).join(', ')}`);
    return task.points;
  };
  let sequence = 0;
  const logTask = async (token: string, taskCode: string, clientName?: string, note?: string) => {
    const entry = await api<{ id: string; points: number }>('POST', 'tasks', token, { taskCode, clientName, note, minutes: 5 + (sequence % 40), requestId: `excel-e2e-${run}-${++sequence}` });
    if (entry.points !== points(taskCode)) throw new Error(`POST /api/tasks ${taskCode}: ${entry.points} points, the catalog says ${points(taskCode)}`);
  };

  // The head's volume: an invoice issued (task 2.3 for Анна, recorded by the invoices capability) and accepted this month.
  // An invoice needs an existing client card: a logged message creates one.
  const client = await logCompany(manager, newCompany('Объём'));
  const draft = await api<{ id: string }>('POST', 'invoices', manager, {
    clientId: client.id,
    clientName: `ООО «Объём ${run}»`,
    paymentTermDays: 10,
    lines: [
      { item: 'Сопровождение 1С, год', quantity: 1, unit: 'год', price: 987654.32, vatRate: 22, kind: 'subscription' },
      { item: 'Перенос данных', quantity: 3, unit: 'ч', price: 4567.89, vatRate: 22, kind: 'oneOff' },
    ],
  }, { 'Idempotency-Key': `excel-grades-${run}` });
  await api('POST', `invoices/${encodeURIComponent(draft.id)}/issue`, manager);
  const accepted = await api<{ status: string; acceptedOn: string | null }>('POST', `invoices/${encodeURIComponent(draft.id)}/accepted`, manager, {});
  if (!accepted.acceptedOn) throw new Error(`POST /api/invoices/${draft.id}/accepted: no acceptedOn in ${JSON.stringify(accepted)}`);

  // Tasks that must stay text in the workbook, then each manager up to the target fulfilment (→ band).
  await logTask(tokens[anna.id], '2.2', hyperlink, phone);
  await logTask(tokens[maria.id], '2.2', hyperlink, '=1+1');
  await logTask(tokens[ivan.id], '2.6', 'ООО «Берег»', '@ и «кавычки»');
  await logTask(tokens[oleg.id], '2.9', 'ООО «Ромашка»');
  await logTask(tokens[oleg.id], '1.3');
  await Promise.all(
    managers.map(async (person) => {
      const mine = await api<{ plan: number; points: number }>('GET', 'me/month', tokens[person.id]);
      let missing = person.target * mine.plan - mine.points;
      // Mostly 8-point tasks, then 1.5 and 0.5 ones: fulfilment lands just above the target, not on a round figure.
      while (missing >= points('2.9')) {
        await logTask(tokens[person.id], '2.9', `ООО «Клиент ${sequence % 7}»`);
        missing -= points('2.9');
      }
      while (missing > points('1.3')) {
        await logTask(tokens[person.id], '2.6', 'ООО «Ромашка»', sequence % 3 ? undefined : phone);
        missing -= points('2.6');
      }
      await logTask(tokens[person.id], '1.3');
    }),
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

async function open(token: string, width: number): Promise<Page> {
  const page = await openPane(browser, 'grades', { host: 'Excel', token, width, height: 900 });
  await page.fill('[data-testid="month-picker"]', month);
  return page;
}

const why = (page: Page) => (errorsOf(page).length ? `\npage errors:\n${errorsOf(page).join('\n')}` : '');

async function seriousAxe(page: Page) {
  const violations = await axe(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

const column = (n: number) => {
  let s = '';
  for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** Every cell of /sheets against what the pane wrote at the same address: formulas as formulas, text as "@" text. */
function writtenAsServed(spec: SheetsAnswer['sheets'][number], cells: Record<string, FakeCell>): string[] {
  const wrong: string[] = [];
  spec.columns.forEach((c, i) => {
    if (c.header !== null && cells[`${column(i)}1`]?.value !== c.header) wrong.push(`${spec.name}!${column(i)}1: ${JSON.stringify(cells[`${column(i)}1`])} ≠ header ${c.header}`);
  });
  spec.rows.forEach((row, r) =>
    row.forEach((cell, i) => {
      const ref = `${column(i)}${r + 2}`;
      const got = cells[ref];
      if (cell.formula) {
        const formula = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
        if (got?.formula !== formula || got.numberFormat === '@') wrong.push(`${spec.name}!${ref}: ${JSON.stringify(got)} ≠ formula ${formula}`);
      } else if (cell.value !== null && cell.value !== '') {
        if (got?.value !== cell.value) wrong.push(`${spec.name}!${ref}: ${JSON.stringify(got)} ≠ value ${JSON.stringify(cell.value)}`);
        else if (typeof cell.value === 'string' && (got.numberFormat !== '@' || got.order.indexOf('numberFormat') > got.order.indexOf('values')))
          wrong.push(`${spec.name}!${ref}: text ${JSON.stringify(cell.value)} not written as "@" before its value (${JSON.stringify(got)})`);
      }
    }),
  );
  return wrong;
}

describe('«Оценки за месяц» in Excel', () => {
  it('loads the month into the workbook as /sheets serves it, and LibreOffice recalculates every pay to the API’s kopeck', async () => {
    const page = await open(accountant, 350);
    await page.waitForSelector('[data-testid="head-pay"]', { timeout: 20_000 });
    await seriousAxe(page);
    await screenshot(page, 'excel-grades-350');
    await page.click('[data-testid="load-month"]');
    await page.waitForSelector('[data-testid="grades-notice"], [data-testid="error"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid="error"]').count(), (await page.locator('main').innerText()) + why(page)).toBe(0);
    expect(await page.locator('[data-testid="grades-notice"]').innerText()).toContain(`Месяц ${month} загружен`);

    const fake = await page.evaluate(() => {
      const f = (window as unknown as { __excelFake: { syncs: number; sheets(): { name: string; tables: { address: string; hasHeaders: boolean }[] }[]; cells(n: string): Record<string, FakeCell>; writes: { sheet: string; property: string; value: unknown }[] } }).__excelFake;
      const sheets = f.sheets();
      return { syncs: f.syncs, sheets, cells: Object.fromEntries(sheets.map((s) => [s.name, f.cells(s.name)])), formulasLocal: f.writes.filter((w) => w.property === 'formulasLocal').length };
    });
    await closePane(page);
    // Nothing but this file writes the graded people's ledger: the month is as it was when the pane read it.
    const sheets = await api<SheetsAnswer>('GET', `grades/${month}/sheets`, accountant);
    const grades = await api<MonthGrades>('GET', `grades/${month}`, accountant);

    // The seeded month is the one this test needs: three bands, pay above the minimum, the head paid from the profit.
    const byId = new Map(grades.employees.map((e) => [e.id, e]));
    for (const m of managers) {
      const g = byId.get(m.id);
      expect(g, `${m.name} is not graded in ${month}: ${JSON.stringify(grades)}`).toBeDefined();
      expect(g!.band, `${m.name}: ${JSON.stringify(g)}`).toBe(m.band);
      expect(g!.pay, `${m.name}: ${JSON.stringify(g)}`).toBeGreaterThan(g!.guaranteedMinimum);
    }
    const headRow = grades.employees.find((e) => e.role === 'head');
    expect(headRow?.id).toBe(oleg.id);
    expect(grades.head, JSON.stringify(grades)).not.toBeNull();
    expect(grades.head!.volume).toBeGreaterThan(0);
    expect(headRow!.pay, `the head's pay should be the profit: ${JSON.stringify({ head: grades.head, row: headRow })}`).toBe(grades.head!.profit);
    expect(new Set(grades.employees.map((e) => kopecks(e.pay))).size).toBe(grades.employees.length);

    // What the pane wrote: three sheets with tables, the cells of /sheets at their addresses, Задачи as values.
    const names = [`Параметры ${month}`, `Итоги ${month}`, `Задачи ${month}`];
    expect(fake.sheets.map((s) => s.name)).toEqual(['Лист1', ...names]);
    for (const name of names) expect(fake.sheets.find((s) => s.name === name)!.tables[0].hasHeaders).toBe(true);
    expect(fake.syncs).toBeLessThan(30);
    expect(fake.formulasLocal).toBe(0);
    expect(sheets.sheets.map((s) => s.name)).toEqual(names.slice(0, 2));
    const wrong = sheets.sheets.flatMap((spec) => writtenAsServed(spec, fake.cells[spec.name]));
    expect(wrong.slice(0, 20), `${wrong.length} cells differ from /sheets`).toEqual([]);

    const tasks = fake.cells[`Задачи ${month}`];
    const taskRows = new Set(Object.keys(tasks).map((ref) => Number(/\d+$/.exec(ref)![0])).filter((r) => r > 1));
    expect(taskRows.size).toBe(sheets.tasks.total);
    const texts = Object.values(tasks).filter((c) => c.value === hyperlink || c.value === '=1+1' || c.value === phone);
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const c of texts) expect(c).toMatchObject({ numberFormat: '@', order: ['numberFormat', 'values'] });
    expect(Object.values(tasks).some((c) => c.formula !== undefined)).toBe(false);
    const summary = fake.cells[`Итоги ${month}`];
    // The head's block sits where /sheets' `head` says, inside the summary rows the pane wrote.
    expect(summary[`A${sheets.head.row}`]?.value, `Итоги!A${sheets.head.row}`).toBe(sheets.head.rows[0][0].value);

    // The same cells in a real workbook, recalculated by LibreOffice: every pay and the head's block match the API's to the kopeck.
    const recorded: RecordedSheet[] = [`Итоги ${month}`, `Параметры ${month}`, `Задачи ${month}`].map((name) => ({ name, cells: fake.cells[name] }));
    const { rows } = recalculateFirstSheet(buildXlsx(recorded));
    const header = rows[0];
    const idColumn = header.indexOf('ID сотрудника');
    const payColumn = header.lastIndexOf('К выплате');
    const bandColumn = header.indexOf('Грейд');
    expect(idColumn, header.join(' | ')).toBe(0);
    expect(payColumn, header.join(' | ')).toBeGreaterThan(idColumn);
    const employeeRows = rows.slice(1, 1 + grades.employees.length);
    expect(employeeRows.map((r) => r[idColumn]).sort()).toEqual(grades.employees.map((e) => e.id).sort());
    const expected: Record<string, number | string> = {};
    const recalculated: Record<string, number | string> = {};
    for (const r of employeeRows) {
      const g = byId.get(r[idColumn])!;
      expected[`${g.name}: pay`] = kopecks(g.pay);
      recalculated[`${g.name}: pay`] = kopecks(Number(r[payColumn]));
      expected[`${g.name}: band`] = g.band;
      recalculated[`${g.name}: band`] = r[bandColumn];
    }
    const block = rows.slice(sheets.head.row - 1, sheets.head.row - 1 + sheets.head.rows.length);
    expect(block[0]?.[0]).toBe(sheets.head.rows[0][0].value);
    const line = (label: string) => {
      const found = block.find((r) => r[0] === label);
      expect(found, `no «${label}» in the head's block: ${JSON.stringify(block)}`).toBeDefined();
      return kopecks(Number(found![1]));
    };
    const head = grades.head!;
    Object.assign(expected, {
      'head: volume': kopecks(head.volume),
      'head: share of volume': kopecks(head.shareOfVolume),
      'head: staff salaries': kopecks(head.staffSalaries),
      'head: contractors': kopecks(head.contractors),
      'head: profit': kopecks(head.profit),
    });
    Object.assign(recalculated, {
      'head: volume': line('Объём: абонентская плата') + line('Объём: разовые работы, принятые в месяце'),
      'head: share of volume': line('Доля от объёма'),
      'head: staff salaries': line('Зарплаты штата (кроме руководителя)'),
      'head: contractors': line('Сторонние исполнители'),
      'head: profit': line('Прибыль отдела'),
    });
    expect(recalculated).toEqual(expected);
  }, 240_000);

  it('at 800 px, and reloading the month replaces its sheets without duplicating them', async () => {
    const page = await open(accountant, 800);
    await page.waitForSelector('[data-testid="head-pay"]', { timeout: 20_000 });
    await screenshot(page, 'excel-grades-800');
    for (let i = 0; i < 2; i++) {
      await page.click('[data-testid="load-month"]');
      await page.waitForSelector('[data-testid="grades-notice"]', { timeout: 60_000 });
    }
    const names = await page.evaluate(() => (window as unknown as { __excelFake: { sheets(): { name: string }[] } }).__excelFake.sheets().map((s) => s.name));
    expect(names).toEqual(['Лист1', `Параметры ${month}`, `Итоги ${month}`, `Задачи ${month}`]);
    await seriousAxe(page);
    await closePane(page);
  });

  it('shows a manager only their own row, and no load into the workbook', async () => {
    const page = await open(manager, 350);
    const mine = await page.waitForSelector('[data-testid="my-grade"]', { timeout: 20_000 });
    expect(await mine.innerText()).toContain('К выплате');
    expect(await page.locator('[data-testid="load-month"]').count()).toBe(0);
    expect(await page.locator('[data-testid="head-pay"]').count()).toBe(0);
    await seriousAxe(page);
    await screenshot(page, 'excel-grades-manager-350');
    await closePane(page);
  });
});
