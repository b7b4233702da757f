// The «Договор» pane as a manager uses it, with the API stubbed at fetch.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import axe from 'axe-core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setConfig } from '../../../src/api/config';
import type { OfficeHost } from '../../../src/office/host';
import { ContractPane } from '../../../src/outlook/contract/ContractPane';
import { devToken } from '../testToken';
import { romashka, serviceMaintenance } from './fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: any;
}
type Handler = (call: Call) => Response | Promise<Response>;

let calls: Call[] = [];
let routes: Array<{ method: string; path: string | RegExp; handler: Handler }> = [];
let root: Root | null = null;
let container: HTMLDivElement;
let downloads: string[] = [];

const json = (data: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(data), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });
function route(method: string, path: string | RegExp, handler: Handler | unknown) {
  routes.unshift({ method, path, handler: typeof handler === 'function' ? (handler as Handler) : () => json(handler) });
}
const docx = (number: string) =>
  // Bytes, not a jsdom Blob: Node's Response would stringify a Blob of another realm.
  new Response(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), {
    status: 200,
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'X-Contract-Number': number,
      'Content-Disposition': `attachment; filename="Dogovor.docx"; filename*=UTF-8''${encodeURIComponent(`Договор ${number} ООО «Ромашка».docx`)}`,
    },
  });

beforeEach(() => {
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  calls = [];
  routes = [];
  downloads = [];
  setConfig({ apiBase: 'http://api.test/api', auth: { mode: 'Development', clientId: null, authority: null, scope: null } });
  localStorage.setItem('officeflow.devToken', devToken());
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const call: Call = {
        method: init?.method ?? 'GET',
        path: decodeURIComponent(url.pathname.replace(/^\/api\//, '') + url.search),
        headers: { ...((init?.headers ?? {}) as Record<string, string>) },
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      };
      calls.push(call);
      const found = routes.find((r) => r.method === call.method && (typeof r.path === 'string' ? r.path === call.path : r.path.test(call.path)));
      return found ? found.handler(call) : json({ title: 'Not Found' }, 404);
    }),
  );
  URL.createObjectURL = vi.fn(() => 'blob:contract');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
  container = document.createElement('div');
  document.body.appendChild(container);
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  container.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  const office = (globalThis as any).Office;
  delete office.context.mailbox;
  office.context.requirements = { isSetSupported: () => false };
});

function openMessage(from: string, item: Record<string, unknown> = {}) {
  (globalThis as any).Office.context.mailbox = { item: { from: { emailAddress: from, displayName: 'Елена Петрова' }, ...item }, addHandlerAsync: vi.fn() };
}

async function render(host: OfficeHost) {
  root = createRoot(container);
  await act(async () => {
    root!.render(
      <FluentProvider theme={webLightTheme}>
        <ContractPane host={host} />
      </FluentProvider>,
    );
  });
}

async function until<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  // Generous: the shared build machine is often loaded.
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = find();
    if (found) return found;
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`not found: ${what}\n${container.innerHTML.slice(0, 3000)}`);
}

const q = <E extends Element = HTMLElement>(selector: string) => container.querySelector<E>(selector);
const byTestId = (id: string) => q(`[data-testid="${id}"]`);

async function type(selector: string, value: string) {
  const input = await until(() => q<HTMLInputElement>(selector), selector);
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function pickTemplate(id: string) {
  const select = await until(() => q<HTMLSelectElement>('select[data-testid="template-picker"]'), 'template picker');
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, id);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await until(() => byTestId('contract-form'), 'contract form');
}

async function click(element: Element | null) {
  await act(async () => (element as HTMLElement).click());
}

async function fillServiceMaintenance() {
  await type('input[name="client.signatory_genitive"]', 'Директора Петровой Елены Сергеевны');
  await type('input[name="software"]', '1С:Бухгалтерия КОРП');
  await type('input[name="service_address"]', 'Москва, Дубининская, 57');
  await type('input[name="response_hours"]', '4');
  await type('input[name="payment_day"]', '10');
  await type('input[name="start_date"]', '2026-12-01');
  await type('input[name="end_date"]', '2027-11-30');
  await type('input[name="items[0].name"]', 'Абонентское обслуживание');
  await type('input[name="items[0].unit"]', 'мес.');
  await type('input[name="items[0].quantity"]', '1');
  await type('input[name="items[0].price"]', '12 000');
  await click(byTestId('add-item'));
  await type('input[name="items[1].name"]', 'Выезд программиста');
  await type('input[name="items[1].unit"]', 'выезд');
  await type('input[name="items[1].quantity"]', '2');
  await type('input[name="items[1].price"]', '5400');
}

function senderRoutes() {
  route('GET', 'clients/lookup?email=petrova@romashka.ru', romashka);
  route('GET', 'contract-templates?clientId=cl-romashka', [serviceMaintenance]);
}

describe('the contract pane', { timeout: 60_000 }, () => {
  it('builds the form for the sender’s client, generates, previews, and reads the card the server saved the requisites to', async () => {
    openMessage('petrova@romashka.ru');
    senderRoutes();
    route('POST', 'contracts', () => docx('2026-0042'));
    route('GET', 'clients/cl-romashka', () => json({ ...romashka, kpp: '770501002', eTag: 'W/"etag-2"' }, 200, { ETag: 'W/"etag-2"' }));
    await render('outlook');
    await pickTemplate('service-maintenance');

    expect(q<HTMLInputElement>('input[name="client.inn"]')!.value).toBe('7705987654');
    expect(q<HTMLInputElement>('input[name="software"]')!.value).toBe('');
    expect(q('input[name="number"]')).toBeNull();
    expect(q('input[name="supplier.name"]')).toBeNull();
    expect(container.textContent).toContain('ИНН клиента');
    expect(byTestId('items-table')).not.toBeNull();

    await fillServiceMaintenance();
    await type('input[name="client.kpp"]', '770501002');
    await click(byTestId('generate'));
    const preview = await until(() => byTestId('contract-preview'), 'preview');
    expect(preview.textContent).toBe('Договор № 2026-0042 на 22\u00a0800,00\u00a0₽');
    expect(container.textContent).toContain('Договор 2026-0042 ООО «Ромашка».docx');

    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('contracts');
    expect(post.body).toMatchObject({
      templateId: 'service-maintenance',
      clientId: 'cl-romashka',
      client: { signatory_genitive: 'Директора Петровой Елены Сергеевны', inn: '7705987654', kpp: '770501002' },
      fields: {
        software: '1С:Бухгалтерия КОРП',
        response_hours: 4,
        payment_day: 10,
        items: [
          { name: 'Абонентское обслуживание', unit: 'мес.', quantity: 1, price: 12000 },
          { name: 'Выезд программиста', unit: 'выезд', quantity: 2, price: 5400 },
        ],
      },
    });
    expect(post.body.requestId).toMatch(/^[0-9a-f-]{36}$/);

    await until(() => byTestId('card-saved'), 'card saved');
    // One save, the server's: the add-in sends no PUT of its own, it reads the saved card (fresh ETag) again.
    await until(() => calls.some((c) => c.method === 'GET' && c.path === 'clients/cl-romashka'), 'card read again');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('a retry of the same form sends the same requestId; a change makes a new one', async () => {
    openMessage('petrova@romashka.ru');
    senderRoutes();
    let attempts = 0;
    route('POST', 'contracts', () => (++attempts === 1 ? json({ title: 'Service Unavailable' }, 503) : docx('2026-0043')));
    await render('outlook');
    await pickTemplate('service-maintenance');
    await fillServiceMaintenance();
    await click(byTestId('generate'));
    const retry = await until(() => [...container.querySelectorAll('[data-testid="error"] button')][0], 'retry');
    expect(byTestId('error')!.textContent).toContain('Повторите через минуту');
    await click(retry);
    await until(() => byTestId('contract-preview'), 'preview');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1].body.requestId).toBe(posts[0].body.requestId);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false); // nothing changed on the card

    await type('input[name="payment_day"]', '15');
    await click(byTestId('generate'));
    await until(() => calls.filter((c) => c.method === 'POST').length === 3, 'third POST');
    expect(calls.filter((c) => c.method === 'POST')[2].body.requestId).not.toBe(posts[0].body.requestId);
  });

  it('shows the API’s validation messages at their fields and the rest in the error bar', async () => {
    openMessage('petrova@romashka.ru');
    senderRoutes();
    route('POST', 'contracts', () =>
      json(
        {
          title: 'Договор не сформирован: исправьте данные',
          status: 400,
          errors: { 'fields.items[1]': ['Количество (quantity) — положительное число.'], fields: ['Не заполнено поле «software».'], client: ['Карточка клиента не найдена.'] },
        },
        400,
      ),
    );
    await render('outlook');
    await pickTemplate('service-maintenance');
    await fillServiceMaintenance();
    await click(byTestId('generate'));
    const bar = await until(() => byTestId('error'), 'error bar');
    expect(bar.textContent).toContain('Договор не сформирован: исправьте данные');
    expect(bar.textContent).toContain('Карточка клиента не найдена.');
    expect(bar.textContent).not.toContain('«software»');
    const softwareField = q('input[name="software"]')!.closest('.fui-Field')!;
    expect(softwareField.textContent).toContain('Не заполнено поле «software».');
    const rows = container.querySelectorAll('[data-testid="item-row"]');
    expect(rows[1].textContent).toContain('Количество (quantity) — положительное число.');
    expect(byTestId('contract-preview')).toBeNull();
  });

  it('checks required fields before asking the API', async () => {
    openMessage('petrova@romashka.ru');
    senderRoutes();
    await render('outlook');
    await pickTemplate('service-maintenance');
    await click(byTestId('generate'));
    await until(() => byTestId('error'), 'error bar');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(q('input[name="software"]')!.closest('.fui-Field')!.textContent).toContain('Заполните поле');
    expect(q('input[name="software"]')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('without Mailbox 1.15 «Прикрепить к ответу» downloads and says why; «Скачать» downloads', async () => {
    openMessage('petrova@romashka.ru');
    senderRoutes();
    route('POST', 'contracts', () => docx('2026-0044'));
    await render('outlook');
    await pickTemplate('service-maintenance');
    await fillServiceMaintenance();
    await click(byTestId('generate'));
    await until(() => byTestId('attach-reply'), 'attach');
    await click(byTestId('attach-reply'));
    const fallback = await until(() => byTestId('attach-fallback'), 'fallback');
    expect(fallback.textContent).toBe('Ваш Outlook не поддерживает вложения в ответ (нужен Mailbox 1.15) — файл скачан, прикрепите его вручную');
    expect(downloads).toEqual(['Договор 2026-0044 ООО «Ромашка».docx']);
    await click(byTestId('download'));
    expect(downloads).toHaveLength(2);
  });

  it('with Mailbox 1.15 the reply form gets the .docx as base64 and a Russian text', async () => {
    const displayReplyFormAsync = vi.fn((_form: unknown, cb: (r: unknown) => void) => cb({ status: 'succeeded' }));
    openMessage('petrova@romashka.ru', { displayReplyFormAsync });
    (globalThis as any).Office.context.requirements = { isSetSupported: (name: string, v: string) => name === 'Mailbox' && v === '1.15' };
    senderRoutes();
    route('POST', 'contracts', () => docx('2026-0045'));
    await render('outlook');
    await pickTemplate('service-maintenance');
    await fillServiceMaintenance();
    await click(byTestId('generate'));
    await until(() => byTestId('attach-reply'), 'attach');
    await click(byTestId('attach-reply'));
    await until(() => byTestId('attach-done'), 'reply opened');
    const form = displayReplyFormAsync.mock.calls[0][0] as any;
    expect(form.attachments[0]).toEqual({ type: 'base64', name: 'Договор 2026-0045 ООО «Ромашка».docx', base64file: 'UEsDBAECAw==' });
    expect(form.htmlBody).toContain('Направляем договор № 2026-0045');
    expect(downloads).toEqual([]);
  });

  it('outside Outlook: finds the client by search, then loads the card and its templates', async () => {
    route('GET', 'clients?search=ромаш&limit=10', [{ id: 'cl-romashka', name: 'ООО «Ромашка»', inn: '7705987654', domains: [], matchedToken: 'ромаш' }]);
    route('GET', 'clients/cl-romashka', () => json(romashka, 200, { ETag: romashka.eTag }));
    route('GET', 'contract-templates?clientId=cl-romashka', [serviceMaintenance]);
    await render(null);
    await type('input[name="search"]', 'ромаш');
    await click(byTestId('client-search-submit'));
    await click(await until(() => byTestId('search-hit'), 'hit'));
    await until(() => q('select[data-testid="template-picker"]'), 'picker');
    expect(byTestId('contract-client')!.textContent).toContain('ООО «Ромашка»');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET clients?search=ромаш&limit=10',
      'GET clients/cl-romashka',
      'GET contract-templates?clientId=cl-romashka',
    ]);
  });

  it('a card that fails to load is reported in the search, and «Повторить» loads it', async () => {
    route('GET', 'clients?search=ромаш&limit=10', [{ id: 'cl-romashka', name: 'ООО «Ромашка»', inn: '7705987654', domains: ['romashka.ru'], matchedToken: 'ромаш' }]);
    route('GET', 'clients/cl-romashka', () => json({ title: 'Internal Server Error' }, 503));
    route('GET', 'contract-templates?clientId=cl-romashka', [serviceMaintenance]);
    await render(null);
    expect(byTestId('client-search')!.textContent).toContain('Найдите клиента по названию, ИНН, e-mail, фамилии или телефону.');
    await type('input[name="search"]', 'ромаш');
    await click(byTestId('client-search-submit'));
    await click(await until(() => byTestId('search-hit'), 'hit'));
    const bar = await until(() => byTestId('error'), 'error');
    expect(bar.textContent).toContain('Повторите через минуту');
    // The hits stay, so the user can choose again.
    expect(byTestId('search-hit')!.textContent).toContain('ИНН 7705987654');
    route('GET', 'clients/cl-romashka', () => json(romashka, 200, { ETag: romashka.eTag }));
    const retry = [...bar.querySelectorAll('button')].find((b) => b.textContent === 'Повторить')!;
    await click(retry);
    await until(() => q('select[data-testid="template-picker"]'), 'picker');
    expect(byTestId('contract-client')!.textContent).toContain('ООО «Ромашка»');
  });

  it('an unknown sender is told so and can search', async () => {
    openMessage('new@unknown.ru');
    route('GET', 'clients/lookup?email=new@unknown.ru', () => json({ title: 'Не найден', status: 404 }, 404));
    await render('outlook');
    const search = await until(() => byTestId('client-search'), 'search');
    expect(search.textContent).toContain('Отправитель ещё не записан');
  });

  it('has no serious or critical axe violations, with the form and the preview open', async () => {
    openMessage('petrova@romashka.ru');
    senderRoutes();
    route('POST', 'contracts', () => docx('2026-0047'));
    await render('outlook');
    await pickTemplate('service-maintenance');
    await fillServiceMaintenance();
    await click(byTestId('generate'));
    await until(() => byTestId('contract-preview'), 'preview');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
