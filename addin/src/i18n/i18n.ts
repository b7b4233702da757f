// Strings live in resource files, one per area and language (ru/<area>.json, en/<area>.json).
// Russian is the product's language; English follows Office's display language or the switch.
import { useSyncExternalStore } from 'react';

export type Language = 'ru' | 'en';
type Dictionary = Record<string, string>;

const load = (files: Record<string, unknown>): Dictionary =>
  Object.assign({}, ...Object.values(files).map((m) => (m as { default: Dictionary }).default ?? m));

const dictionaries: Record<Language, Dictionary> = {
  ru: load(import.meta.glob('./ru/*.json', { eager: true })),
  en: load(import.meta.glob('./en/*.json', { eager: true })),
};

const storageKey = 'officeflow.language';
let current: Language = 'ru';
const listeners = new Set<() => void>();

/** Office's display language ("ru-RU", "en-US"…) picks the language, unless the user switched it in a pane. */
export function initLanguage(officeDisplayLanguage: string | undefined): Language {
  const chosen = safeStorage()?.getItem(storageKey);
  if (chosen === 'ru' || chosen === 'en') {
    current = chosen;
  } else {
    current = officeDisplayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'ru';
  }
  document.documentElement.lang = current;
  return current;
}

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  safeStorage()?.setItem(storageKey, next);
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

/** t('client.title', { name: 'ООО «Ромашка»' }): {name} placeholders; a missing key shows itself, so it is noticed. */
export function t(key: string, params?: Record<string, string | number>): string {
  const text = dictionaries[current][key] ?? dictionaries.ru[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)) : text;
}

export function hasKey(key: string): boolean {
  return key in dictionaries.ru;
}

/** Re-renders a component when the language changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

export const allKeys = (lang: Language): string[] => Object.keys(dictionaries[lang]);

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
