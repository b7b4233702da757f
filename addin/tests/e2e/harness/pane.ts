// What an end-to-end test uses: a browser, a pane opened as Office opens it (with the fake Office.js),
// sign-in, screenshots, accessibility checks and the calls the pane made into Office.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import * as core from './browser.mjs';
import type { FakeCall, OpenPaneOptions } from './browser.mjs';
import { addinDir } from './stack.mjs';

export type { FakeCall, FakeHost, OpenPaneOptions } from './browser.mjs';
export { devTokenStorageKey, errorsOf, invokeCommand, launchBrowser, officeJsUrl, waitForCommand } from './browser.mjs';

/** The started app's URL (from globalSetup). */
export const baseUrl = (): string => inject('baseUrl');

export type Pane = 'client' | 'contract' | 'invoice' | 'task' | 'commands' | 'auth-dialog' | (string & {});

/** Opens <base>/addin/<pane>.html; base defaults to the app globalSetup started. */
export function openPane(browser: Browser, pane: Pane, options: Omit<OpenPaneOptions, 'base'> & { base?: string } = {}): Promise<Page> {
  return core.openPane(browser, pane, { ...options, base: options.base ?? baseUrl() });
}

/** A Development-mode token: POST /api/dev/token on the started app. */
export function devToken(base: string = baseUrl(), user = 'kuznetsova', roles: string[] = ['manager'], name = 'Мария Кузнецова'): Promise<string> {
  return core.devToken(base, user, roles, name);
}

export const screenshotsDir = join(addinDir, 'test-results', 'screenshots');

/** A full-page PNG in addin/test-results/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

/** axe-core on the page as it is now; only the serious and critical violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(addinDir, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const axeCore = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axeCore.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
}

/** One line per violation, for an assertion message. */
export const describeViolations = (violations: AxeViolation[]) => violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`).join('\n');

/** Every call the page made into the fake Office.js (or only those with this name). */
export function fakeCalls(page: Page, name?: string): Promise<FakeCall[]> {
  return core.fakeCalls(page, name);
}

export interface NotificationDetails {
  type: string;
  message: string;
  icon?: string;
  persistent?: boolean;
}

/** The notifications the page set with notificationMessages.replaceAsync/addAsync, oldest first. */
export async function notificationsSet(page: Page): Promise<{ key: string; details: NotificationDetails; at: number }[]> {
  const calls = (await fakeCalls(page)).filter((c) => c.name === 'notificationMessages.replaceAsync' || c.name === 'notificationMessages.addAsync');
  return calls.map((c) => ({ key: String(c.args[0]), details: c.args[1] as NotificationDetails, at: c.at }));
}

/** Closes the page's own browser context (each openPane makes one). */
export async function closePane(page: Page): Promise<void> {
  await page.context().close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
