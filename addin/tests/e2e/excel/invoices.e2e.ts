// «Счета» in the fake Excel: the register and the aging as two tables on «Счета», a client filter.
// Invoices are created through the API when the app has it; otherwise GET /api/invoices and
// /api/invoices/aging are answered by page.route in the documented shape.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, closePane, describeViolations, devToken, launchBrowser, openPane, screenshot } from '../harness/pane';
import { hyperlink, unsignedToken } from './synthetic';
import type { FakeCell } from './workbook';

let browser: Browser;
let token: string;
let stub = true;
const run = Date.now().toString(36);
const romashka = `ООО «Ромашка ${run}»`;

const stubList = [
  { id: '2026-0001', number: 1, status: 'partlyPaid', clientId: 'c1', clientName: hyperlink, issueDate: '2026-10-01', dueDate: '2026-10-11', total: 1500, paid: 500, balance: 1000, overdue: true, daysOverdue: 49 },
  { id: '2026-0002', number: 2, status: 'issued', clientId: 'c2', clientName: romashka, issueDate: '2026-11-20', dueDate: '2026-11-30', total: 12200, paid: 0, balance: 12200, overdue: false, daysOverdue: 0 },
];
const stubAging = {
  asOf: '2026-11-29',
  clients: [
    { clientId: 'c1', clientName: hyperlink, invoiceCount: 1, buckets: { current: 0, days1To30: 0, days31To60: 1000, days61To90: 0, over90: 0, total: 1000, overdue: 1000 } },
    { clientId: 'c2', clientName: romashka, invoiceCount: 1, buckets: { current: 12200, days1To30: 0, days31To60: 0, days61To90: 0, over90: 0, total: 12200, overdue: 0 } },
  ],
  totals: { current: 12200, days1To30: 0, days31To60: 1000, days61To90: 0, over90: 0, total: 13200, overdue: 1000 },
};

beforeAll(async () => {
  browser = await launchBrowser();
  try {
    token = await devToken(undefined, 'buh', ['accountant'], 'Елена Бухгалтер');
    const managerToken = await devToken(undefined, 'kuznetsova', ['manager'], 'Мария Кузнецова');
    for (const [clientName, i] of [[hyperlink, 1], [romashka, 2]] as const) {
      const response = await fetch(`${baseUrl()}/api/invoices`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${managerToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': `excel-e2e-${run}-${i}` },
        body: JSON.stringify({ clientId: `excel-e2e-${run}-${i}`, clientName, paymentTermDays: 5, lines: [{ item: 'Сопровождение 1С', quantity: 1, unit: 'мес', price: 12200, vatRate: '22', kind: 'subscription' }] }),
      });
      if (response.status >= 300) throw new Error(`POST /api/invoices: ${response.status}`);
    }
    stub = false;
  } catch {
    stub = true;
    token = unsignedToken('buh', ['accountant'], 'Елена Бухгалтер');
  }
  console.log(`invoices e2e: ${stub ? 'GET /api/invoices stubbed through page.route' : 'invoices created through the app'}`);
});

afterAll(async () => {
  await browser?.close();
});

async function open(width: number): Promise<Page> {
  const page = await openPane(browser, 'invoices', { host: 'Excel', token, width, height: 800 });
  if (stub) {
    await page.route(/\/api\/invoices(\/aging)?(\?.*)?$/, (route) => {
      const url = new URL(route.request().url());
      const body = url.pathname.endsWith('/aging') ? stubAging : url.searchParams.get('status') === 'overdue' ? stubList.filter((i) => i.overdue) : stubList;
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    });
  }
  return page;
}

const cellsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __excelFake: { cells(n: string): Record<string, FakeCell> | null } }).__excelFake.cells('Счета'));

async function seriousAxe(page: Page) {
  const violations = await axe(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

describe('«Счета» in Excel', () => {
  it('writes the register and the aging as tables with totals, client names as text', async () => {
    const page = await open(350);
    await page.waitForSelector('[data-testid="invoices-refresh"]', { timeout: 20_000 });
    await seriousAxe(page);
    await page.click('[data-testid="invoices-refresh"]');
    const summary = await page.waitForSelector('[data-testid="register-summary"]', { timeout: 20_000 });
    expect(await summary.innerText()).toMatch(/счет|счёт/);
    await screenshot(page, 'excel-invoices-350');
    const sheets = await page.evaluate(() => (window as unknown as { __excelFake: { sheets(): { name: string; tables: { address: string; showTotals: boolean }[] }[] } }).__excelFake.sheets());
    const sheet = sheets.find((s) => s.name === 'Счета')!;
    expect(sheet.tables).toHaveLength(2);
    expect(sheet.tables.every((t) => t.showTotals)).toBe(true);
    const cells = (await cellsOf(page))!;
    expect(cells.A2.value).toBe('Номер');
    const hyperlinkCells = Object.values(cells).filter((c) => c.value === hyperlink);
    expect(hyperlinkCells.length).toBeGreaterThanOrEqual(2); // in the register and in the aging
    for (const c of hyperlinkCells) expect(c).toMatchObject({ numberFormat: '@', order: ['numberFormat', 'values'] });
    expect(Object.values(cells).some((c) => c.formula?.startsWith('=SUBTOTAL(109,'))).toBe(true);
    await closePane(page);
  });

  it('filters by client at 800 px: only that client’s rows, and the sheet is replaced, not duplicated', async () => {
    const page = await open(800);
    await page.click('[data-testid="invoices-refresh"]');
    await page.waitForSelector('[data-testid="register-summary"]', { timeout: 20_000 });
    await page.fill('[data-testid="client-filter"]', `ромашка ${run}`);
    await page.click('[data-testid="invoices-refresh"]');
    await page.waitForFunction(() => {
      const cells = (window as unknown as { __excelFake: { cells(n: string): Record<string, { value?: unknown }> | null } }).__excelFake.cells('Счета');
      return !!cells && cells.A4?.value === 'Итого';
    }, undefined, { timeout: 20_000 });
    const cells = (await cellsOf(page))!;
    expect(cells.B3.value).toBe(romashka);
    await seriousAxe(page);
    await screenshot(page, 'excel-invoices-800');
    const names = await page.evaluate(() => (window as unknown as { __excelFake: { sheets(): { name: string }[] } }).__excelFake.sheets().map((s) => s.name));
    expect(names.filter((n) => n === 'Счета')).toHaveLength(1);
    await closePane(page);
  });
});
