import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../src/i18n/i18n';
import { InvoicePane } from '../../../src/outlook/invoice/InvoicePane';
import type { Invoice } from '../../../src/outlook/invoice/invoiceLogic';
import {
  allByTestId,
  axeViolations,
  buttonByText,
  byTestId,
  cleanup,
  click,
  inputByLabel,
  json,
  problem,
  render,
  signIn,
  stubApi,
  type,
  waitFor,
  type Call,
} from './harness';

const card = {
  id: 'c1',
  name: 'Ромашка',
  legalForm: 'ООО',
  displayName: 'ООО «Ромашка»',
  inn: '7701234567',
  kpp: null,
  ogrn: null,
  domains: ['romashka.ru'],
  website: null,
  address: null,
  bank: { bankName: null, bik: null, settlementAccount: null, correspondentAccount: null },
  signatory: { name: null, position: null, basis: null },
  status: 'active',
  eTag: 'e1',
  contacts: [],
  interactions: [],
};

function invoice(patch: Partial<Invoice>): Invoice {
  return {
    id: '2026-0015',
    number: 15,
    status: 'issued',
    clientId: 'c1',
    clientName: 'ООО «Ромашка»',
    issueDate: '2026-11-02',
    dueDate: '2026-11-12',
    currency: 'RUB',
    net: 10000,
    vat: 2200,
    total: 12200,
    paid: 0,
    balance: 12200,
    overdue: false,
    daysOverdue: 0,
    ...patch,
  };
}

const overdue = invoice({ id: '2026-0015', number: 15, status: 'partlyPaid', paid: 2200, balance: 10000, overdue: true, daysOverdue: 12 });
const paid = invoice({ id: '2026-0009', number: 9, status: 'paid', paid: 12200, balance: 0, issueDate: '2026-10-01' });

function withSender(address: string | null) {
  const office = (globalThis as unknown as { Office: { context: Record<string, unknown> } }).Office;
  office.context.mailbox = address ? { item: { from: { emailAddress: address } }, addHandlerAsync: vi.fn() } : undefined;
}

beforeEach(() => {
  setLanguage('ru');
  URL.createObjectURL = vi.fn(() => 'blob:doc');
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
  withSender(null);
});

describe('«Счёт» pane', { timeout: 30_000 }, () => {
  it('shows the sender client’s invoices with Russian statuses, amounts and days overdue', async () => {
    signIn(['manager']);
    withSender('buh@romashka.ru');
    const calls = stubApi((c) => {
      if (c.path === 'clients/lookup?email=buh%40romashka.ru') return card;
      if (c.path === 'invoices?client=c1') return [paid, overdue];
      return undefined;
    });
    const { container } = await render(<InvoicePane host="outlook" />);
    const rows = await waitFor(() => allByTestId(container, 'invoice-row').length === 2 && allByTestId(container, 'invoice-row'));
    expect(byTestId(container, 'invoice-client-name')?.textContent).toBe('ООО «Ромашка»');
    expect(rows.map((r) => r.dataset.number)).toEqual(['15', '9']);
    expect(rows[0].textContent).toContain('Счёт № 15 от 02.11.2026');
    expect(rows[0].textContent).toContain('Сумма: 12\u00a0200,00\u00a0₽');
    expect(rows[0].textContent).toContain('Оплачено: 2\u00a0200,00\u00a0₽');
    expect(rows[0].textContent).toContain('Остаток: 10\u00a0000,00\u00a0₽');
    expect(byTestId(rows[0], 'invoice-status')?.textContent).toBe('Оплачен частично');
    expect(byTestId(rows[0], 'invoice-overdue')?.textContent).toBe('12\u00a0дней просрочки');
    expect(byTestId(rows[1], 'invoice-status')?.textContent).toBe('Оплачен');
    expect(byTestId(rows[1], 'invoice-overdue')).toBeNull();
    expect(calls.map((c) => c.path)).toContain('invoices?client=c1');
    // A manager does not record payments.
    expect(byTestId(container, 'invoice-pay')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('finds a client by search when there is no sender', async () => {
    signIn(['manager']);
    const calls = stubApi((c) => {
      if (c.path.startsWith('clients?search=')) return [{ id: 'c1', name: 'ООО «Ромашка»', inn: '7701234567', domains: [], matchedToken: 'ромаш' }];
      if (c.path === 'invoices?client=c1') return [];
      return undefined;
    });
    const { container } = await render(<InvoicePane host={null} />);
    await type(byTestId(container, 'client-search-input'), 'ромаш');
    const hit = await waitFor(() => [...container.querySelectorAll('button')].find((b) => b.textContent?.includes('ИНН 7701234567')));
    expect(calls.at(-1)?.path).toBe('clients?search=%D1%80%D0%BE%D0%BC%D0%B0%D1%88&limit=10');
    expect(await axeViolations(container)).toEqual([]);
    await click(hit);
    await waitFor(() => byTestId(container, 'invoice-empty'));
    expect(byTestId(container, 'invoice-empty')?.textContent).toBe('У клиента ещё нет счетов.');
    expect(byTestId(container, 'invoice-client-name')?.textContent).toBe('ООО «Ромашка»');
  });

  it('creates and issues a new invoice, with one Idempotency-Key, then lists it', async () => {
    signIn(['manager']);
    withSender('buh@romashka.ru');
    let list: Invoice[] = [];
    const created = invoice({ id: '2026-0016', number: 16, status: 'draft', total: 13700 });
    const calls = stubApi((c) => {
      if (c.path.startsWith('clients/lookup')) return card;
      if (c.path === 'invoices?client=c1') return list;
      if (c.method === 'POST' && c.path === 'invoices') return json(created, 201);
      if (c.method === 'POST' && c.path === 'invoices/2026-0016/issue') {
        list = [{ ...created, status: 'issued', dueDate: '2026-11-12' }];
        return list[0];
      }
      return undefined;
    });
    const { container } = await render(<InvoicePane host="outlook" />);
    await click(await waitFor(() => byTestId(container, 'new-invoice')));
    const form = byTestId(container, 'invoice-form')!;
    expect(form).not.toBeNull();
    await type(inputByLabel(form, 'Наименование'), 'Сопровождение 1С, ноябрь');
    await type(inputByLabel(form, 'Цена, ₽'), '12 200');
    await click(byTestId(form, 'add-item'));
    expect(allByTestId(form, 'invoice-line')).toHaveLength(2);
    const second = allByTestId(form, 'invoice-line')[1];
    await type(inputByLabel(second, 'Наименование'), 'Выезд программиста');
    await type(inputByLabel(second, 'Количество'), '0,5');
    await type(inputByLabel(second, 'Ед. изм.'), 'час');
    await type(inputByLabel(second, 'Цена, ₽'), '3000');
    expect(byTestId(form, 'draft-total')?.textContent).toBe('Сумма по строкам: 13\u00a0700,00\u00a0₽');
    await type(byTestId(form, 'vat-rate'), 'без НДС');
    await type(inputByLabel(form, 'Отсрочка, дней'), '5');
    expect(await axeViolations(container)).toEqual([]);
    await click(byTestId(form, 'create-invoice'));
    await waitFor(() => byTestId(container, 'invoice-notice'));
    const create = calls.find((c) => c.method === 'POST' && c.path === 'invoices')!;
    expect(create.headers['Idempotency-Key']).toMatch(/.{8,}/);
    expect(create.body).toEqual({
      clientId: 'c1',
      clientName: 'ООО «Ромашка»',
      clientEmail: 'buh@romashka.ru',
      paymentTermDays: 5,
      lines: [
        { item: 'Сопровождение 1С, ноябрь', quantity: 1, unit: 'шт', price: 12200, vatRate: null, kind: 'oneOff' },
        { item: 'Выезд программиста', quantity: 0.5, unit: 'час', price: 3000, vatRate: null, kind: 'oneOff' },
      ],
    });
    expect(calls.some((c) => c.method === 'POST' && c.path === 'invoices/2026-0016/issue')).toBe(true);
    expect(byTestId(container, 'invoice-notice')?.textContent).toBe('Счёт № 16 выставлен на 13\u00a0700,00\u00a0₽, оплатить до 12.11.2026.');
    const row = await waitFor(() => byTestId(container, 'invoice-row'));
    expect(row.dataset.number).toBe('16');
    expect(byTestId(row, 'invoice-status')?.textContent).toBe('Выставлен');
    expect(byTestId(container, 'invoice-form')).toBeNull();
  });

  it('shows the API’s field errors at their fields and keeps the key for a retry', async () => {
    signIn(['manager']);
    withSender('buh@romashka.ru');
    const calls = stubApi((c) => {
      if (c.path.startsWith('clients/lookup')) return card;
      if (c.path === 'invoices?client=c1') return [];
      if (c.method === 'POST' && c.path === 'invoices')
        return json({ title: 'Счёт не создан: исправьте поля', status: 400, errors: { 'lines[0].price': ['Цена — неотрицательная сумма в рублях, не точнее копейки.'] } }, 400);
      return undefined;
    });
    const { container } = await render(<InvoicePane host="outlook" />);
    await click(await waitFor(() => byTestId(container, 'new-invoice')));
    const form = byTestId(container, 'invoice-form')!;
    // Local checks first: nothing is sent with an empty line.
    await click(byTestId(form, 'create-invoice'));
    expect(form.textContent).toContain('Укажите наименование товара или услуги.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await type(inputByLabel(form, 'Наименование'), 'Лицензия');
    await type(inputByLabel(form, 'Цена, ₽'), '100');
    await click(byTestId(form, 'create-invoice'));
    await waitFor(() => form.textContent?.includes('не точнее копейки'));
    const priceField = inputByLabel(form, 'Цена, ₽').closest('.fui-Field')!;
    expect(priceField.textContent).toContain('Цена — неотрицательная сумма в рублях, не точнее копейки.');
    expect(byTestId(form, 'error')?.textContent).toContain('Счёт не выставлен: исправьте отмеченные поля.');
    await click(byTestId(form, 'create-invoice'));
    await waitFor(() => calls.filter((c) => c.method === 'POST').length === 2);
    const [a, b] = calls.filter((c) => c.method === 'POST');
    expect(a.headers['Idempotency-Key']).toBe(b.headers['Idempotency-Key']);
  });

  it('lets an accountant record a payment; a refusal is shown as the API wrote it, then the list reloads', async () => {
    signIn(['accountant']);
    let current = invoice({ id: '2026-0015', number: 15, status: 'issued', balance: 12200 });
    let attempt = 0;
    const calls = stubApi((c: Call) => {
      if (c.path.startsWith('clients?search=')) return [{ id: 'c1', name: 'ООО «Ромашка»', inn: null, domains: [], matchedToken: 'р' }];
      if (c.path === 'invoices?client=c1') return [current];
      if (c.method === 'POST' && c.path === 'invoices/2026-0015/payments') {
        attempt += 1;
        if (attempt === 1) return problem(409, 'Оплата 20 000,00 ₽ больше остатка по счёту 12 200,00 ₽.', { code: 'overpayment' });
        current = { ...current, status: 'partlyPaid', paid: 5000, balance: 7200 };
        return json({ payment: { id: 'p1', date: '2026-11-05', amount: 5000 }, invoice: current }, 201);
      }
      return undefined;
    });
    const { container } = await render(<InvoicePane host={null} />);
    expect(byTestId(container, 'new-invoice')).toBeNull();
    await type(byTestId(container, 'client-search-input'), 'р');
    await click(await waitFor(() => buttonByText(container, 'ООО «Ромашка»')));
    await click(await waitFor(() => byTestId(container, 'invoice-pay')));
    const form = byTestId(container, 'payment-form')!;
    expect((byTestId(form, 'payment-amount') as HTMLInputElement).value).toBe('12200,00');
    await type(byTestId(form, 'payment-amount'), '20 000');
    await click(byTestId(form, 'record-payment'));
    const bar = await waitFor(() => byTestId(container, 'error'));
    expect(bar.textContent).toContain('Оплата 20 000,00 ₽ больше остатка по счёту 12 200,00 ₽.');
    const listReads = () => calls.filter((c) => c.path === 'invoices?client=c1').length;
    await waitFor(() => listReads() === 2);

    const form2 = await waitFor(() => byTestId(container, 'payment-form') ?? (byTestId(container, 'invoice-pay') && null));
    await type(byTestId(form2, 'payment-amount'), '5000');
    await click(byTestId(form2, 'record-payment'));
    await waitFor(() => byTestId(container, 'invoice-notice'));
    expect(byTestId(container, 'invoice-notice')?.textContent).toBe('Оплата 5\u00a0000,00\u00a0₽ по счёту № 15 записана, счёт оплачен частично.');
    await waitFor(() => byTestId(container, 'invoice-status')?.textContent === 'Оплачен частично');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts[1].body).toMatchObject({ amount: 5000 });
    expect((posts[1].body as { date: string }).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(posts[0].headers['Idempotency-Key']).not.toBe(posts[1].headers['Idempotency-Key']);
  });

  it('downloads the invoice document and the reconciliation statement under the API’s file names', async () => {
    signIn(['manager']);
    withSender('buh@romashka.ru');
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const docx = (name: string) =>
      new Response(new Blob(['PK']), {
        status: 200,
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Content-Disposition': `attachment; filename="x.docx"; filename*=UTF-8''${encodeURIComponent(name)}` },
      });
    const calls = stubApi((c) => {
      if (c.path.startsWith('clients/lookup')) return card;
      if (c.path === 'invoices?client=c1') return [overdue];
      if (c.path === 'invoices/2026-0015/document') return docx('Счёт № 15 от 02.11.2026.docx');
      if (c.path === 'invoices/reconciliation') return docx('Акт сверки.docx');
      return undefined;
    });
    const { container } = await render(<InvoicePane host="outlook" />);
    await click(await waitFor(() => byTestId(container, 'invoice-document')));
    await waitFor(() => saved.length === 1);
    expect(saved[0]).toBe('Счёт № 15 от 02.11.2026.docx');
    await type(inputByLabel(container, 'С'), '2026-10-01');
    await type(inputByLabel(container, 'По'), '2026-12-31');
    await click(byTestId(container, 'reconciliation'));
    await waitFor(() => saved.length === 2);
    expect(saved[1]).toBe('Акт сверки.docx');
    expect(calls.find((c) => c.path === 'invoices/reconciliation')?.body).toEqual({ clientId: 'c1', from: '2026-10-01', to: '2026-12-31' });
    expect(calls.find((c) => c.path === 'invoices/2026-0015/document')?.method).toBe('POST');
  });

  it('never leaves the pane blank: a failed list shows the error with a retry', async () => {
    signIn(['manager']);
    withSender('buh@romashka.ru');
    let fail = true;
    stubApi((c) => {
      if (c.path.startsWith('clients/lookup')) return card;
      if (c.path === 'invoices?client=c1') return fail ? json({}, 503) : [paid];
      return undefined;
    });
    const { container } = await render(<InvoicePane host="outlook" />);
    const bar = await waitFor(() => byTestId(container, 'error'));
    expect(bar.textContent).toContain('Сервер OfficeFlow временно недоступен. Повторите через минуту.');
    fail = false;
    await click(buttonByText(bar, 'Повторить'));
    await waitFor(() => byTestId(container, 'invoice-row'));
    expect(byTestId(container, 'error')).toBeNull();
  });

  it('shows skeletons while the list loads', async () => {
    signIn(['manager']);
    withSender('buh@romashka.ru');
    stubApi((c) => (c.path.startsWith('clients/lookup') ? card : undefined));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => (String(input).includes('lookup') ? json(card) : new Promise<Response>(() => {}))),
    );
    const { container } = await render(<InvoicePane host="outlook" />);
    await waitFor(() => byTestId(container, 'invoice-skeleton'));
  });
});
