// A search hit's second line: which contact matched (a name or a phone), then the client's INN and domains.
import { describe, expect, it } from 'vitest';
import { hitDetails } from '../../../src/outlook/shared/ClientSearch';

describe('hitDetails', () => {
  const client = { id: 'c-romashka', name: 'Ромашка', inn: '7701234567', domains: ['romashka.ru'], matchedToken: 'ромашка' };

  it('names the contact that matched before the client details', () => {
    expect(hitDetails({ ...client, matchedToken: '1234567', contact: { id: 'ct1', name: 'Иван Петров' } })).toBe(
      'Контакт: Иван Петров · ИНН 7701234567 · romashka.ru',
    );
  });

  it('shows only the client details when the client itself matched', () => {
    expect(hitDetails({ ...client, contact: null })).toBe('ИНН 7701234567 · romashka.ru');
  });
});
