import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/i18n/i18n';
import {
  buildInvoiceBody,
  canTakePayment,
  draftTotal,
  emptyDraft,
  overdueText,
  parseDecimal,
  roundKopecks,
  statusLabel,
  validateDraft,
  vatOptions,
  vatRates,
  apiVatRate,
  type InvoiceDraft,
} from '../../../src/outlook/invoice/invoiceLogic';
import { splitFieldErrors } from '../../../src/outlook/invoice/InvoiceForm';
import { buildPaymentBody } from '../../../src/outlook/invoice/PaymentForm';
import { sortInvoices } from '../../../src/outlook/invoice/InvoicePane';

setLanguage('ru');

const draft = (patch: Partial<InvoiceDraft> = {}): InvoiceDraft => ({
  ...emptyDraft(),
  lines: [
    { key: 1, item: ' Сопровождение 1С, ноябрь ', quantity: '1', unit: 'мес', price: '12 200,00' },
    { key: 2, item: 'Выезд программиста', quantity: '0,5', unit: '', price: '3000' },
  ],
  ...patch,
});

describe('VAT options', () => {
  it('offers 22, 10, 0 and «без НДС», 22 first and the default, and sends them as the API\'s numbers and null', () => {
    expect(vatRates).toEqual(['22', '10', '0', 'без НДС']);
    expect(vatRates.map(apiVatRate)).toEqual([22, 10, 0, null]);
    expect(emptyDraft().vatRate).toBe('22');
    expect(vatOptions().map((o) => o.label)).toEqual(['НДС 22 %', 'НДС 10 %', 'НДС 0 %', 'Без НДС']);
  });
});

describe('status labels', () => {
  it('names every API status in Russian', () => {
    expect(['draft', 'issued', 'sent', 'partlyPaid', 'paid', 'cancelled'].map(statusLabel)).toEqual([
      'Черновик',
      'Выставлен',
      'Отправлен',
      'Оплачен частично',
      'Оплачен',
      'Отменён',
    ]);
  });
  it('shows an unknown status as it came', () => {
    expect(statusLabel('disputed')).toBe('disputed');
  });
});

describe('days overdue', () => {
  it('uses the Russian plural', () => {
    expect(overdueText({ overdue: true, daysOverdue: 1 })).toBe('1\u00a0день просрочки');
    expect(overdueText({ overdue: true, daysOverdue: 3 })).toBe('3\u00a0дня просрочки');
    expect(overdueText({ overdue: true, daysOverdue: 12 })).toBe('12\u00a0дней просрочки');
    expect(overdueText({ overdue: true, daysOverdue: 21 })).toBe('21\u00a0день просрочки');
    expect(overdueText({ overdue: true, daysOverdue: 45 })).toBe('45\u00a0дней просрочки');
  });
  it('is empty when the invoice is not overdue', () => {
    expect(overdueText({ overdue: false, daysOverdue: 0 })).toBe('');
  });
  it('is English when the pane is', () => {
    setLanguage('en');
    expect(overdueText({ overdue: true, daysOverdue: 2 })).toBe('2\u00a0days overdue');
    setLanguage('ru');
  });
});

describe('the create body', () => {
  const client = { id: 'c1', name: 'ООО «Ромашка»', email: 'buh@romashka.ru' };
  it('sends lines with numbers, the chosen rate on every line, and the client', () => {
    expect(buildInvoiceBody(client, draft({ vatRate: 'без НДС', termDays: '5' }))).toEqual({
      clientId: 'c1',
      clientName: 'ООО «Ромашка»',
      clientEmail: 'buh@romashka.ru',
      paymentTermDays: 5,
      lines: [
        { item: 'Сопровождение 1С, ноябрь', quantity: 1, unit: 'мес', price: 12200, vatRate: null, kind: 'oneOff' },
        { item: 'Выезд программиста', quantity: 0.5, unit: 'шт', price: 3000, vatRate: null, kind: 'oneOff' },
      ],
    });
  });
  it('sends a due date instead of a term, and neither when both are empty', () => {
    const byDate = buildInvoiceBody({ id: 'c1', name: 'X' }, draft({ dueMode: 'date', dueDate: '2026-12-01', termDays: '7' }));
    expect(byDate.dueDate).toBe('2026-12-01');
    expect(byDate).not.toHaveProperty('paymentTermDays');
    expect(byDate).not.toHaveProperty('clientEmail');
    const neither = buildInvoiceBody({ id: 'c1', name: 'X' }, draft());
    expect(neither).not.toHaveProperty('dueDate');
    expect(neither).not.toHaveProperty('paymentTermDays');
  });
  it('sums the lines as the API rounds them', () => {
    expect(draftTotal(draft())).toBe(13700);
    expect(roundKopecks(0.165)).toBe(0.17);
    expect(draftTotal({ ...emptyDraft(), lines: [1, 2, 3].map((key) => ({ key, item: 'x', quantity: '0,3333', unit: 'мес', price: '100' })) })).toBeCloseTo(99.99, 2);
  });
});

describe('form checks', () => {
  it('reads Russian numbers', () => {
    expect(parseDecimal('1 500,50')).toBe(1500.5);
    expect(parseDecimal('1\u00a0500')).toBe(1500);
    expect(parseDecimal('abc')).toBeNull();
  });
  it('marks the fields at their lines, keyed as the API keys them', () => {
    const errors = validateDraft({ ...emptyDraft(), lines: [{ key: 1, item: '', quantity: '0', unit: 'шт', price: '10,005' }], dueMode: 'date', dueDate: '' });
    expect(Object.keys(errors).sort()).toEqual(['dueDate', 'lines[0].item', 'lines[0].price', 'lines[0].quantity']);
    expect(validateDraft(draft())).toEqual({});
    expect(validateDraft(draft({ termDays: '400' }))).toHaveProperty('paymentTermDays');
    expect(validateDraft({ ...emptyDraft(), lines: [] })).toHaveProperty('lines');
  });
  it('places the API field errors it has a field for and passes the rest on', () => {
    const { placed, rest } = splitFieldErrors(
      { 'lines[1].price': ['Цена…'], 'lines[0].vatRate': ['Ставка…'], clientId: ['Укажите клиента'], paymentTermDays: ['Отсрочка…'] },
      2,
    );
    expect(placed).toEqual({ 'lines[1].price': ['Цена…'], vatRate: ['Ставка…'], paymentTermDays: ['Отсрочка…'] });
    expect(rest).toEqual(['Укажите клиента']);
  });
});

describe('payments', () => {
  it('takes payments on issued, sent and partly paid invoices with a balance', () => {
    expect(canTakePayment({ status: 'issued', balance: 10 })).toBe(true);
    expect(canTakePayment({ status: 'partlyPaid', balance: 10 })).toBe(true);
    expect(canTakePayment({ status: 'draft', balance: 10 })).toBe(false);
    expect(canTakePayment({ status: 'paid', balance: 0 })).toBe(false);
    expect(canTakePayment({ status: 'cancelled', balance: 10 })).toBe(false);
  });
  it('builds the payment body and refuses a bad amount', () => {
    expect(buildPaymentBody('1 000,5', '2026-11-05', ' 314 ')).toEqual({ body: { amount: 1000.5, date: '2026-11-05', orderNumber: '314' }, errors: {} });
    expect(buildPaymentBody('0', '2026-11-05', '').errors).toHaveProperty('amount');
    expect(buildPaymentBody('10', '', '').errors).toHaveProperty('date');
  });
});

it('lists invoices newest first', () => {
  const ids = sortInvoices([{ id: '2025-0099' }, { id: '2026-0002' }, { id: '2026-0010' }] as never).map((i) => i.id);
  expect(ids).toEqual(['2026-0010', '2026-0002', '2025-0099']);
});
