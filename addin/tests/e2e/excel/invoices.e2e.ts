// «Счета» in the fake Excel: the register and the aging as two tables on «Счета», a client filter.
// Two invoices are created and issued through the app's API (a client named =HYPERLINK("http://x","y")
// and a «Ромашка» of this run): drafts are in the register but not in the aging, issued ones in both.
// A failed seeding call fails the file with its status and body.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, closePane, describeViolations, devToken, launchBrowser, openPane, screenshot } from '../harness/pane';
import { logCompany, newCompany } from '../outlook/support';
import { api, hyperlink } from './api';
import type { FakeCell } from './workbook';

interface Invoice {
  id: string;
  number: number;
  status: string;
  clientName: string;
  balance: number;
}

let browser: Browser;
let token: string;
const run = Date.now().toString(36);
const romashka = `ООО «Ромашка ${run}»`;
const issued = {} as Record<'hyperlink' | 'romashka', Invoice>;

beforeAll(async () => {
  browser = await launchBrowser();
  token = await devToken(undefined, 'buh', ['accountant'], 'Елена Бухгалтер');
  const managerToken = await devToken(undefined, 'kuznetsova', ['manager'], 'Мария Кузнецова');
  for (const [key, clientName, i] of [['hyperlink', hyperlink, 1], ['romashka', romashka, 2]] as const) {
    // An invoice needs an existing client card: a logged message creates one.
    const client = await logCompany(managerToken, newCompany('Лютик'));
    const draft = await api<Invoice>('POST', 'invoices', managerToken, {
      clientId: client.id,
      clientName,
      paymentTermDays: 5,
      lines: [{ item: 'Сопровождение 1С', quantity: 1, unit: 'мес', price: 12200, vatRate: 22, kind: 'subscription' }],
    }, { 'Idempotency-Key': `excel-e2e-${run}-${i}` });
    if (!draft?.id) throw new Error(`POST /api/invoices: no id in ${JSON.stringify(draft)}`);
    const invoice = await api<Invoice>('POST', `invoices/${encodeURIComponent(draft.id)}/issue`, managerToken);
    if (invoice.status !== 'issued' || invoice.clientName !== clientName || !(invoice.balance > 0)) {
      throw new Error(`POST /api/invoices/${draft.id}/issue: expected an issued invoice of ${clientName} with a balance, got ${JSON.stringify(invoice)}`);
    }
    issued[key] = invoice;
  }
  // The aging report of the app counts the issued invoices: the pane has to find both clients there.
  const aging = await api<{ clients: { clientName: string }[] }>('GET', 'invoices/aging', token);
  for (const name of [hyperlink, romashka]) {
    if (!aging.clients.some((c) => c.clientName === name)) throw new Error(`GET /api/invoices/aging has no row of ${name}: ${JSON.stringify(aging)}`);
  }
});

afterAll(async () => {
  await browser?.close();
});

const open = (width: number): Promise<Page> => openPane(browser, 'invoices', { host: 'Excel', token, width, height: 800 });

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
    const hyperlinkCells = Object.entries(cells).filter(([, c]) => c.value === hyperlink);
    expect(hyperlinkCells.length, JSON.stringify(hyperlinkCells)).toBeGreaterThanOrEqual(2); // in the register and in the aging
    // The register's row of the invoice issued to «=HYPERLINK(…)» names that client (column B) as text.
    const numberRow = Object.entries(cells).find(([ref, c]) => /^A\d+$/.test(ref) && c.value === issued.hyperlink.number)?.[0].slice(1);
    expect(numberRow, `no register row with number ${issued.hyperlink.number}`).toBeDefined();
    expect(cells[`B${numberRow}`]?.value).toBe(hyperlink);
    for (const [ref, c] of hyperlinkCells) expect(c, ref).toMatchObject({ numberFormat: '@', order: ['numberFormat', 'values'] });
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
