// Shared by the Outlook pane flows (client, contract, invoice, task, session, panes): a client of its own
// for every run (unique name, valid ИНН, own domain), the message its contact writes, direct API calls
// the way another user or program would make them, and the graded employees the dev tokens sign in as.
import type { Page } from 'playwright-core';
import { manager, newItemId, type FakeMailItem } from '../harness/messages';
import { baseUrl, devToken, errorsOf } from '../harness/pane';

/** Graded employees (functions/OfficeFlow.Functions/Grades/Policy/employees.json): «Мой месяц» needs one. */
export const employees = {
  smirnova: { user: '6f1c2a8e-1d3b-4c55-9a0e-3b7f6a2d9c41', name: 'Анна Смирнова' },
  ivanova: { user: 'b2d94e17-7c60-4a1f-8e35-5c2a9f0d7e12', name: 'Мария Иванова' },
  kuznetsov: { user: '0e8a7b35-4f29-4d8c-b1a6-92c3e5f7a8d0', name: 'Иван Кузнецов' },
} as const;

export function managerToken(who: keyof typeof employees = 'smirnova'): Promise<string> {
  return devToken(undefined, employees[who].user, ['manager'], employees[who].name);
}

/** An accountant; `alsoManager` adds the manager role (see invoice.e2e.ts: an accountant alone cannot read the sender's card). */
export function accountantToken(alsoManager = false): Promise<string> {
  return devToken(undefined, 'buh.orlova', alsoManager ? ['accountant', 'manager'] : ['accountant'], 'Ольга Орлова');
}

const cyrillic = 'БВГДЖЗКЛМНПРСТФХ';
const vowels = 'АЕИОУЯ';
let sequence = 0;

/** A 10-digit ИНН of a company that passes the check digit (weights 2 4 10 3 5 9 4 6 8). */
export function validInn(): string {
  const digits = [7, 7, ...Array.from({ length: 7 }, () => Math.floor(Math.random() * 10))];
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = (digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11) % 10;
  return [...digits, check].join('');
}

export interface TestCompany {
  /** The name without the legal form, as the card stores it. */
  company: string;
  displayName: string;
  inn: string;
  kpp: string;
  domain: string;
  contactName: string;
  contactAddress: string;
  position: string;
  subject: string;
}

/** A company nobody has logged yet: «Лютик-Бакер» with its own ИНН and domain, unique per call and per run. */
export function newCompany(flower = 'Лютик'): TestCompany {
  sequence += 1;
  const pick = (s: string) => s[Math.floor(Math.random() * s.length)];
  const suffix = pick(cyrillic) + pick(vowels).toLowerCase() + pick(cyrillic).toLowerCase() + pick(vowels).toLowerCase() + pick(cyrillic).toLowerCase();
  const tag = `${Date.now().toString(36)}${process.pid.toString(36)}${sequence}`;
  const company = `${flower}-${suffix}`;
  const inn = validInn();
  const domain = `lutik-${tag}.ru`;
  return {
    company,
    displayName: `ООО «${company}»`,
    inn,
    kpp: `${inn.slice(0, 4)}01001`,
    domain,
    contactName: 'Пётр Сидоров',
    contactAddress: `p.sidorov@${domain}`,
    position: 'Коммерческий директор',
    subject: `Лицензии 1С на 2027 год — запрос ${suffix}`,
  };
}

export function companyBody(c: TestCompany): string {
  return [
    'Добрый день!',
    '',
    'Просим подготовить лицензионный договор на 1С:Предприятие 8 (10 рабочих мест) и выставить счёт.',
    'Оплату проведём до конца месяца.',
    '',
    'С уважением,',
    c.contactName,
    c.position,
    c.displayName,
    `ИНН ${c.inn}  КПП ${c.kpp}`,
    'Тел.: +7 (495) 765-12-34',
    `www.${c.domain}`,
    '',
  ].join('\n');
}

/** The contact's message as the open Outlook item (fresh ids: logged anew each time). */
export function messageFrom(c: TestCompany, overrides: Partial<FakeMailItem> = {}): FakeMailItem {
  sequence += 1;
  return {
    itemId: newItemId(),
    internetMessageId: `<req.${Date.now().toString(36)}.${process.pid}.${sequence}@${c.domain}>`,
    subject: c.subject,
    from: { displayName: c.contactName, emailAddress: c.contactAddress },
    to: [{ ...manager }],
    cc: [],
    dateTimeCreated: new Date().toISOString(),
    body: { text: companyBody(c) },
    ...overrides,
  };
}

export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A call to the app as another program would make it (not through a pane). */
export async function callApi<T = any>(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, base = baseUrl()): Promise<ApiAnswer<T>> {
  const response = await fetch(`${base}/api/${path.replace(/^\//, '')}`, {
    method,
    headers: {
      Accept: 'application/json, application/problem+json',
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** Logs the company's message through the API (what «Записать контакт» sends); returns the client card. */
export async function logCompany(token: string, c: TestCompany, base = baseUrl()): Promise<{ id: string; displayName: string; eTag: string }> {
  const m = messageFrom(c);
  const answer = await callApi(token, 'POST', 'contacts/log-email', {
    internetMessageId: m.internetMessageId,
    from: { name: c.contactName, address: c.contactAddress },
    to: [{ name: manager.displayName, address: manager.emailAddress }],
    subject: m.subject,
    sentAt: m.dateTimeCreated,
    bodyText: m.body?.text,
  }, {}, base);
  if (answer.status >= 300 || answer.body?.status !== 'Logged' || !answer.body?.client?.id) {
    throw new Error(`log-email for ${c.displayName} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body.client;
}

/** An issued invoice for the client through the API (POST /api/invoices, then /issue). */
export async function issueInvoice(token: string, client: { id: string; displayName: string }, lines: { item: string; quantity: number; price: number }[]) {
  const created = await callApi(token, 'POST', 'invoices', {
    clientId: client.id,
    clientName: client.displayName,
    lines: lines.map((l) => ({ ...l, unit: 'шт', vatRate: 22, kind: 'oneOff' })),
  }, { 'Idempotency-Key': crypto.randomUUID() });
  if (created.status >= 300) throw new Error(`POST /api/invoices answered ${created.status} ${JSON.stringify(created.body)}`);
  const issued = await callApi(token, 'POST', `invoices/${encodeURIComponent(created.body.id)}/issue`);
  if (issued.status >= 300) throw new Error(`issue answered ${issued.status} ${JSON.stringify(issued.body)}`);
  return issued.body;
}

/** «1 234,5» (with any kind of space) → 1234.5. */
export function ruNumber(text: string): number {
  const clean = text.replace(/[^\d,.-]/g, '').replace(',', '.');
  const n = Number(clean);
  if (!Number.isFinite(n) || clean === '') throw new Error(`not a number: «${text}»`);
  return n;
}

/** Money as the panes print it: «150 000,00 ₽» with a no-break space for thousands. */
export function rub(amount: number): string {
  const [whole, cents] = amount.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${cents}\u00a0₽`;
}

/** Spaces of every kind as plain spaces (for comparing what a person reads). */
export const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The page's uncaught and console errors, for an assertion message. */
export function why(page: Page): string {
  const errors = errorsOf(page);
  return errors.length ? `\npage errors:\n${errors.join('\n')}` : '';
}

/** The visible text of an element by data-testid, spaces normalised. */
export async function textOf(page: Page, testId: string, timeout = 20_000): Promise<string> {
  const el = page.getByTestId(testId).first();
  await el.waitFor({ timeout });
  return plain(await el.innerText());
}
