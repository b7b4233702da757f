// The client pane's logic without React: what the header badge says, the form ↔ PUT body, and
// which API field error belongs to which input.
import { t } from '../../i18n/i18n';
import { countOf, formatMoney } from '../../i18n/format';
import type { ClientCard, ClientUpdateBody, InteractionView, OpenInvoiceSummary } from '../../api/types';

export const interactionsShown = 20;

export interface OverdueSummary {
  count: number;
  amount: number;
}

/** Open invoices past due: how many, and what is left to pay on them (the balance, not the total). */
export function overdueSummary(invoices: readonly OpenInvoiceSummary[] | null | undefined): OverdueSummary | null {
  const overdue = (invoices ?? []).filter((i) => i.daysOverdue > 0);
  if (overdue.length === 0) return null;
  const cents = overdue.reduce((sum, i) => sum + Math.round((i.balance ?? i.total) * 100), 0);
  return { count: overdue.length, amount: cents / 100 };
}

/** «Просрочено: 2 счёта, 45 000,00 ₽», or null when nothing is overdue. */
export function overdueText(invoices: readonly OpenInvoiceSummary[] | null | undefined): string | null {
  const summary = overdueSummary(invoices);
  if (!summary) return null;
  return t('client.overdue.badge', { count: countOf(summary.count, t('plural.invoices')), amount: formatMoney(summary.amount) });
}

/** «45 дней просрочки»; empty when the invoice is not overdue. */
export function daysOverdueText(days: number): string {
  return days > 0 ? t('client.invoices.daysOverdue', { days: countOf(days, t('plural.days')) }) : '';
}

/** The API sends the status's machine name (`partlyPaid`, as the invoice API) and its Russian `statusLabel`;
 * a known status is shown in the add-in's language, an unknown one as the server's label. */
const statusKeys: Record<string, string> = {
  draft: 'client.invoiceStatus.draft',
  issued: 'client.invoiceStatus.issued',
  sent: 'client.invoiceStatus.sent',
  partlyPaid: 'client.invoiceStatus.partlyPaid',
  paid: 'client.invoiceStatus.paid',
  cancelled: 'client.invoiceStatus.cancelled',
};

export function invoiceStatusText(invoice: Pick<OpenInvoiceSummary, 'status' | 'statusLabel'>): string {
  const key = statusKeys[invoice.status];
  return key ? t(key) : invoice.statusLabel || invoice.status;
}

/** Newest first, at most 20 (the API already sends them so; this keeps the pane right if it did not). */
export function latestInteractions(list: readonly InteractionView[] | null | undefined, limit = interactionsShown): InteractionView[] {
  return [...(list ?? [])].sort((a, b) => time(b.at) - time(a.at)).slice(0, limit);
}

const time = (value: string | null | undefined) => {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
};

/** «ИНН 7701234567 / КПП 770101001»; empty when the card has neither. */
export function taxIdsText(card: Pick<ClientCard, 'inn' | 'kpp'>): string {
  const parts = [card.inn ? t('client.header.inn', { inn: card.inn }) : '', card.kpp ? t('client.header.kpp', { kpp: card.kpp }) : ''];
  return parts.filter(Boolean).join(' / ');
}

// ---- The requisites form -------------------------------------------------------------------

/** The form's inputs, named as the PUT body's fields (so the API's error keys find their input). */
export const formFields = [
  'name',
  'legalForm',
  'inn',
  'kpp',
  'ogrn',
  'address',
  'website',
  'domains',
  'bankName',
  'bik',
  'settlementAccount',
  'correspondentAccount',
  'signatoryName',
  'signatoryPosition',
  'signatoryBasis',
] as const satisfies readonly (keyof ClientUpdateBody)[];

export type FormField = (typeof formFields)[number];
export type RequisitesForm = Record<FormField, string>;
export type FieldErrors = Partial<Record<FormField, string[]>>;

export function formFromCard(card: ClientCard): RequisitesForm {
  return {
    name: card.name ?? '',
    legalForm: card.legalForm ?? '',
    inn: card.inn ?? '',
    kpp: card.kpp ?? '',
    ogrn: card.ogrn ?? '',
    address: card.address ?? '',
    website: card.website ?? '',
    domains: (card.domains ?? []).join(', '),
    bankName: card.bank?.bankName ?? '',
    bik: card.bank?.bik ?? '',
    settlementAccount: card.bank?.settlementAccount ?? '',
    correspondentAccount: card.bank?.correspondentAccount ?? '',
    signatoryName: card.signatory?.name ?? '',
    signatoryPosition: card.signatory?.position ?? '',
    signatoryBasis: card.signatory?.basis ?? '',
  };
}

/**
 * The PUT body: every field, trimmed, empty → null. The API replaces the whole set ("what is left out
 * becomes empty"), so the domains go back too — leaving them out would cut the client off its e-mail domains.
 * Codes and account numbers lose the spaces people paste with them («40702 810 …»).
 */
export function buildUpdateBody(form: RequisitesForm): ClientUpdateBody {
  const text = (value: string) => {
    const trimmed = value.replace(/\s+/g, ' ').trim();
    return trimmed.length > 0 ? trimmed : null;
  };
  const digits = (value: string) => {
    const compact = value.replace(/\s+/g, '');
    return compact.length > 0 ? compact : null;
  };
  return {
    name: form.name.trim(),
    legalForm: text(form.legalForm),
    inn: digits(form.inn),
    kpp: digits(form.kpp),
    ogrn: digits(form.ogrn),
    domains: splitDomains(form.domains),
    website: text(form.website),
    address: text(form.address),
    bankName: text(form.bankName),
    bik: digits(form.bik),
    settlementAccount: digits(form.settlementAccount),
    correspondentAccount: digits(form.correspondentAccount),
    signatoryName: text(form.signatoryName),
    signatoryPosition: text(form.signatoryPosition),
    signatoryBasis: text(form.signatoryBasis),
  };
}

export function splitDomains(value: string): string[] {
  const seen = new Set<string>();
  for (const part of value.split(/[\s,;]+/)) {
    const domain = part.trim().toLowerCase().replace(/^@/, '');
    if (domain) seen.add(domain);
  }
  return [...seen];
}

/** Other spellings of the form's fields an API might use ("bank.bik", "signatory.name", "domains[1]"). */
const aliases: Record<string, FormField> = {
  'bank.bankname': 'bankName',
  'bank.name': 'bankName',
  'bank.bik': 'bik',
  'bank.settlementaccount': 'settlementAccount',
  'bank.correspondentaccount': 'correspondentAccount',
  'signatory.name': 'signatoryName',
  'signatory.position': 'signatoryPosition',
  'signatory.basis': 'signatoryBasis',
};

const byLowerName = new Map<string, FormField>(formFields.map((f) => [f.toLowerCase(), f]));

/** ApiError.fieldErrors → the messages at their inputs, and the rest (e.g. "body") for the bar above the form. */
export function mapFieldErrors(fieldErrors: Record<string, string[]> | null | undefined): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const lower = key.replace(/^\$\.?/, '').replace(/\[\d+\]$/, '').toLowerCase();
    const field = byLowerName.get(lower) ?? aliases[lower];
    if (field) fields[field] = [...(fields[field] ?? []), ...messages];
    else other.push(...messages);
  }
  return { fields, other };
}

/** Checks the form can do before it asks the API (the API checks again, with the checksums). */
export function validateForm(form: RequisitesForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.name.trim()) errors.name = [t('client.form.nameRequired')];
  return errors;
}
