// The service-maintenance template's field list as GET /api/contract-templates?clientId= returns it
// (read from the committed .docx's tags and ContractFieldDto.From), for a card without the genitive signatory.
import type { ClientCard } from '../../../src/api/types';
import type { ContractField, ContractTemplate } from '../../../src/outlook/contract/model';

const f = (name: string, filledBy: string, extra: Partial<ContractField> = {}): ContractField => ({
  name,
  kind: 'value',
  formatters: [],
  filledBy,
  fields: [],
  value: null,
  ...extra,
});

const card: Record<string, string> = {
  name: 'ООО «Ромашка»',
  inn: '7705987654',
  kpp: '770501001',
  ogrn: '1157746654321',
  address: '115054, г. Москва, ул. Дубининская, д. 57, стр. 1',
  bank: 'АО «Альфа-Банк», г. Москва',
  account: '40702810401300054321',
  corr_account: '30101810200000000593',
  bik: '044525593',
  signatory_position: 'Директор',
  signatory_short: 'Е.С. Петрова',
  basis: 'Устава',
};
const client = (key: string) => f(`client.${key}`, 'client', { value: card[key] ?? null });
const supplier = (key: string) => f(`supplier.${key}`, 'server');

export const serviceMaintenance: ContractTemplate = {
  id: 'service-maintenance',
  title: 'Договор на сервисное обслуживание',
  fields: [
    f('number', 'server'),
    f('city', 'manager'),
    f('date', 'server', { formatters: ['date_ru', 'date'] }),
    supplier('name'),
    supplier('signatory_genitive'),
    supplier('basis'),
    client('name'),
    client('signatory_genitive'),
    client('basis'),
    f('software', 'manager'),
    f('items', 'manager', {
      kind: 'list',
      fields: [
        f('n', 'server'),
        f('name', 'manager'),
        f('unit', 'manager'),
        f('quantity', 'manager', { formatters: ['number'] }),
        f('price', 'manager', { formatters: ['money'] }),
        f('amount', 'server', { formatters: ['money'] }),
      ],
    }),
    f('total', 'server', { formatters: ['money', 'words'] }),
    f('vat_rate', 'manager', {
      kind: 'list',
      fields: [
        f('vat_rate', 'manager'),
        f('vat_amount', 'server', { formatters: ['money'] }),
        f('vat_note', 'manager', { kind: 'list', fields: [f('vat_note', 'manager')] }),
      ],
    }),
    f('service_address', 'manager'),
    f('response_hours', 'manager'),
    f('payment_day', 'manager'),
    f('start_date', 'manager', { formatters: ['date_ru'] }),
    f('end_date', 'manager', { formatters: ['date_ru'] }),
    ...['inn', 'kpp', 'ogrn', 'address', 'account', 'bank', 'corr_account', 'bik', 'signatory_position'].map(supplier),
    ...['inn', 'kpp', 'ogrn', 'address', 'account', 'bank', 'corr_account', 'bik', 'signatory_position', 'signatory_short'].map(client),
  ],
};

/** consulting-discs: a second list (the delivery schedule) whose n the server does not compute. */
export const consultingDiscs: ContractTemplate = {
  id: 'consulting-discs',
  title: 'Договор на поставку консалтинговых дисков',
  fields: [
    f('number', 'server'),
    client('name'),
    f('subscription', 'manager'),
    f('items', 'manager', {
      kind: 'list',
      fields: [f('n', 'server'), f('name', 'manager'), f('unit', 'manager'), f('quantity', 'manager', { formatters: ['number'] }), f('price', 'manager', { formatters: ['money'] }), f('amount', 'server')],
    }),
    f('schedule', 'manager', {
      kind: 'list',
      fields: [f('n', 'server'), f('month', 'manager'), f('issue', 'manager'), f('due', 'manager', { formatters: ['date'] })],
    }),
    f('has_courier', 'manager', { kind: 'list' }),
    f('mystery_field', 'manager'),
  ],
};

export const romashka: ClientCard = {
  id: 'cl-romashka',
  name: 'Ромашка',
  legalForm: 'ООО',
  displayName: 'ООО «Ромашка»',
  inn: '7705987654',
  kpp: '770501001',
  ogrn: '1157746654321',
  domains: ['romashka.ru'],
  website: 'https://romashka.ru',
  address: '115054, г. Москва, ул. Дубининская, д. 57, стр. 1',
  bank: { bankName: 'АО «Альфа-Банк», г. Москва', bik: '044525593', settlementAccount: '40702810401300054321', correspondentAccount: '30101810200000000593' },
  signatory: { name: 'Петрова Елена Сергеевна', position: 'Директор', basis: 'Устава' },
  status: 'active',
  eTag: 'W/"etag-1"',
  contacts: [],
  interactions: [],
  contracts: [],
  openInvoices: [],
};
