// A session that is over: every Outlook pane shows «Вход для разработки», never a blank pane, whether the
// stored token is expired (the pane sees it) or one the server rejects (a 401 signs the pane out); signing in
// through the form brings the pane's content.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePane, launchBrowser, openPane } from '../harness/pane';
import { employees, logCompany, managerToken, messageFrom, newCompany, plain, why, type TestCompany } from './support';

let browser: Browser;
let company: TestCompany;
let valid: string;

beforeAll(async () => {
  browser = await launchBrowser();
  valid = await managerToken('smirnova');
  company = newCompany();
  await logCompany(valid, company);
});

afterAll(async () => {
  await browser?.close();
});

const b64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

/** The app's token with another payload: exp in the past (an expired session) … */
function expiredToken(token: string): string {
  const [head, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const past = Math.floor(Date.now() / 1000) - 3600;
  return [head, b64url({ ...claims, iat: past - 3600, nbf: past - 3600, exp: past }), signature].join('.');
}

/** … or a future exp under a signature that no longer matches (the server answers 401). */
function rejectedToken(token: string): string {
  const [head, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return [head, b64url({ ...claims, exp: Math.floor(Date.now() / 1000) + 7200 }), signature].join('.');
}

/** What each pane shows once signed in. */
const content: Record<string, (page: Page) => Promise<void>> = {
  client: async (page) => expect(plain(await page.getByTestId('client-name').innerText())).toBe(company.displayName),
  contract: async (page) => expect(plain(await page.getByTestId('contract-client').innerText())).toContain(company.displayName),
  invoice: async (page) => {
    await page.getByTestId('new-invoice').waitFor({ timeout: 20_000 });
    await page.getByTestId('invoice-empty').or(page.getByTestId('invoice-list')).first().waitFor({ timeout: 20_000 });
  },
  task: async (page) => {
    await page.getByTestId('my-points').waitFor({ timeout: 20_000 });
    await page.getByTestId('task-options').waitFor({ timeout: 20_000 });
  },
};
const contentTestId: Record<string, string> = { client: 'client-name', contract: 'contract-client', invoice: 'new-invoice', task: 'my-points' };

describe('Outlook panes with a session that is over', () => {
  for (const pane of ['client', 'contract', 'invoice', 'task'] as const) {
    for (const [kind, make] of [['expired', expiredToken], ['rejected by the server', rejectedToken]] as const) {
      it(`«${pane}» with a token ${kind}: «Вход для разработки», then the form signs in and the pane shows its content`, async () => {
        const page = await openPane(browser, pane, { item: messageFrom(company), token: make(valid) });
        try {
          const signIn = page.getByTestId('dev-signin');
          await signIn.waitFor({ timeout: 20_000 });
          const text = plain(await signIn.innerText());
          expect(text, why(page)).toContain('Вход для разработки');
          expect(text).toContain('Войдите, чтобы продолжить.');
          // Never blank, and no half-signed-in header.
          expect(plain(await page.locator('main').innerText()).length).toBeGreaterThan(20);
          expect(await page.getByText('Вы вошли как').count()).toBe(0);
          expect(await page.getByTestId(contentTestId[pane]).count()).toBe(0);

          // Sign in as a graded manager through the form.
          await signIn.locator('input[name="user"]').fill(employees.smirnova.user);
          await signIn.locator('input[name="name"]').fill(employees.smirnova.name);
          const role = signIn.getByRole('combobox');
          await role.click();
          await page.getByRole('option', { name: 'Менеджер' }).click();
          await signIn.getByRole('button', { name: 'Войти' }).click();

          await page.getByTestId(contentTestId[pane]).waitFor({ timeout: 20_000 });
          await content[pane](page);
          expect(plain(await page.locator('header').first().innerText())).toContain(`Вы вошли как ${employees.smirnova.name}`);
          expect(await page.getByTestId('dev-signin').count()).toBe(0);
          const stored = await page.evaluate(() => localStorage.getItem('officeflow.devToken'));
          expect(stored, 'the new token is kept for the other panes and the ribbon').toBeTruthy();
          expect(stored).not.toBe(make(valid));
        } finally {
          await closePane(page);
        }
      });
    }
  }
});
