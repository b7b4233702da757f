import { afterEach, describe, expect, it } from 'vitest';
import { countOf, formatDate, formatMoney, formatNumber, plural } from '../../../src/i18n/format';
import { allKeys, setLanguage, t } from '../../../src/i18n/i18n';

const nbsp = '\u00a0';

describe('Russian formats', () => {
  it('writes money with a no-break space for thousands, a comma and the rouble sign', () => {
    expect(formatMoney(1500)).toBe(`1${nbsp}500,00${nbsp}₽`);
    expect(formatMoney(22800.5)).toBe(`22${nbsp}800,50${nbsp}₽`);
    expect(formatMoney(0.1 + 0.2)).toBe(`0,30${nbsp}₽`);
    expect(formatMoney(1234567.891)).toBe(`1${nbsp}234${nbsp}567,89${nbsp}₽`);
    expect(formatMoney(-45000)).toBe(`−45${nbsp}000,00${nbsp}₽`);
  });

  it('writes dates as 29.11.2026 without shifting a calendar date by the browser’s zone', () => {
    expect(formatDate('2026-11-29')).toBe('29.11.2026');
    expect(formatDate('2026-01-01')).toBe('01.01.2026');
    expect(formatDate(null)).toBe('');
  });

  it('chooses Russian plural forms by the last two digits', () => {
    const days = ['день', 'дня', 'дней'];
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => plural(n, days))).toEqual([
      'день', 'дня', 'дня', 'дней', 'дней', 'дней', 'дней', 'день', 'дня', 'дней', 'день', 'дней',
    ]);
    expect(countOf(45, 'день|дня|дней')).toBe(`45${nbsp}дней`);
    expect(countOf(2, 'счёт|счёта|счетов')).toBe(`2${nbsp}счёта`);
  });

  it('writes points with a decimal comma', () => {
    expect(formatNumber(12.5)).toBe('12,5');
    expect(formatNumber(1200)).toBe(`1${nbsp}200`);
  });
});

describe('resource files', () => {
  afterEach(() => setLanguage('ru'));

  it('has every Russian key in English too, and no empty string', () => {
    const ru = allKeys('ru');
    const en = new Set(allKeys('en'));
    expect(ru.filter((k) => !en.has(k))).toEqual([]);
    expect(allKeys('en').filter((k) => !ru.includes(k))).toEqual([]);
    for (const key of ru) expect(t(key).trim(), key).not.toBe('');
  });

  it('switches language and fills placeholders', () => {
    expect(t('logContact.logged', { client: 'ООО «Ромашка»', contact: 'Иван Петров' })).toBe('Записано: ООО «Ромашка», контакт Иван Петров');
    setLanguage('en');
    expect(t('logContact.logged', { client: 'Romashka LLC', contact: 'Ivan Petrov' })).toBe('Logged: Romashka LLC, contact Ivan Petrov');
  });
});
