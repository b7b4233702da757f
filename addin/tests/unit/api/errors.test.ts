import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../src/api/client';
import { setConfig } from '../../../src/api/config';
import { ApiError, toApiError } from '../../../src/api/errors';
import { storeDevelopmentToken } from '../../../src/auth/session';
import { devToken } from '../testToken';

describe('API errors in Russian', () => {
  it('shows the API’s own Russian title and detail, e.g. an overpayment refusal', () => {
    const error = toApiError(409, { title: 'Оплата не записана', detail: 'Сумма 50 000,00 ₽ больше остатка 45 000,00 ₽.' });
    expect(error.message).toBe('Оплата не записана. Сумма 50 000,00 ₽ больше остатка 45 000,00 ₽.');
  });

  it('names the fields of a validation problem, with camelCase field names', () => {
    const error = toApiError(400, {
      title: 'One or more validation errors occurred.',
      errors: { Inn: ['ИНН должен содержать 10 или 12 цифр.'], '$.from': ['Поле from: ожидался объект {name, address}'] },
    });
    expect(error.fieldErrors).toEqual({ inn: ['ИНН должен содержать 10 или 12 цифр.'], from: ['Поле from: ожидался объект {name, address}'] });
    expect(error.message).toBe('ИНН должен содержать 10 или 12 цифр. Поле from: ожидался объект {name, address}.');
    expect(error.message).not.toContain('One or more validation errors');
  });

  it.each([
    [401, 'Сеанс истёк. Войдите снова.'],
    [403, 'Недостаточно прав для этого действия. Обратитесь к администратору.'],
    [409, 'Данные уже изменились. Обновите и повторите.'],
    [412, 'Карточку уже изменили — обновите и повторите.'],
    [500, 'Сервер OfficeFlow временно недоступен. Повторите через минуту.'],
    [503, 'Сервер OfficeFlow временно недоступен. Повторите через минуту.'],
    [0, 'Нет связи с сервером OfficeFlow. Проверьте подключение и повторите.'],
    [-1, 'Сервер OfficeFlow не ответил вовремя. Повторите через минуту.'],
  ])('status %i without a useful body says what to do next', (status, message) => {
    expect(toApiError(status, null).message).toBe(message);
  });

  it('shows the Russian next step for a 403 whose detail is the auth layer’s English', () => {
    const error = toApiError(403, { title: 'Access denied', detail: 'This call needs the role accountant; the token has manager.' });
    expect(error.message).toBe('Недостаточно прав для этого действия. Обратитесь к администратору.');
  });

  it('never shows a stack trace or an English framework title to the user', () => {
    const error = toApiError(400, { title: 'Bad Request', detail: 'System.Text.Json.JsonException: at OfficeFlow.Functions…' });
    expect(error.message).toBe('Что-то пошло не так. Повторите; если не поможет — сообщите администратору.');
  });
});

describe('the API client', () => {
  beforeEach(() => {
    setConfig({ apiBase: '/api', auth: { mode: 'Development', clientId: null, authority: null, scope: null } });
    storeDevelopmentToken(devToken({ roles: ['manager'] }));
  });

  it('sends the bearer and turns a 412 ProblemDetails into the conflict message', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ title: 'Precondition Failed', status: 412 }), { status: 412, headers: { 'Content-Type': 'application/problem+json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const error = await api('clients/c1', { method: 'PUT', body: { name: 'x' } }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('Карточку уже изменили — обновите и повторите.');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/clients/c1');
    expect((init.headers as Record<string, string>).Authorization).toMatch(/^Bearer ey/);
    vi.unstubAllGlobals();
  });

  it('reports a network failure as «Нет связи», not as an exception text', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const error = (await api('me').catch((e) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toBe('Нет связи с сервером OfficeFlow. Проверьте подключение и повторите.');
    vi.unstubAllGlobals();
  });

  it('signs the user out on 401, so the pane shows the sign-in instead of a blank page', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 401 })));
    const error = (await api('me').catch((e) => e)) as ApiError;
    expect(error.needsSignIn).toBe(true);
    expect(localStorage.getItem('officeflow.devToken')).toBeNull();
    vi.unstubAllGlobals();
  });

  it('does not send an expired development token: the request fails as 401 before leaving', async () => {
    storeDevelopmentToken(devToken({ roles: ['manager'], expiresInSeconds: -10 }));
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const error = (await api('me').catch((e) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(fetchMock).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
