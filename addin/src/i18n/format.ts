// Russian formats, the same as the documents: 1 500,00 ₽ (no-break space), 29.11.2026, 1 день / 2 дня / 5 дней.
import { language } from './i18n';

const nbsp = '\u00a0';

/** 1500 → «1 500,00 ₽»; thousands by a no-break space so an amount never breaks across lines. */
export function formatMoney(amount: number): string {
  const negative = amount < 0;
  const [whole, fraction] = Math.abs(Math.round(amount * 100) / 100).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, nbsp);
  return `${negative ? '−' : ''}${grouped},${fraction}${nbsp}₽`;
}

/** Points and percentages: 12,5 — a comma and at most the given decimals. */
export function formatNumber(value: number, decimals = 1): string {
  const rounded = Number(value.toFixed(decimals));
  const [whole, fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, nbsp);
  return `${rounded < 0 ? '−' : ''}${grouped}${fraction ? ',' + fraction : ''}`;
}

/** "2026-11-29" or an ISO date-time → «29.11.2026» (the calendar date as written, never shifted by the browser's zone). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  if (value.length > 10 && /T/.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) {
      return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
    }
  }
  return `${m[3]}.${m[2]}.${m[1]}`;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${formatDate(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Russian plural: plural(5, ['день', 'дня', 'дней']) → 'дней'. English: [one, other]. */
export function plural(n: number, forms: readonly string[]): string {
  const abs = Math.abs(Math.trunc(n));
  if (forms.length < 3) return abs === 1 ? forms[0] : forms[1] ?? forms[0];
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/** «45 дней», «1 день»; the forms come from the resource file ("days": "день|дня|дней"). */
export function countOf(n: number, formsText: string): string {
  return `${n}${nbsp}${plural(n, formsText.split('|'))}`;
}

export function isRussian(): boolean {
  return language() === 'ru';
}

const pad = (n: number) => String(n).padStart(2, '0');
