// The «Счета» pane's data: GET /api/invoices?status= (the register) and GET /api/invoices/aging,
// filtered by client name here (the API's `client` parameter is a client id), made into two tables.
import { get } from '../../api/client';
import { t } from '../../i18n/i18n';
import { DATE_FORMAT, INTEGER_FORMAT, MONEY_FORMAT, TEXT_FORMAT, excelSerial, type PlainTable } from '../../office/excel';

export interface RegisterInvoice {
  id: string;
  number: number;
  status: string;
  clientId: string;
  clientName: string;
  issueDate: string;
  dueDate: string;
  total: number;
  paid: number;
  balance: number;
  overdue: boolean;
  daysOverdue: number;
}

export interface AgingBuckets {
  current: number;
  days1To30: number;
  days31To60: number;
  days61To90: number;
  over90: number;
  total: number;
  overdue: number;
}

export interface AgingReport {
  asOf: string;
  clients: { clientId: string; clientName: string; invoiceCount: number; buckets: AgingBuckets }[];
  totals: AgingBuckets;
}

export const statuses = ['all', 'overdue', 'draft', 'issued', 'sent', 'partlyPaid', 'paid', 'cancelled'] as const;
export type StatusFilter = (typeof statuses)[number];

export const SHEET_NAME = 'Счета';

export function listInvoices(status: StatusFilter, signal?: AbortSignal): Promise<RegisterInvoice[]> {
  return get<RegisterInvoice[]>(status === 'all' ? 'invoices' : `invoices?status=${encodeURIComponent(status)}`, { signal });
}

export const getAging = (signal?: AbortSignal) => get<AgingReport>('invoices/aging', { signal });

/** Case-insensitive, ё = е, ignoring quotes: «ромашка» finds ООО «Ромашка». */
export function matchesClient(name: string, query: string): boolean {
  const normal = (s: string) => s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/[«»"'„“]/g, '').replace(/\s+/g, ' ').trim();
  const q = normal(query);
  return q === '' || normal(name).includes(q);
}

export function statusText(invoice: Pick<RegisterInvoice, 'status' | 'overdue'>): string {
  const key = `excel.invoices.status.${invoice.status}`;
  const label = t(key) === key ? invoice.status : t(key);
  return invoice.overdue ? `${label}, ${t('excel.invoices.status.overdue').toLocaleLowerCase()}` : label;
}

/** By number within a year: the ids are YYYY-NNNN, so the id order is the issue order. */
export const sortRegister = (list: RegisterInvoice[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function registerTable(invoices: RegisterInvoice[]): PlainTable {
  return {
    key: 'InvoiceRegister',
    title: t('excel.invoices.title.register'),
    columns: [
      { header: t('excel.invoices.col.number'), width: 9, format: INTEGER_FORMAT },
      { header: t('excel.invoices.col.client'), width: 34, format: TEXT_FORMAT },
      { header: t('excel.invoices.col.date'), width: 12, format: DATE_FORMAT },
      { header: t('excel.invoices.col.due'), width: 12, format: DATE_FORMAT },
      { header: t('excel.invoices.col.amount'), width: 15, format: MONEY_FORMAT },
      { header: t('excel.invoices.col.paid'), width: 15, format: MONEY_FORMAT },
      { header: t('excel.invoices.col.balance'), width: 15, format: MONEY_FORMAT },
      { header: t('excel.invoices.col.status'), width: 22, format: TEXT_FORMAT },
      { header: t('excel.invoices.col.daysOverdue'), width: 10, format: INTEGER_FORMAT },
    ],
    rows: invoices.map((i) => [i.number, i.clientName, excelSerial(i.issueDate), excelSerial(i.dueDate), i.total, i.paid, i.balance, statusText(i), i.daysOverdue]),
    totalsLabel: t('excel.invoices.total'),
    sumColumns: [4, 5, 6],
  };
}

export function agingTable(report: AgingReport, clientQuery: string): PlainTable {
  const date = report.asOf.split('-').reverse().join('.');
  const money = (header: string) => ({ header, width: 15, format: MONEY_FORMAT });
  return {
    key: 'InvoiceAging',
    title: t('excel.invoices.title.aging', { date }),
    columns: [
      { header: t('excel.invoices.col.client'), width: 34, format: TEXT_FORMAT },
      { header: t('excel.invoices.col.invoiceCount'), width: 9, format: INTEGER_FORMAT },
      money(t('excel.invoices.col.current')),
      money(t('excel.invoices.col.d1to30')),
      money(t('excel.invoices.col.d31to60')),
      money(t('excel.invoices.col.d61to90')),
      money(t('excel.invoices.col.over90')),
      money(t('excel.invoices.col.totalDebt')),
      money(t('excel.invoices.col.overdue')),
    ],
    rows: report.clients
      .filter((c) => matchesClient(c.clientName, clientQuery))
      .map((c) => [c.clientName, c.invoiceCount, c.buckets.current, c.buckets.days1To30, c.buckets.days31To60, c.buckets.days61To90, c.buckets.over90, c.buckets.total, c.buckets.overdue]),
    totalsLabel: t('excel.invoices.total'),
    sumColumns: [1, 2, 3, 4, 5, 6, 7, 8],
  };
}

export interface RegisterSummary {
  count: number;
  amount: number;
  paid: number;
  balance: number;
  overdueCount: number;
  overdueBalance: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function summarise(invoices: RegisterInvoice[]): RegisterSummary {
  const overdue = invoices.filter((i) => i.overdue);
  return {
    count: invoices.length,
    amount: round2(invoices.reduce((s, i) => s + i.total, 0)),
    paid: round2(invoices.reduce((s, i) => s + i.paid, 0)),
    balance: round2(invoices.reduce((s, i) => s + i.balance, 0)),
    overdueCount: overdue.length,
    overdueBalance: round2(overdue.reduce((s, i) => s + i.balance, 0)),
  };
}
