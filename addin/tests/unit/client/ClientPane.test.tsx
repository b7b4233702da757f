// The «Клиент» pane as a manager sees it, with the API stubbed at fetch.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import axe from 'axe-core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setConfig } from '../../../src/api/config';
import type { LogEmailRequest } from '../../../src/api/types';
import { ClientPane } from '../../../src/outlook/client/ClientPane';
import type { OfficeHost } from '../../../src/office/host';
import { plain, romashka } from './fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const apiBase = 'http://api.test/api';

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

let calls: Call[] = [];
let routes: Array<{ method: string; path: string | RegExp; handler: Handler }> = [];
let root: Root | null = null;
let container: HTMLDivElement;

function route(method: string, path: string | RegExp, handler: Handler | unknown) {
  routes.unshift({ method, path, handler: typeof handler === 'function' ? (handler as Handler) : () => json(handler) });
}

const json = (data: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(data), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });

function devToken(): string {
  const b64 = (o: unknown) => btoa(unescape(encodeURIComponent(JSON.stringify(o)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'HS256' })}.${b64({ sub: 'ivanov', name: 'Иван Иванов', roles: ['manager'], exp: Math.floor(Date.now() / 1000) + 3600 })}.sig`;
}

beforeEach(() => {
  calls = [];
  routes = [];
  setConfig({ apiBase, auth: { mode: 'Development', clientId: null, authority: null, scope: null } });
  localStorage.setItem('officeflow.devToken', devToken());
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver (tests/unit/setup.ts does not provide one).
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const path = url.pathname.replace(/^\/api\//, '') + url.search;
      const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>));
      const call: Call = { method: init?.method ?? 'GET', path: decodeURIComponent(path), headers, body: init?.body ? JSON.parse(String(init.body)) : undefined };
      calls.push(call);
      const found = routes.find((r) => r.method === call.method && (typeof r.path === 'string' ? r.path === call.path : r.path.test(call.path)));
      if (!found) return json({ title: 'Not Found' }, 404);
      return found.handler(call);
    }),
  );
  container = document.createElement('div');
  document.body.appendChild(container);
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  container.remove();
  vi.unstubAllGlobals();
  const office = (globalThis as unknown as { Office: { context: Record<string, unknown> } }).Office;
  delete office.context.mailbox;
});

/** An Outlook message from this sender (the bits of Office.js the pane reads). */
function openMessage(from: string | null) {
  const office = (globalThis as unknown as { Office: { context: Record<string, unknown> } }).Office;
  office.context.mailbox = {
    item: from ? { from: { emailAddress: from, displayName: 'Иван Петров' } } : null,
    addHandlerAsync: vi.fn(),
  };
}

async function render(host: OfficeHost, readMessage?: () => Promise<LogEmailRequest | null>) {
  root = createRoot(container);
  await act(async () => {
    root!.render(
      <FluentProvider theme={webLightTheme}>
        <ClientPane host={host} readMessage={readMessage} />
      </FluentProvider>,
    );
  });
}

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const text = (id: string) => plain(byTestId(id)?.textContent);

async function waitFor<T>(check: () => T | null | undefined | false, what = 'condition'): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = check();
    if (value) return value;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  throw new Error(`Timed out waiting for ${what}. DOM: ${plain(container.textContent)}`);
}

function button(label: string | RegExp): HTMLButtonElement | null {
  return (
    [...container.querySelectorAll('button')].find((b) => (typeof label === 'string' ? plain(b.textContent).trim() === label : label.test(plain(b.textContent)))) ?? null
  );
}

async function click(element: HTMLElement | null) {
  if (!element) throw new Error('nothing to click');
  await act(async () => {
    element.click();
  });
}

async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const field = (name: string) => container.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

describe('the sender is a known client', () => {
  beforeEach(() => {
    openMessage('ivan@romashka.ru');
    route('GET', 'clients/lookup?email=ivan@romashka.ru', romashka());
  });

  it('shows the card: name, ИНН/КПП, the overdue badge and the four sections', async () => {
    await render('outlook');
    await waitFor(() => byTestId('client-header'), 'the card');
    expect(text('client-name')).toBe('ООО «Ромашка»');
    expect(text('client-header')).toContain('ИНН 7701234567 / КПП 770101001');
    expect(text('overdue-badge')).toBe('Просрочено: 2 счёта, 45 000,00 ₽');

    expect(text('contacts')).toContain('Иван Петров');
    expect(text('contacts')).toContain('Главный бухгалтер');
    expect(text('contacts')).toContain('ivan@romashka.ru');
    expect(text('contacts')).toContain('+7 495 123-45-67');

    const invoices = text('open-invoices');
    expect(invoices).toContain('Счёт № 17 от 01.10.2026');
    expect(invoices).toContain('Сумма 30 000,00 ₽, остаток 30 000,00 ₽');
    expect(invoices).toContain('45 дней просрочки');
    expect(invoices).toContain('3 дня просрочки');
    expect(invoices).toContain('оплачен частично');

    const events = byTestId('interactions')!;
    const subjects = [...events.querySelectorAll('li')].map((li) => plain(li.textContent));
    expect(subjects[0]).toContain('Продление подписки ИТС');
    expect(subjects[1]).toContain('Старое письмо');
    expect(subjects[0]).toContain('20.11.2026');
    // The API's direction "in" reads as a word, not the code.
    expect(subjects[0]).toContain('входящее');
    expect(subjects[0]).not.toMatch(/·\s*in\s*·/);

    expect(text('contracts')).toContain('Договор № 2026-0042 от 12.11.2026');
    expect(text('contracts')).toContain('Лицензионный договор');
    expect(text('contracts')).toContain('22 800,00 ₽');

    const headings = [...container.querySelectorAll('h2, h3')].map((h) => `${h.tagName}:${plain(h.textContent)}`);
    expect(headings).toEqual(['H2:ООО «Ромашка»', 'H3:Контакты (1)', 'H3:Счета (3)', 'H3:События (2)', 'H3:Договоры (1)']);
  });

  it('shows no badge when nothing is overdue', async () => {
    route('GET', 'clients/lookup?email=ivan@romashka.ru', romashka({ openInvoices: [], contracts: [] }));
    await render('outlook');
    await waitFor(() => byTestId('client-header'));
    expect(byTestId('overdue-badge')).toBeNull();
    expect(text('open-invoices')).toContain('Открытых счетов нет.');
    expect(text('contracts')).toContain('Договоров нет.');
  });

  it('saves the requisites with If-Match and shows the card the API returns', async () => {
    const saved = romashka({ name: 'Ромашка-Плюс', displayName: 'ООО «Ромашка-Плюс»', eTag: 'W/"2"' });
    route('PUT', 'clients/c-romashka', () => json(saved, 200, { ETag: 'W/"2"' }));
    await render('outlook');
    await click(await waitFor(() => byTestId('edit-requisites')));
    expect(byTestId('requisites-form')).not.toBeNull();
    expect(field('name').value).toBe('Ромашка');
    await type(field('name'), 'Ромашка-Плюс');
    await click(button('Сохранить'));
    await waitFor(() => byTestId('saved'), 'the saved note');

    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('clients/c-romashka');
    expect(put.headers['If-Match']).toBe(romashka().eTag);
    expect(put.body).toMatchObject({ name: 'Ромашка-Плюс', legalForm: 'ООО', inn: '7701234567', domains: ['romashka.ru'], bik: '044525225', signatoryBasis: 'Устава' });
    expect(put.body).not.toHaveProperty('bank');
    expect(put.body).not.toHaveProperty('eTag');
    expect(text('client-name')).toBe('ООО «Ромашка-Плюс»');
    expect(text('saved')).toBe('Реквизиты сохранены.');
    expect(byTestId('requisites-form')).toBeNull();
  });

  it('on 412 says the card was changed, and «Обновить» reads it again', async () => {
    route('PUT', 'clients/c-romashka', () =>
      json({ title: 'Карточка клиента изменилась', detail: 'Карточку клиента уже изменил кто-то другой…', status: 412 }, 412),
    );
    const fresh = romashka({ address: 'Москва, ул. Новая, д. 2', eTag: 'W/"3"' });
    route('GET', 'clients/c-romashka', fresh);
    await render('outlook');
    await click(await waitFor(() => byTestId('edit-requisites')));
    await type(field('address'), 'Москва, ул. Старая');
    await click(button('Сохранить'));
    await waitFor(() => byTestId('conflict'), 'the conflict');
    expect(text('conflict')).toContain('Карточку уже изменили — обновите и повторите.');

    await click(button('Обновить'));
    await waitFor(() => !byTestId('conflict') && field('address').value === 'Москва, ул. Новая, д. 2', 'the reloaded form');

    route('PUT', 'clients/c-romashka', (call: Call) => json({ ...fresh, eTag: 'W/"4"', address: (call.body as { address: string }).address }));
    await click(button('Сохранить'));
    await waitFor(() => byTestId('saved'));
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.headers['If-Match'])).toEqual([romashka().eTag, 'W/"3"']);
  });

  it('shows the API validation messages at their fields', async () => {
    route('PUT', 'clients/c-romashka', () =>
      json(
        {
          title: 'Реквизиты не сохранены: исправьте поля.',
          status: 400,
          errors: { inn: ['ИНН 7701234568 не проходит проверку контрольных цифр: проверьте 10 цифр (организация) или 12 (ИП).'], bik: ['БИК — 9 цифр.'] },
        },
        400,
      ),
    );
    await render('outlook');
    await click(await waitFor(() => byTestId('edit-requisites')));
    await type(field('inn'), '7701234568');
    await click(button('Сохранить'));
    await waitFor(() => byTestId('error'));
    expect(text('error')).toBe('Реквизиты не сохранены: исправьте отмеченные поля.');
    expect(text('field-inn')).toContain('ИНН 7701234568 не проходит проверку контрольных цифр');
    expect(text('field-bik')).toContain('БИК — 9 цифр.');
    expect(field('inn').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('requisites-form')).not.toBeNull();
  });

  it('does not send a form without a name', async () => {
    await render('outlook');
    await click(await waitFor(() => byTestId('edit-requisites')));
    await type(field('name'), ' ');
    await click(button('Сохранить'));
    expect(text('field-name')).toContain('Укажите название клиента.');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });
});

describe('the sender is not logged yet', () => {
  it('offers «Записать контакт» and then shows the client card', async () => {
    openMessage('new@romashka.ru');
    route('GET', 'clients/lookup?email=new@romashka.ru', () => json({ title: 'Отправитель ещё не записан', status: 404 }, 404));
    const logged = romashka({ contracts: null, openInvoices: null });
    route('POST', 'contacts/log-email', {
      status: 'Logged',
      reason: null,
      matchedBy: 'domain',
      clientCreated: false,
      client: logged,
      contact: { id: 'k2', clientId: 'c-romashka', name: 'Пётр Новиков', position: null, emails: ['new@romashka.ru'], phones: [] },
    });
    route('GET', 'clients/c-romashka', romashka());
    const request: LogEmailRequest = { internetMessageId: '<m1@romashka.ru>', from: { name: 'Пётр Новиков', address: 'new@romashka.ru' }, subject: 'Счёт', bodyText: 'Добрый день' };
    await render('outlook', async () => request);

    await waitFor(() => byTestId('unknown-sender'));
    expect(text('unknown-sender')).toContain('Отправитель ещё не записан');
    expect(text('unknown-sender')).toContain('new@romashka.ru');

    await click(byTestId('log-contact'));
    await waitFor(() => byTestId('overdue-badge'), 'the full card');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual(request);
    expect(text('log-result')).toBe('Записано: ООО «Ромашка», контакт Пётр Новиков');
    expect(text('client-name')).toBe('ООО «Ромашка»');
    expect(byTestId('unknown-sender')).toBeNull();
  });

  it('shows why a message was not logged', async () => {
    openMessage('robot@romashka.ru');
    route('GET', 'clients/lookup?email=robot@romashka.ru', () => json({ status: 404 }, 404));
    route('POST', 'contacts/log-email', { status: 'NotLogged', reason: 'письмо от робота', matchedBy: null, clientCreated: false, client: null, contact: null });
    await render('outlook', async () => ({ internetMessageId: '<m2@romashka.ru>', from: { address: 'robot@romashka.ru' }, bodyText: 'x' }));
    await click(await waitFor(() => byTestId('log-contact')));
    await waitFor(() => byTestId('log-result'));
    expect(text('log-result')).toBe('Не записано: письмо от робота');
    expect(byTestId('unknown-sender')).not.toBeNull();
  });
});

describe('outside Outlook', () => {
  it('starts with the search, and a hit opens its card', async () => {
    route('GET', /^clients\?search=/, [{ id: 'c-romashka', name: 'Ромашка', inn: '7701234567', domains: ['romashka.ru'], matchedToken: 'ромашка' }]);
    route('GET', 'clients/c-romashka', romashka());
    await render(null);
    expect(byTestId('client-search')).not.toBeNull();
    expect(plain(container.textContent)).toContain('Найдите клиента по названию, ИНН, e-mail, фамилии или телефону.');
    expect(container.querySelector('label')?.textContent).toContain('Найти клиента');

    await type(container.querySelector<HTMLInputElement>('input[name="search"]')!, 'ромаш');
    await click(button('Найти'));
    await waitFor(() => byTestId('search-hits'));
    expect(calls.find((c) => c.path.startsWith('clients?'))!.path).toBe('clients?search=ромаш&limit=10');
    expect(text('search-hits')).toContain('Ромашка');
    expect(text('search-hits')).toContain('ИНН 7701234567');
    expect(text('search-hits')).toContain('romashka.ru');

    await click(byTestId('search-hit'));
    await waitFor(() => byTestId('client-header'));
    expect(text('client-name')).toBe('ООО «Ромашка»');
    expect(byTestId('search-hits')).toBeNull();
  });

  it('searches a moment after typing stops, and at once on Enter', async () => {
    route('GET', /^clients\?search=/, [{ id: 'c-romashka', name: 'Ромашка', inn: '7701234567', domains: ['romashka.ru', 'romashka.com'], matchedToken: 'ромашка' }]);
    await render(null);
    const input = container.querySelector<HTMLInputElement>('input[name="search"]')!;
    await type(input, 'р');
    await type(input, 'ром');
    await waitFor(() => byTestId('search-hits'));
    // One request for what was typed last, not one per keystroke.
    expect(calls.filter((c) => c.path.startsWith('clients?')).map((c) => c.path)).toEqual(['clients?search=ром&limit=10']);
    expect(text('search-hit')).toBe('РомашкаИНН 7701234567 · romashka.ru · romashka.com');

    await type(input, 'ромашка');
    await act(async () => input.form!.requestSubmit());
    expect(calls.filter((c) => c.path.startsWith('clients?')).map((c) => c.path)).toEqual(['clients?search=ром&limit=10', 'clients?search=ромашка&limit=10']);
    await act(async () => new Promise((r) => setTimeout(r, 400)));
    // Enter dropped the pending type-ahead: no third request.
    expect(calls.filter((c) => c.path.startsWith('clients?'))).toHaveLength(2);
  });

  it('shows a failed search in the pane, with «Повторить»', async () => {
    route('GET', /^clients\?search=/, () => json({ title: 'Internal Server Error' }, 500));
    await render(null);
    await type(container.querySelector<HTMLInputElement>('input[name="search"]')!, 'ром');
    await click(button('Найти'));
    await waitFor(() => byTestId('error'));
    expect(text('error')).toContain('Сервер OfficeFlow временно недоступен. Повторите через минуту.');
    route('GET', /^clients\?search=/, [{ id: 'c-romashka', name: 'Ромашка', inn: null, domains: [], matchedToken: 'ромашка' }]);
    await click(button('Повторить'));
    await waitFor(() => byTestId('search-hits'));
    expect(byTestId('error')).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it('says when nothing is found', async () => {
    route('GET', /^clients\?search=/, []);
    await render(null);
    await type(container.querySelector<HTMLInputElement>('input[name="search"]')!, 'нет такого');
    await click(button('Найти'));
    await waitFor(() => plain(container.textContent).includes('Ничего не найдено'));
    expect(text('client-search-status')).toBe('Ничего не найдено. Проверьте написание или введите ИНН.');
    expect(byTestId('client-search-status')?.getAttribute('role')).toBe('status');
    expect(await seriousViolations()).toEqual([]);
  });

  it('shows a skeleton while the card loads, and an error with «Повторить» when it fails', async () => {
    route('GET', /^clients\?search=/, [{ id: 'c-romashka', name: 'Ромашка', inn: null, domains: [], matchedToken: 'ромашка' }]);
    let release!: (r: Response) => void;
    route('GET', 'clients/c-romashka', () => new Promise<Response>((resolve) => (release = resolve)));
    await render(null);
    await type(container.querySelector<HTMLInputElement>('input[name="search"]')!, 'ром');
    await click(button('Найти'));
    await click(await waitFor(() => byTestId('search-hit')));
    const skeleton = await waitFor(() => byTestId('client-skeleton'));
    expect(skeleton.getAttribute('aria-label')).toBe('Загрузка карточки клиента');

    await act(async () => release(json({ title: 'Internal Server Error' }, 500)));
    await waitFor(() => byTestId('error'));
    expect(text('error')).toContain('Сервер OfficeFlow временно недоступен. Повторите через минуту.');

    route('GET', 'clients/c-romashka', romashka());
    await click(button('Повторить'));
    await waitFor(() => byTestId('client-header'));
  });
});

/** axe-core in jsdom (no layout: colour contrast is checked in the browser e2e run). */
async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('accessibility (axe-core)', () => {
  it('has no serious or critical violations in the card, the form, and the unknown-sender view', async () => {
    openMessage('ivan@romashka.ru');
    route('GET', 'clients/lookup?email=ivan@romashka.ru', romashka());
    await render('outlook');
    await waitFor(() => byTestId('client-header'));
    expect(await seriousViolations()).toEqual([]);

    await click(byTestId('edit-requisites'));
    route('PUT', 'clients/c-romashka', () => json({ status: 400, errors: { inn: ['ИНН не проходит проверку.'] } }, 400));
    await click(button('Сохранить'));
    await waitFor(() => byTestId('error'));
    expect(await seriousViolations()).toEqual([]);
  });

  it('unknown sender and search hits', async () => {
    openMessage('new@romashka.ru');
    route('GET', 'clients/lookup?email=new@romashka.ru', () => json({ status: 404 }, 404));
    route('GET', /^clients\?search=/, [{ id: 'c-romashka', name: 'Ромашка', inn: '7701234567', domains: ['romashka.ru'], matchedToken: 'ромашка' }]);
    await render('outlook');
    await waitFor(() => byTestId('unknown-sender'));
    await type(container.querySelector<HTMLInputElement>('input[name="search"]')!, 'ром');
    await click(button('Найти'));
    await waitFor(() => byTestId('search-hits'));
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('the client may be a duplicate of an existing one', () => {
  const fresh = () =>
    romashka({
      id: 'c-new',
      legalForm: 'АО',
      displayName: 'АО «Ромашка»',
      possibleDuplicateOf: { id: 'c-romashka', name: 'ООО «Ромашка»' },
    });

  beforeEach(() => {
    openMessage('petr@gmail.com');
    route('GET', 'clients/lookup?email=petr@gmail.com', fresh());
  });

  it('says which client and merges this one into it with «Объединить»', async () => {
    route('POST', 'clients/c-romashka/merge', { client: romashka(), contactsMoved: 1, interactionsMoved: 1 });
    await render('outlook');
    const offer = await waitFor(() => byTestId('possible-duplicate'), 'the offer');
    expect(plain(offer.textContent)).toContain('Возможно, это тот же клиент, что «ООО «Ромашка»»');

    await click(button('Объединить'));

    await waitFor(() => byTestId('merged'), 'the merged note');
    const merge = calls.find((c) => c.method === 'POST');
    expect(merge).toMatchObject({ path: 'clients/c-romashka/merge', body: { sourceId: 'c-new' } });
    expect(text('client-name')).toBe('ООО «Ромашка»');
    expect(text('merged')).toContain('Клиенты объединены');
    expect(byTestId('possible-duplicate')).toBeNull();
  });

  it('keeps the offer and shows the API error when the merge is refused', async () => {
    route('POST', 'clients/c-romashka/merge', () => json({ title: 'Объединение невозможно', detail: 'Клиент уже объединён.' }, 409));
    await render('outlook');
    await click(await waitFor(() => button('Объединить'), 'the button'));

    await waitFor(() => byTestId('error'), 'the error');
    expect(byTestId('possible-duplicate')).not.toBeNull();
    expect(text('client-name')).toBe('АО «Ромашка»');
  });

  it('offers nothing for a card without the flag', async () => {
    route('GET', 'clients/lookup?email=petr@gmail.com', romashka());
    await render('outlook');
    await waitFor(() => byTestId('client-header'));
    expect(byTestId('possible-duplicate')).toBeNull();
  });
});
