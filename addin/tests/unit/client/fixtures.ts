// A client card as GET /api/clients/{id} sends it (the C# records, camelCase).
import type { ClientCard } from '../../../src/api/types';

export function romashka(overrides: Partial<ClientCard> = {}): ClientCard {
  return {
    id: 'c-romashka',
    name: 'Ромашка',
    legalForm: 'ООО',
    displayName: 'ООО «Ромашка»',
    inn: '7701234567',
    kpp: '770101001',
    ogrn: null,
    domains: ['romashka.ru'],
    website: 'https://romashka.ru',
    address: 'Москва, ул. Ленина, д. 1',
    bank: { bankName: 'ПАО Сбербанк', bik: '044525225', settlementAccount: '40702810900000000001', correspondentAccount: '30101810400000000225' },
    signatory: { name: 'Петров Иван Сергеевич', position: 'Генеральный директор', basis: 'Устава' },
    status: 'active',
    eTag: 'W/"datetime\'2026-11-20T10%3A00%3A00.0000000Z\'"',
    contacts: [
      { id: 'k1', clientId: 'c-romashka', name: 'Иван Петров', position: 'Главный бухгалтер', emails: ['ivan@romashka.ru'], phones: ['+7 495 123-45-67'] },
    ],
    interactions: [
      interaction('i-old', '2026-10-01T09:00:00+03:00', 'Старое письмо'),
      interaction('i-new', '2026-11-20T12:30:00+03:00', 'Продление подписки ИТС'),
    ],
    contracts: [
      { number: '2026-0042', date: '2026-11-12T09:00:00+00:00', templateId: 'licence', title: 'Лицензионный договор', amount: 22800, createdByName: 'Иван Иванов', archiveLocation: null },
    ],
    openInvoices: [
      { id: 'inv-1', number: 17, issueDate: '2026-10-01', dueDate: '2026-10-06', total: 30000, balance: 30000, status: 'issued', statusLabel: 'выставлен', daysOverdue: 45 },
      { id: 'inv-2', number: 21, issueDate: '2026-10-20', dueDate: '2026-11-17', total: 20000, balance: 15000, status: 'partlyPaid', statusLabel: 'оплачен частично', daysOverdue: 3 },
      { id: 'inv-3', number: 25, issueDate: '2026-11-18', dueDate: '2026-12-18', total: 5000, balance: 5000, status: 'sent', statusLabel: 'отправлен', daysOverdue: 0 },
    ],
    ...overrides,
  };
}

function interaction(id: string, at: string, subject: string) {
  return {
    id,
    clientId: 'c-romashka',
    contactId: 'k1',
    direction: 'in',
    channel: 'email',
    subject,
    snippet: 'Добрый день! Просим выставить счёт.',
    at,
    internetMessageId: `<${id}@romashka.ru>`,
    loggedBy: 'ivanov',
    loggedByName: 'Иван Иванов',
    source: 'add-in',
  };
}

/** Spaces as the formatters write them (no-break) → plain, for readable assertions. */
export const plain = (text: string | null | undefined) => (text ?? '').replace(/\u00a0/g, ' ');
