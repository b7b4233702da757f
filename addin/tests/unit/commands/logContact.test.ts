import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setConfig } from '../../../src/api/config';
import { storeDevelopmentToken } from '../../../src/auth/session';
import type { LogEmailOutcome } from '../../../src/api/types';
import { describeOutcome, logEmail } from '../../../src/outlook/commands/logContact';
import { devToken } from '../testToken';

const client = { displayName: 'ООО «Ромашка»' } as LogEmailOutcome['client'];
const contact = { id: 'k1', clientId: 'c1', name: 'Иван Петров', position: null, emails: ['ivan@romashka.ru'], phones: [] };
const request = async () => ({ internetMessageId: '<m1@romashka.ru>', from: { address: 'ivan@romashka.ru' } });

describe('«Записать контакт» outcome lines', () => {
  it('names the client and the contact when logged', () => {
    expect(describeOutcome({ status: 'Logged', reason: null, matchedBy: 'domain', clientCreated: false, client, contact }).message).toBe(
      'Записано: ООО «Ромашка», контакт Иван Петров',
    );
  });

  it('says «Уже записано ранее» for a repeat', () => {
    expect(describeOutcome({ status: 'AlreadyLogged', reason: null, matchedBy: null, clientCreated: false, client: null, contact: null }).message).toBe('Уже записано ранее');
  });

  it('gives the API’s reason when the message is not for logging', () => {
    const reason = 'Адрес noreply@bank.ru в списке «не записывать» (Contacts:NeverLog): такие письма не записываются.';
    expect(describeOutcome({ status: 'NotLogged', reason, matchedBy: null, clientCreated: false, client: null, contact: null }).message).toBe(`Не записано: ${reason}`);
  });
});

describe('logging from the ribbon', () => {
  beforeEach(() => setConfig({ apiBase: '/api', auth: { mode: 'Development', clientId: null, authority: null, scope: null } }));

  it('asks to sign in in the pane when there is no token, without calling the API', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    expect(await logEmail(request)).toEqual({ kind: 'error', message: 'Откройте панель OfficeFlow и войдите' });
    expect(fetchMock).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('turns a server failure into an error line with the next step, never throwing', async () => {
    storeDevelopmentToken(devToken());
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 503 })));
    expect(await logEmail(request)).toEqual({ kind: 'error', message: 'Не записано. Сервер OfficeFlow временно недоступен. Повторите через минуту.' });
    vi.unstubAllGlobals();
  });

  it('shows the field the API refused', async () => {
    storeDevelopmentToken(devToken());
    const problem = { title: 'Письмо нельзя записать: исправьте поля.', errors: { internetMessageId: ['Нужен internetMessageId письма.'] } };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(problem), { status: 400 })));
    const result = await logEmail(request);
    expect(result.kind).toBe('error');
    expect(result.message).toBe('Не записано. Письмо нельзя записать: исправьте поля. Нужен internetMessageId письма.');
    vi.unstubAllGlobals();
  });
});
