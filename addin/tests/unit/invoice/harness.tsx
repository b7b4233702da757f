// Render tests without a test library: React's act, a stubbed fetch, a development token.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import axe from 'axe-core';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import { setConfig } from '../../../src/api/config';
import { signOut, storeDevelopmentToken } from '../../../src/auth/session';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
if (!('ResizeObserver' in globalThis)) {
  (globalThis as Record<string, unknown>).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export const apiBase = 'http://api.test/api';

let tokenCounter = 0;

/** A development JWT (the pane only reads its claims; the API would check the signature). */
export function devToken(roles: string[], name = 'Иван Иванов'): string {
  const b64 = (o: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  tokenCounter += 1;
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: `user-${tokenCounter}`, name, roles, exp: Math.floor(Date.now() / 1000) + 3600 })}.sig`;
}

export function signIn(roles: string[]): void {
  setConfig({ apiBase, auth: { mode: 'Development', clientId: null, authority: null, scope: null } });
  signOut();
  storeDevelopmentToken(devToken(roles));
}

export interface Call {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export type Route = (call: Call) => Response | object | undefined;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ status, title: 'Действие недоступно для счёта в этом состоянии', detail, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** Stubs fetch: each call is recorded and answered by the first route that answers (a plain object is 200 JSON). */
export function stubApi(route: Route): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/api\//, '') + url.search,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers as Record<string, string>) ?? {},
    };
    calls.push(call);
    const answer = route(call);
    if (answer === undefined) return json({ title: 'Not Found' }, 404);
    return answer instanceof Response ? answer : json(answer);
  });
  return calls;
}

export interface Rendered {
  container: HTMLElement;
  unmount: () => void;
}

const mounted: { root: Root; container: HTMLElement }[] = [];

export async function render(node: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>));
  const entry = { root, container };
  mounted.push(entry);
  return {
    container,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export function cleanup(): void {
  while (mounted.length) {
    const { root, container } = mounted.pop()!;
    act(() => root.unmount());
    container.remove();
  }
  vi.unstubAllGlobals();
}

export async function flush(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

/** Waits (up to 5 s: the machine may be busy) until the check passes; returns its value. */
export async function waitFor<T>(check: () => T | null | undefined | false, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    let value: T | null | undefined | false = null;
    let failure: unknown = null;
    try {
      value = check();
    } catch (e) {
      failure = e;
    }
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw failure ?? new Error('waitFor: timed out');
    await flush(10);
  }
}

export const byTestId = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
export const allByTestId = (root: ParentNode, id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

export async function click(el: Element | null): Promise<void> {
  if (!el) throw new Error('click: no element');
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** Types into a controlled input, textarea or select the way a user's edit reaches React. */
export async function type(el: Element | null, value: string): Promise<void> {
  if (!el) throw new Error('type: no element');
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** The input of the Field labelled so. */
export function inputByLabel(root: ParentNode, label: string): HTMLInputElement {
  const labels = [...root.querySelectorAll('label')].filter((l) => l.textContent?.replace(/\s*\*$/, '').trim() === label);
  if (labels.length === 0) throw new Error(`no label «${label}»`);
  const id = labels[0].getAttribute('for');
  return root.querySelector<HTMLInputElement>(`[id="${id}"]`)!;
}

export function buttonByText(root: ParentNode, text: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!button) throw new Error(`no button «${text}»`);
  return button;
}

/** axe-core on the rendered pane: the serious and critical violations (colour contrast cannot be judged in jsdom). */
export async function axeViolations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}
