// «Счёт»: a manager issues a new invoice (lines, VAT 22 %) for the sender's client and sees it in the list
// as «Выставлен»; an accountant (another token, the pane opened again) records a partial payment — «Оплачен
// частично», the balance drops — and an overpayment gets the API's refusal, word for word.
// An accountant alone (no manager role) finds the sender's client too: reading clients is open to every role.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePane, launchBrowser, openPane } from '../harness/pane';
import { accountantToken, callApi, logCompany, managerToken, messageFrom, newCompany, plain, rub, textOf, why } from './support';

let browser: Browser;
let manager: string;
let accountant: string;
let accountantOnly: string;

beforeAll(async () => {
  browser = await launchBrowser();
  manager = await managerToken('smirnova');
  accountant = await accountantToken();
  accountantOnly = await accountantToken();
});

afterAll(async () => {
  await browser?.close();
});

/** The list's row of one invoice (by its number, as the pane prints it). */
const rowOf = (page: Page, number: number | string) => page.locator(`[data-testid="invoice-row"][data-number="${number}"]`);

describe('«Счёт» pane', () => {
  const company = newCompany();
  const message = messageFrom(company);
  let client: { id: string; displayName: string };
  let invoice: { id: string; number: number; total: number; balance: number; status: string };

  beforeAll(async () => {
    client = await logCompany(manager, company);
  });

  it('a manager issues «Новый счёт» (two lines, НДС 22 %): it is listed as «Выставлен» with its amount', async () => {
    const page = await openPane(browser, 'invoice', { item: message, token: manager });
    try {
      expect(await textOf(page, 'invoice-empty'), why(page)).toBe('У клиента ещё нет счетов.');
      await page.getByTestId('new-invoice').click();
      const form = page.getByTestId('invoice-form');
      await form.waitFor();
      expect(plain(await form.innerText())).toContain(`Клиент: ${company.displayName}`);

      await form.locator('input[name="lines[0].item"]').fill('Лицензия 1С:Предприятие 8 ПРОФ');
      await form.locator('input[name="lines[0].quantity"]').fill('2');
      await form.locator('input[name="lines[0].price"]').fill('12500');
      await page.getByTestId('add-item').click();
      await form.locator('input[name="lines[1].item"]').fill('Установка и настройка');
      await form.locator('input[name="lines[1].quantity"]').fill('1');
      await form.locator('input[name="lines[1].price"]').fill('5000,50');
      expect(await textOf(page, 'draft-total')).toBe(`Сумма по строкам: ${plain(rub(30_000.5))}`);
      await page.getByTestId('vat-rate').selectOption('22');
      expect(await page.getByTestId('vat-rate').locator('option:checked').innerText()).toBe('НДС 22 %');
      await page.getByTestId('create-invoice').click();

      const notice = await textOf(page, 'invoice-notice', 30_000);
      const list = (await callApi(manager, 'GET', `invoices?client=${encodeURIComponent(client.id)}`)).body as (typeof invoice)[];
      expect(list, 'one invoice for the client').toHaveLength(1);
      invoice = list[0];
      expect(invoice.status).toBe('issued');
      expect(notice, why(page)).toMatch(new RegExp(`^Счёт № ${invoice.number} выставлен на ${plain(rub(invoice.total)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, оплатить до \\d\\d\\.\\d\\d\\.\\d{4}\\.$`));
      expect(await page.getByTestId('invoice-form').count(), 'the form closes').toBe(0);

      const row = rowOf(page, invoice.number);
      await row.waitFor({ timeout: 20_000 });
      expect(plain(await row.getByTestId('invoice-status').innerText())).toBe('Выставлен');
      const text = plain(await row.innerText());
      expect(text).toContain(`Счёт № ${invoice.number} от `);
      expect(text).toContain(`Сумма: ${plain(rub(invoice.total))}`);
      expect(text).toMatch(/Оплатить до \d\d\.\d\d\.\d{4}/);
      // A manager does not record payments.
      expect(await row.getByTestId('invoice-pay').count()).toBe(0);
    } finally {
      await closePane(page);
    }
  });

  it('an accountant (the accountant role alone) sees the sender\'s invoices and «Оплата»', async () => {
    const page = await openPane(browser, 'invoice', { item: message, token: accountantOnly });
    try {
      await page.getByTestId('error').or(page.getByTestId('invoice-list')).first().waitFor({ timeout: 20_000 });
      const row = rowOf(page, invoice.number);
      await row.waitFor({ timeout: 3_000 });
      expect(await row.getByTestId('invoice-pay').count()).toBe(1);
    } finally {
      await closePane(page);
    }
  });

  it('an accountant records a partial payment: «Оплачен частично», the balance drops; an overpayment shows the API\'s refusal', async () => {
    expect(invoice, 'the previous test issued the invoice').toBeDefined();
    const page = await openPane(browser, 'invoice', { item: message, token: accountant });
    try {
      const row = rowOf(page, invoice.number);
      await row.waitFor({ timeout: 20_000 });
      expect(plain(await row.getByTestId('invoice-status').innerText()), why(page)).toBe('Выставлен');

      const part = 10_000;
      await row.getByTestId('invoice-pay').click();
      const payment = row.getByTestId('payment-form');
      await payment.waitFor();
      expect(plain(await payment.innerText())).toContain(`Остаток к оплате: ${plain(rub(invoice.balance))}`);
      await payment.getByTestId('payment-amount').fill('10 000,00');
      await payment.getByTestId('record-payment').click();

      const balance = Math.round((invoice.total - part) * 100) / 100;
      await expect.poll(() => row.getByTestId('invoice-status').innerText().then(plain), { timeout: 20_000 }).toBe('Оплачен частично');
      expect(await textOf(page, 'invoice-notice')).toBe(`Оплата ${plain(rub(part))} по счёту № ${invoice.number} записана, счёт оплачен частично.`);
      const text = plain(await row.innerText());
      expect(text).toContain(`Оплачено: ${plain(rub(part))}`);
      expect(text).toContain(`Остаток: ${plain(rub(balance))}`);
      expect(text).toContain(`Сумма: ${plain(rub(invoice.total))}`);

      // More than the balance: the API refuses, and the pane shows its words.
      const tooMuch = balance + 1000;
      const refusal = await callApi(accountant, 'POST', `invoices/${encodeURIComponent(invoice.id)}/payments`, { amount: tooMuch, date: new Date().toISOString().slice(0, 10) }, { 'Idempotency-Key': crypto.randomUUID() });
      expect(refusal.status).toBe(409);
      expect(refusal.body.detail).toContain('переплата не принимается');

      await row.getByTestId('invoice-pay').click();
      const again = row.getByTestId('payment-form');
      await again.waitFor();
      await again.getByTestId('payment-amount').fill(tooMuch.toFixed(2).replace('.', ','));
      await again.getByTestId('record-payment').click();
      const error = await textOf(page, 'error');
      expect(error, why(page)).toContain(refusal.body.detail);
      // Nothing changed: still partly paid, the same balance.
      const now = (await callApi(accountant, 'GET', `invoices/${encodeURIComponent(invoice.id)}`)).body;
      expect(now.status).toBe('partlyPaid');
      expect(now.balance).toBe(balance);
      expect(plain(await row.getByTestId('invoice-status').innerText())).toBe('Оплачен частично');
    } finally {
      await closePane(page);
    }
  });
});
