// The «Счёт» pane's logic without React: the API's invoice shapes, status labels, days overdue,
// VAT options and the body of POST /api/invoices. Shapes follow Invoices/Api/InvoiceRequests.cs
// and InvoiceResponses.cs.
import { countOf } from '../../i18n/format';
import { t } from '../../i18n/i18n';

export type InvoiceStatus = 'draft' | 'issued' | 'sent' | 'partlyPaid' | 'paid' | 'cancelled';

export interface InvoiceLine {
  item: string;
  quantity: number;
  unit: string;
  price: number;
  /** 22, 10, 0, or null for «без НДС» (the API's one form, as a contract's vat_rate). */
  vatRate: number | null;
  kind: string;
  net: number;
  vat: number;
  total: number;
}

export interface Invoice {
  id: string;
  number: number;
  status: InvoiceStatus | string;
  clientId: string;
  clientName: string;
  clientEmail?: string | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  lines?: InvoiceLine[];
  net: number;
  vat: number;
  total: number;
  paid: number;
  balance: number;
  overdue: boolean;
  daysOverdue: number;
  paidOn?: string | null;
}

export interface PaymentAdded {
  payment: { id: string; date: string; amount: number };
  invoice: Invoice;
}

/** One line of the «Новый счёт» form, as typed (numbers are text until sent). */
export interface DraftLine {
  key: number;
  item: string;
  quantity: string;
  unit: string;
  price: string;
}

export interface InvoiceDraft {
  lines: DraftLine[];
  vatRate: VatRate;
  /** 'term': days from issue (paymentTermDays); 'date': a fixed due date (dueDate). */
  dueMode: 'term' | 'date';
  termDays: string;
  dueDate: string;
}

/** The form's choices (a select's values are text); the body sends them as the API's numbers, «без НДС» as null. */
export const vatRates = ['22', '10', '0', 'без НДС'] as const;
export type VatRate = (typeof vatRates)[number];
export const defaultVatRate: VatRate = '22';

/** The API's form of a rate: 22, 10, 0, or null for «без НДС». */
export function apiVatRate(rate: VatRate): number | null {
  return rate === 'без НДС' ? null : Number(rate);
}

export function vatOptions(): { value: VatRate; label: string }[] {
  return vatRates.map((value) => ({ value, label: value === 'без НДС' ? t('invoice.vat.none') : t('invoice.vat.rate', { rate: value }) }));
}

const knownStatuses: readonly string[] = ['draft', 'issued', 'sent', 'partlyPaid', 'paid', 'cancelled'];

export function statusLabel(status: string): string {
  return knownStatuses.includes(status) ? t(`invoice.status.${status}`) : status;
}

export type StatusTone = 'danger' | 'success' | 'warning' | 'informative' | 'subtle';

export function statusTone(invoice: Pick<Invoice, 'status' | 'overdue'>): StatusTone {
  if (invoice.overdue) return 'danger';
  if (invoice.status === 'paid') return 'success';
  if (invoice.status === 'partlyPaid') return 'warning';
  if (invoice.status === 'draft' || invoice.status === 'cancelled') return 'subtle';
  return 'informative';
}

/** «12 дней просрочки»; empty when the invoice is not overdue. */
export function overdueText(invoice: Pick<Invoice, 'overdue' | 'daysOverdue'>): string {
  if (!invoice.overdue || invoice.daysOverdue <= 0) return '';
  return t('invoice.overdueDays', { days: countOf(invoice.daysOverdue, t('plural.days')) });
}

/** Payments are recorded on issued, sent and partly paid invoices only (docs/invoices.md, Statuses). */
export function canTakePayment(invoice: Pick<Invoice, 'status' | 'balance'>): boolean {
  return ['issued', 'sent', 'partlyPaid'].includes(invoice.status) && invoice.balance > 0;
}

/** «1 500,50», «1500.5», «1 500» → 1500.5; null when it is not a number. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function emptyLine(key: number): DraftLine {
  return { key, item: '', quantity: '1', unit: t('invoice.unit.default'), price: '' };
}

export function emptyDraft(): InvoiceDraft {
  return { lines: [emptyLine(1)], vatRate: defaultVatRate, dueMode: 'term', termDays: '', dueDate: '' };
}

export interface InvoiceClient {
  id: string;
  name: string;
  email?: string | null;
}

export interface CreateInvoiceBody {
  clientId: string;
  clientName: string;
  clientEmail?: string;
  dueDate?: string;
  paymentTermDays?: number;
  lines: { item: string; quantity: number; unit: string; price: number; vatRate: number | null; kind: 'oneOff' }[];
}

/** Field errors keyed as the API keys them ("lines[0].price", "dueDate"), so the form shows both at the same place. */
export type FieldErrors = Record<string, string[]>;

/** Checks what the API would refuse anyway, so the user sees it at once; the API stays the judge. */
export function validateDraft(draft: InvoiceDraft): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] = [...(errors[field] ?? []), message]);
  if (draft.lines.length === 0) add('lines', t('invoice.error.noLines'));
  draft.lines.forEach((line, i) => {
    if (!line.item.trim()) add(`lines[${i}].item`, t('invoice.error.item'));
    const quantity = parseDecimal(line.quantity);
    if (quantity === null || quantity <= 0) add(`lines[${i}].quantity`, t('invoice.error.quantity'));
    const price = parseDecimal(line.price);
    if (price === null || price < 0 || Math.round(price * 100) / 100 !== price) add(`lines[${i}].price`, t('invoice.error.price'));
  });
  if (draft.dueMode === 'term' && draft.termDays.trim()) {
    const days = parseDecimal(draft.termDays);
    if (days === null || !Number.isInteger(days) || days < 0 || days > 365) add('paymentTermDays', t('invoice.error.term'));
  }
  if (draft.dueMode === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate)) add('dueDate', t('invoice.error.dueDate'));
  return errors;
}

/** The body of POST /api/invoices; call after validateDraft found nothing. Neither term nor date: the firm's default term. */
export function buildInvoiceBody(client: InvoiceClient, draft: InvoiceDraft): CreateInvoiceBody {
  const body: CreateInvoiceBody = {
    clientId: client.id,
    clientName: client.name,
    lines: draft.lines.map((line) => ({
      item: line.item.trim(),
      quantity: parseDecimal(line.quantity) ?? 0,
      unit: line.unit.trim() || t('invoice.unit.default'),
      price: parseDecimal(line.price) ?? 0,
      vatRate: apiVatRate(draft.vatRate),
      kind: 'oneOff',
    })),
  };
  if (client.email) body.clientEmail = client.email;
  if (draft.dueMode === 'date' && draft.dueDate) body.dueDate = draft.dueDate;
  if (draft.dueMode === 'term' && draft.termDays.trim()) body.paymentTermDays = parseDecimal(draft.termDays) ?? undefined;
  return body;
}

/** The sum of the lines as the API rounds them (per line, half away from zero, to kopecks). */
export function draftTotal(draft: InvoiceDraft): number {
  return draft.lines.reduce((sum, line) => {
    const q = parseDecimal(line.quantity) ?? 0;
    const p = parseDecimal(line.price) ?? 0;
    return sum + roundKopecks(q * p);
  }, 0);
}

export function roundKopecks(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9)) / 100;
}

/** Today in the user's calendar, as the API writes dates. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function startOfYearIso(now = new Date()): string {
  return `${now.getFullYear()}-01-01`;
}


