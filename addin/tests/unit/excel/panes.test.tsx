// The two Excel panes rendered in jsdom against a stubbed API and office-addin-mock's Excel.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../src/i18n/i18n';
import { GradesPane } from '../../../src/excel/grades/GradesPane';
import { InvoicesPane } from '../../../src/excel/invoices/InvoicesPane';
import { previousMonth } from '../../../src/excel/shared';
import { axeViolations, byTestId, cleanup, click, flush, json, render, signIn, stubApi, type, waitFor } from '../invoice/harness';
import { createExcelMock, type ExcelMock } from './excelMock';
import { hyperlink, monthSheets, taskRow } from './fixture';

const nbsp = '\u00a0';
let mock: ExcelMock;

beforeEach(() => {
  setLanguage('ru');
  mock = createExcelMock(['Лист1']);
  (globalThis as Record<string, unknown>).Excel = mock.Excel;
});
afterEach(() => {
  cleanup();
  delete (globalThis as Record<string, unknown>).Excel;
});

const grades = (overrides: object = {}) => ({
  month: '2026-10',
  policyVersion: '2026-01',
  workingDays: 22,
  employees: [
    { id: 'e1', name: 'Анна Смирнова', role: 'manager', workingDays: 22, plan: 176, points: 190, pointsByClass: {}, pointsByCategory: {}, tasks: 60, fulfilment: 1.0795, band: 'A', coefficient: 1.2, basePay: 60000, targetBonus: 20000, deductions: 0, bonus: 25908, guaranteedMinimum: 40000, pay: 85908 },
    { id: 'head', name: 'Олег Петров', role: 'head', workingDays: 22, plan: 0, points: 0, pointsByClass: {}, pointsByCategory: {}, tasks: 0, fulfilment: 0, band: 'D', coefficient: 0, basePay: 0, targetBonus: 0, deductions: 0, bonus: 0, guaranteedMinimum: 50000, pay: 216592 },
  ],
  head: { volume: 605000, share: 0.5, shareOfVolume: 302500, staffSalaries: 85908, contractors: 0, profit: 216592 },
  warnings: [],
  ...overrides,
});

describe('«Оценки за месяц»', () => {
  it('defaults to the previous month', () => {
    expect(previousMonth(new Date(2026, 0, 15))).toBe('2025-12');
    expect(previousMonth(new Date(2026, 10, 1))).toBe('2026-10');
  });

  it('shows the accountant the head’s pay and loads the month into the workbook with progress', async () => {
    signIn(['accountant']);
    const total = 12_000;
    const calls = stubApi((call) => {
      if (call.path === 'grades/2026-10') return grades();
      if (call.path === 'grades/2026-10/sheets') return monthSheets(2, total);
      const m = /^grades\/2026-10\/tasks\?skip=(\d+)&take=(\d+)$/.exec(call.path);
      if (m) {
        const skip = +m[1];
        const rows = [];
        for (let i = skip; i < Math.min(total, skip + +m[2]); i++) rows.push(taskRow(i));
        return { total, skip, rows };
      }
      return undefined;
    });
    const { container } = await render(<GradesPane host="excel" now={new Date(2026, 10, 5)} />);
    const picker = byTestId(container, 'month-picker') as HTMLInputElement;
    expect(picker.value).toBe('2026-10');
    const head = await waitFor(() => byTestId(container, 'head-pay'));
    expect(head.textContent).toContain(`Олег Петров: к выплате 216${nbsp}592,00${nbsp}₽`);
    expect(head.textContent).toContain(`Прибыль отдела 216${nbsp}592,00${nbsp}₽`);
    expect(byTestId(container, 'my-grade')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);

    await click(byTestId(container, 'load-month'));
    const notice = await waitFor(() => byTestId(container, 'grades-notice'), 20_000);
    expect(notice.textContent).toContain(`Месяц 2026-10 загружен: 12${nbsp}000${nbsp}строк в «Задачи 2026-10»`);
    expect(byTestId(container, 'progress')).toBeNull();
    expect(calls.filter((c) => c.path.startsWith('grades/2026-10/tasks')).map((c) => c.path)).toEqual([
      'grades/2026-10/tasks?skip=0&take=5000',
      'grades/2026-10/tasks?skip=5000&take=5000',
      'grades/2026-10/tasks?skip=10000&take=5000',
    ]);
    expect(mock.cell('Задачи 2026-10', 'F2')).toMatchObject({ value: hyperlink, numberFormat: '@' });
    expect(mock.sheet('Задачи 2026-10').tables[0].address).toBe('A1:H12001');
    expect(mock.syncs()).toBe(6);
  }, 30_000);

  it('shows «Записано 5 000 из 20 000 строк» and stops after the current chunk on «Отменить»', async () => {
    signIn(['admin']);
    const total = 20_000;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    stubApi((call) => {
      if (call.path === 'grades/2026-10') return grades();
      if (call.path === 'grades/2026-10/sheets') return monthSheets(2, total);
      const m = /tasks\?skip=(\d+)&take=(\d+)$/.exec(call.path);
      if (m) {
        const skip = +m[1];
        const rows = [];
        for (let i = skip; i < Math.min(total, skip + +m[2]); i++) rows.push(taskRow(i));
        return json({ total, skip, rows });
      }
      return undefined;
    });
    // The second chunk is answered only after the test has pressed «Отменить».
    const inner = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('skip=5000')) await gate;
      return inner(input, init);
    });
    const { container } = await render(<GradesPane host="excel" now={new Date(2026, 10, 5)} />);
    await waitFor(() => byTestId(container, 'head-pay'));
    await click(byTestId(container, 'load-month'));
    const progress = await waitFor(() => byTestId(container, 'progress')?.textContent?.includes('Записано 5') && byTestId(container, 'progress'), 10_000);
    expect(progress.textContent).toContain(`Записано 5${nbsp}000 из 20${nbsp}000 строк`);
    await click(byTestId(container, 'cancel-load'));
    release();
    const notice = await waitFor(() => byTestId(container, 'grades-notice'), 10_000);
    expect(notice.textContent).toContain('Загрузка остановлена');
    expect(mock.sheet('Задачи 2026-10').tables[0].address).toBe('A1:H10001');
  }, 30_000);

  it('shows a manager only their own row, without loading others’ pay', async () => {
    signIn(['manager']);
    const calls = stubApi((call) => (call.path === 'grades/2026-10' ? grades({ employees: [grades().employees[0]], head: null }) : undefined));
    const { container } = await render(<GradesPane host="excel" now={new Date(2026, 10, 5)} />);
    const mine = await waitFor(() => byTestId(container, 'my-grade'));
    expect(mine.textContent).toContain('Оценка');
    expect(mine.textContent).toContain(`85${nbsp}908,00${nbsp}₽`);
    expect(mine.textContent).toContain(`107,9${nbsp}%`);
    expect(byTestId(container, 'load-month')).toBeNull();
    expect(byTestId(container, 'download-workbook')).toBeNull();
    expect(byTestId(container, 'head-pay')).toBeNull();
    expect(calls.map((c) => c.path)).toEqual(['grades/2026-10']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows the API’s Russian problem in the pane (no policy for the month) and a month that is not yyyy-MM', async () => {
    signIn(['accountant']);
    stubApi(() => new Response(JSON.stringify({ status: 422, title: 'Нет политики оценок для месяца 2019-01' }), { status: 422, headers: { 'Content-Type': 'application/problem+json' } }));
    const { container } = await render(<GradesPane host="excel" now={new Date(2019, 1, 5)} />);
    const error = await waitFor(() => byTestId(container, 'error'));
    expect(error.textContent).toContain('Нет политики оценок для месяца 2019-01');
    await type(byTestId(container, 'month-picker'), '');
    expect(container.textContent).toContain('Укажите месяц в виде ГГГГ-ММ');
  });

  it('downloads the month’s workbook under the API’s file name', async () => {
    signIn(['accountant']);
    const calls = stubApi((call) => {
      if (call.path === 'grades/2026-10') return grades();
      if (call.path === 'grades/2026-10/workbook') {
        return new Response(new Blob(['xlsx']), { status: 200, headers: { 'Content-Disposition': "attachment; filename=grades-2026-10.xlsx; filename*=UTF-8''%D0%9E%D1%86%D0%B5%D0%BD%D0%BA%D0%B8-2026-10.xlsx" } });
      }
      return undefined;
    });
    const created: string[] = [];
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      created.push(this.download);
    };
    const { container } = await render(<GradesPane host="excel" now={new Date(2026, 10, 5)} />);
    await click(byTestId(container, 'download-workbook'));
    await waitFor(() => byTestId(container, 'grades-notice'));
    expect(created).toEqual(['Оценки-2026-10.xlsx']);
    expect(calls.some((c) => c.path === 'grades/2026-10/workbook')).toBe(true);
  });

  it('outside Excel: says so, and the load button is off', async () => {
    signIn(['accountant']);
    stubApi((call) => (call.path === 'grades/2026-10' ? grades() : undefined));
    const { container } = await render(<GradesPane host={null} now={new Date(2026, 10, 5)} />);
    expect(byTestId(container, 'not-in-excel')).not.toBeNull();
    expect((byTestId(container, 'load-month') as HTMLButtonElement).disabled).toBe(true);
  });
});

const invoice = (id: string, number: number, clientName: string, status: string, total: number, paid: number, overdue = false, daysOverdue = 0) => ({
  id, number, status, clientId: `c-${number}`, clientName, issueDate: '2026-10-01', dueDate: '2026-10-11', total, paid, balance: total - paid, overdue, daysOverdue,
});

describe('«Счета»', () => {
  const aging = {
    asOf: '2026-11-29',
    clients: [
      { clientId: 'c-1', clientName: hyperlink, invoiceCount: 1, buckets: { current: 0, days1To30: 0, days31To60: 1000, days61To90: 0, over90: 0, total: 1000, overdue: 1000 } },
      { clientId: 'c-2', clientName: 'ООО «Ромашка»', invoiceCount: 1, buckets: { current: 500, days1To30: 0, days31To60: 0, days61To90: 0, over90: 0, total: 500, overdue: 0 } },
    ],
    totals: { current: 500, days1To30: 0, days31To60: 1000, days61To90: 0, over90: 0, total: 1500, overdue: 1000 },
  };
  const list = [invoice('2026-0002', 2, 'ООО «Ромашка»', 'sent', 500, 0), invoice('2026-0001', 1, hyperlink, 'partlyPaid', 1500, 500, true, 49)];

  it('writes the register and the aging as two tables on «Счета» and summarises them', async () => {
    signIn(['accountant']);
    const calls = stubApi((call) => (call.path === 'invoices' ? list : call.path === 'invoices/aging' ? aging : undefined));
    const { container } = await render(<InvoicesPane host="excel" />);
    expect(await axeViolations(container)).toEqual([]);
    await click(byTestId(container, 'invoices-refresh'));
    const summary = await waitFor(() => byTestId(container, 'register-summary'));
    expect(summary.textContent).toContain(`2${nbsp}счёта на 2${nbsp}000,00${nbsp}₽, оплачено 500,00${nbsp}₽, остаток 1${nbsp}500,00${nbsp}₽; просрочено: 1${nbsp}счёт, 1${nbsp}000,00${nbsp}₽.`);
    expect(calls.map((c) => c.path).sort()).toEqual(['invoices', 'invoices/aging']);
    const sheet = mock.sheet('Счета');
    expect(sheet.tables.map((t) => [t.address, t.showTotals])).toEqual([['A2:I4', true], ['A9:I11', true]]);
    expect(mock.cell('Счета', 'A3')).toMatchObject({ value: 1 });
    expect(mock.cell('Счета', 'B3')).toMatchObject({ value: hyperlink, numberFormat: '@', order: ['numberFormat', 'values'] });
    expect(mock.cell('Счета', 'C3')).toMatchObject({ value: 46296, numberFormat: 'dd.mm.yyyy' });
    expect(mock.cell('Счета', 'G3')).toMatchObject({ value: 1000, numberFormat: '#,##0.00 "₽"' });
    expect(mock.cell('Счета', 'H3')).toMatchObject({ value: 'Оплачен частично, просрочен' });
    expect(mock.cell('Счета', 'I3')).toMatchObject({ value: 49 });
    expect(mock.cell('Счета', 'G5')).toMatchObject({ formula: '=SUBTOTAL(109,G3:G4)' });
    expect(mock.cell('Счета', 'A8')).toMatchObject({ value: 'Старение долга на 29.11.2026' });
    expect(mock.cell('Счета', 'E10')).toMatchObject({ value: 1000 });
    expect(mock.cell('Счета', 'I12')).toMatchObject({ formula: '=SUBTOTAL(109,I10:I11)' });
  });

  it('filters by status through the API and by client name here', async () => {
    signIn(['accountant']);
    const calls = stubApi((call) => (call.path === 'invoices?status=overdue' ? [list[1]] : call.path === 'invoices' ? list : call.path === 'invoices/aging' ? aging : undefined));
    const { container } = await render(<InvoicesPane host="excel" />);
    await type(byTestId(container, 'client-filter'), 'ромашка');
    await click(byTestId(container, 'invoices-refresh'));
    await waitFor(() => byTestId(container, 'register-summary'));
    expect(mock.cell('Счета', 'B3')?.value).toBe('ООО «Ромашка»');
    expect(mock.cell('Счета', 'A4')?.value).toBe('Итого');
    expect(mock.cell('Счета', 'A9')?.value).toBe('ООО «Ромашка»');

    await type(byTestId(container, 'status-filter'), 'overdue');
    await type(byTestId(container, 'client-filter'), '');
    await click(byTestId(container, 'invoices-refresh'));
    await flush(20);
    await waitFor(() => calls.some((c) => c.path === 'invoices?status=overdue'));
    await waitFor(() => mock.cell('Счета', 'B3')?.value === hyperlink);
    expect(mock.sheets.filter((s) => s.name === 'Счета')).toHaveLength(1);
  });

  it('shows the API’s error in the pane', async () => {
    signIn(['accountant']);
    stubApi(() => new Response('', { status: 503 }));
    const { container } = await render(<InvoicesPane host="excel" />);
    await click(byTestId(container, 'invoices-refresh'));
    const error = await waitFor(() => byTestId(container, 'error'));
    expect(error.textContent).toContain('временно недоступен');
  });
});
