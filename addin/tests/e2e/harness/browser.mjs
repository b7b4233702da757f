// Drives Debian's Chromium with playwright-core (its own browser download cannot work here) and
// opens the add-in's panes the way Office does: Office.js from Microsoft's CDN URL, answered by the
// fake in fake-office.js. Plain ESM for the benchmark; pane.ts adds the test-only helpers and types.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from './stack.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const officeJsUrl = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const fakeOfficePath = join(here, 'fake-office.js');
export const devTokenStorageKey = 'officeflow.devToken';

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=ru-RU'],
  });
}

/** A Development-mode token from the app (POST /api/dev/token). */
export async function devToken(base, user = 'kuznetsova', roles = ['manager'], name = 'Мария Кузнецова') {
  const response = await fetch(`${base.replace(/\/$/, '')}/api/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user, name, roles }),
  });
  if (!response.ok) {
    throw new Error(`POST ${base}/api/dev/token answered ${response.status} ${await response.text().catch(() => '')}`.trim() +
      ' — the app must run in Development mode with the development sign-in endpoint.');
  }
  const body = await response.json();
  if (!body.accessToken) throw new Error(`POST ${base}/api/dev/token: no accessToken in ${JSON.stringify(body)}`);
  return body.accessToken;
}

const pageErrors = new WeakMap();

/** Uncaught errors and console errors of a page opened with openPane (for failure messages). */
export function errorsOf(page) {
  return pageErrors.get(page) ?? [];
}

/**
 * Opens <base>/addin/<pane>.html in a fresh browser context (own localStorage) of the given width.
 * options: { base, width = 350, height = 720, host = 'Outlook' | 'Excel' | null | 'none', item,
 *            language = 'ru-RU', requirementSets, userProfile, token (string | {user, roles, name}),
 *            waitUntil = 'load' }
 * host 'none' answers the CDN URL with a 404: a plain browser without Office.js.
 */
export async function openPane(browser, pane, options) {
  const { base, width = 350, height = 720, host = 'Outlook', item, language = 'ru-RU', requirementSets, userProfile, token, waitUntil = 'load' } = options;
  if (!base) throw new Error('openPane: options.base (the app URL) is required');
  const context = await browser.newContext({ viewport: { width, height }, locale: language, deviceScaleFactor: 1 });

  // Nothing leaves the machine: everything but the loopback app is refused …
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort('blockedbyclient'));
  // … and Office.js is the fake (registered last, so it is matched first).
  if (host === 'none') {
    await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
  } else {
    const fake = readFileSync(fakeOfficePath, 'utf8') + (host === 'Excel' ? '\n' + readFileSync(join(here, 'fake-excel.js'), 'utf8') : '');
    await context.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/javascript; charset=utf-8', body: fake }),
    );
    await context.addInitScript((config) => {
      window.__officeFake = config;
    }, { host, displayLanguage: language, item: item ?? null, requirementSets: requirementSets ?? undefined, userProfile: userProfile ?? undefined });
  }

  const accessToken = typeof token === 'string' ? token : token ? await devToken(base, token.user, token.roles, token.name) : null;
  if (accessToken) {
    await context.addInitScript(([key, value]) => {
      // Only on the first load of the context: a test that signs out and reloads stays signed out.
      try {
        if (location.protocol.startsWith('http') && !sessionStorage.getItem('officeflow.e2e.seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('officeflow.e2e.seeded', '1');
        }
      } catch {
        /* about:blank has no storage */
      }
    }, [devTokenStorageKey, accessToken]);
  }

  const page = await context.newPage();
  const errors = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${base.replace(/\/$/, '')}/addin/${pane}.html`, { waitUntil });
  return page;
}

/** Waits until the page has registered the ribbon command (Office.actions.associate). */
export async function waitForCommand(page, name, timeout = 15_000) {
  await page.waitForFunction((n) => !!window.__officeFake?.associated?.().includes(n), name, { timeout });
}

/** Runs a ribbon command as Outlook does; resolves with the options of event.completed(). */
export function invokeCommand(page, name) {
  return page.evaluate((n) => window.__officeFake.invokeCommand(n), name);
}

/** Every call the page made into the fake Office.js. */
export function fakeCalls(page, name) {
  return page.evaluate((n) => (n ? window.__officeFake.callsNamed(n) : window.__officeFake.calls), name ?? null);
}
