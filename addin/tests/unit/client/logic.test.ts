import { describe, expect, it } from 'vitest';
import {
  buildUpdateBody,
  daysOverdueText,
  formFromCard,
  invoiceStatusText,
  latestInteractions,
  mapFieldErrors,
  overdueSummary,
  overdueText,
  splitDomains,
  taxIdsText,
  validateForm,
} from '../../../src/outlook/client/logic';
import type { OpenInvoiceSummary } from '../../../src/api/types';
import { plain, romashka } from './fixtures';

const invoice = (daysOverdue: number, balance: number, total = balance): OpenInvoiceSummary => ({
  id: `i${daysOverdue}-${balance}`,
  number: 1,
  issueDate: '2026-10-01',
  dueDate: '2026-10-06',
  total,
  balance,
  status: 'issued',
  statusLabel: 'выставлен',
  daysOverdue,
});

describe('overdue badge', () => {
  it('counts only overdue invoices and sums their balances', () => {
    expect(overdueSummary(romashka().openInvoices)).toEqual({ count: 2, amount: 45000 });
    expect(plain(overdueText(romashka().openInvoices))).toBe('Просрочено: 2 счёта, 45 000,00 ₽');
  });

  it('uses Russian plurals', () => {
    expect(plain(overdueText([invoice(1, 1500)]))).toBe('Просрочено: 1 счёт, 1 500,00 ₽');
    expect(plain(overdueText(Array.from({ length: 5 }, (_, i) => invoice(i + 1, 100))))).toBe('Просрочено: 5 счетов, 500,00 ₽');
    expect(plain(overdueText(Array.from({ length: 21 }, (_, i) => invoice(i + 1, 1))))).toBe('Просрочено: 21 счёт, 21,00 ₽');
  });

  it('adds kopecks without float drift', () => {
    expect(overdueSummary([invoice(2, 0.1), invoice(3, 0.2)])?.amount).toBe(0.3);
  });

  it('is absent when nothing is overdue', () => {
    expect(overdueText([invoice(0, 5000)])).toBeNull();
    expect(overdueText(null)).toBeNull();
    expect(overdueText([])).toBeNull();
  });
});

describe('invoice lines', () => {
  it('says days overdue with plurals', () => {
    expect(plain(daysOverdueText(45))).toBe('45 дней просрочки');
    expect(plain(daysOverdueText(1))).toBe('1 день просрочки');
    expect(plain(daysOverdueText(3))).toBe('3 дня просрочки');
    expect(daysOverdueText(0)).toBe('');
  });

  it('shows the machine status in the add-in\'s language, and an unknown one as the server\'s label', () => {
    expect(invoiceStatusText({ status: 'partlyPaid', statusLabel: 'оплачен частично' })).toBe('оплачен частично');
    expect(invoiceStatusText({ status: 'disputed', statusLabel: 'оспорен' })).toBe('оспорен');
  });
});

describe('header', () => {
  it('writes ИНН / КПП', () => {
    expect(taxIdsText({ inn: '7701234567', kpp: '770101001' })).toBe('ИНН 7701234567 / КПП 770101001');
    expect(taxIdsText({ inn: '500100732259', kpp: null })).toBe('ИНН 500100732259');
    expect(taxIdsText({ inn: null, kpp: null })).toBe('');
  });
});

describe('interactions', () => {
  it('newest first, at most 20', () => {
    const list = latestInteractions(romashka().interactions);
    expect(list.map((i) => i.id)).toEqual(['i-new', 'i-old']);
    const many = Array.from({ length: 25 }, (_, i) => ({ ...romashka().interactions[0], id: `i${i}`, at: `2026-11-${String(i + 1).padStart(2, '0')}T10:00:00+03:00` }));
    const shown = latestInteractions(many);
    expect(shown).toHaveLength(20);
    expect(shown[0].id).toBe('i24');
  });
});

describe('the requisites form → PUT /api/clients/{id} body', () => {
  it('fills the form from the card', () => {
    const form = formFromCard(romashka());
    expect(form.name).toBe('Ромашка');
    expect(form.legalForm).toBe('ООО');
    expect(form.bik).toBe('044525225');
    expect(form.signatoryBasis).toBe('Устава');
    expect(form.domains).toBe('romashka.ru');
    expect(form.ogrn).toBe('');
  });

  it('is flat, complete, trimmed, and empty fields are null', () => {
    const form = { ...formFromCard(romashka()), name: '  Ромашка  ', ogrn: '', address: '  Москва,   ул. Ленина ', settlementAccount: '40702 810 9000 0000 0001' };
    expect(buildUpdateBody(form)).toEqual({
      name: 'Ромашка',
      legalForm: 'ООО',
      inn: '7701234567',
      kpp: '770101001',
      ogrn: null,
      domains: ['romashka.ru'],
      website: 'https://romashka.ru',
      address: 'Москва, ул. Ленина',
      bankName: 'ПАО Сбербанк',
      bik: '044525225',
      settlementAccount: '40702810900000000001',
      correspondentAccount: '30101810400000000225',
      signatoryName: 'Петров Иван Сергеевич',
      signatoryPosition: 'Генеральный директор',
      signatoryBasis: 'Устава',
    });
  });

  it('sends the domains back (the API would otherwise clear them)', () => {
    expect(buildUpdateBody(formFromCard(romashka({ domains: ['romashka.ru', 'romashka.com'] }))).domains).toEqual(['romashka.ru', 'romashka.com']);
    expect(splitDomains(' Romashka.ru, @romashka.com;romashka.ru  ')).toEqual(['romashka.ru', 'romashka.com']);
    expect(splitDomains('')).toEqual([]);
  });

  it('requires the name before asking the API', () => {
    expect(validateForm({ ...formFromCard(romashka()), name: '  ' }).name).toEqual(['Укажите название клиента.']);
    expect(validateForm(formFromCard(romashka()))).toEqual({});
  });
});

describe('API field errors → inputs', () => {
  it('puts each message at its input and keeps the rest', () => {
    const mapped = mapFieldErrors({
      inn: ['ИНН 123 не проходит проверку контрольных цифр.'],
      settlementAccount: ['Номер счёта — 20 цифр.'],
      'bank.bik': ['БИК — 9 цифр.'],
      'signatory.name': ['Укажите подписанта.'],
      'domains[1]': ['gmail.com — общедоступная почта.'],
      body: ['Передайте реквизиты клиента в теле запроса (JSON).'],
    });
    expect(mapped.fields).toEqual({
      inn: ['ИНН 123 не проходит проверку контрольных цифр.'],
      settlementAccount: ['Номер счёта — 20 цифр.'],
      bik: ['БИК — 9 цифр.'],
      signatoryName: ['Укажите подписанта.'],
      domains: ['gmail.com — общедоступная почта.'],
    });
    expect(mapped.other).toEqual(['Передайте реквизиты клиента в теле запроса (JSON).']);
  });

  it('accepts the keys as ApiError normalised them or as ASP.NET wrote them', () => {
    expect(mapFieldErrors({ CorrespondentAccount: ['x'], '$.kpp': ['y'] }).fields).toEqual({ correspondentAccount: ['x'], kpp: ['y'] });
    expect(mapFieldErrors(undefined)).toEqual({ fields: {}, other: [] });
  });
});
