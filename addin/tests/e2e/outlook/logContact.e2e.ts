// «Записать контакт»: the ribbon's function command in Outlook (fake Office.js, real app, Azurite),
// and the paste page the same file shows in a plain browser.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenceRequest, pastedEmail, romashka } from '../harness/messages';
import {
  axe,
  closePane,
  describeViolations,
  devToken,
  errorsOf,
  fakeCalls,
  invokeCommand,
  launchBrowser,
  notificationsSet,
  openPane,
  screenshot,
  waitForCommand,
} from '../harness/pane';

let browser: Browser;
let token: string;

beforeAll(async () => {
  browser = await launchBrowser();
  token = await devToken(undefined, 'kuznetsova', ['manager'], 'Мария Кузнецова');
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the function file as Outlook does, clicks the button, returns what the command left behind. */
async function clickLogContact(page: Page) {
  await waitForCommand(page, 'logContact');
  const completedWith = await invokeCommand(page, 'logContact');
  const notifications = await notificationsSet(page);
  const completed = await fakeCalls(page, 'event.completed');
  return { completedWith, notifications, completed };
}

function why(page: Page): string {
  const errors = errorsOf(page);
  return errors.length ? `\npage errors:\n${errors.join('\n')}` : '';
}

describe('Log contact — the Outlook ribbon command', () => {
  const message = licenceRequest();

  it('logs the open message: the notification names the company from the signature and the contact', async () => {
    const page = await openPane(browser, 'commands', { host: 'Outlook', item: message, token });
    try {
      const { notifications, completed } = await clickLogContact(page);

      expect(completed, 'event.completed() must be called exactly once' + why(page)).toHaveLength(1);
      expect(notifications, 'one notification' + why(page)).toHaveLength(1);
      const { key, details } = notifications[0];
      expect(key).toBe('officeflow');
      expect(details.type).toBe('informationalMessage');
      expect(details.message.startsWith('Записано:'), details.message).toBe(true);
      expect(details.message).toContain(romashka.displayName);
      expect(details.message).toContain(romashka.contactName);
      expect(details.message.length).toBeLessThanOrEqual(150);
      // The notification came after the command read both bodies and converted the item id to REST.
      const bodies = (await fakeCalls(page, 'body.getAsync')).map((c) => c.args[0]);
      expect(bodies.sort()).toEqual(['html', 'text']);
      const converted = await fakeCalls(page, 'mailbox.convertToRestId');
      expect(converted.map((c) => c.args)).toEqual([[message.itemId, 'v2.0']]);
    } finally {
      await closePane(page);
    }
  });

  it('the same message again says it is already logged', async () => {
    const page = await openPane(browser, 'commands', { host: 'Outlook', item: message, token });
    try {
      const { notifications, completed } = await clickLogContact(page);

      expect(completed).toHaveLength(1);
      expect(notifications).toHaveLength(1);
      expect(notifications[0].details.message.startsWith('Уже записано'), notifications[0].details.message + why(page)).toBe(true);
      expect(notifications[0].details.message).toContain(romashka.displayName);
    } finally {
      await closePane(page);
    }
  });

  it('without a sign-in the notification sends the manager to the pane, and the command still completes', async () => {
    const page = await openPane(browser, 'commands', { host: 'Outlook', item: licenceRequest() });
    try {
      const { notifications, completed } = await clickLogContact(page);

      expect(completed).toHaveLength(1);
      expect(notifications).toHaveLength(1);
      expect(notifications[0].details.type).toBe('errorMessage');
      expect(notifications[0].details.message).toContain('Откройте панель OfficeFlow и войдите');
      // Nothing was read from the message: without a token there is nothing to send it to.
      expect(await fakeCalls(page, 'body.getAsync')).toHaveLength(0);
    } finally {
      await closePane(page);
    }
  });
});

describe('Log contact — the paste page in a plain browser', () => {
  for (const width of [350, 800]) {
    it(`shows the paste form at ${width} px, without serious accessibility violations`, async () => {
      const page = await openPane(browser, 'commands', { host: 'none', width, token });
      try {
        await page.getByTestId('paste-form').waitFor({ timeout: 15_000 });
        await page.getByTestId('outside-office').waitFor();
        await screenshot(page, `commands-paste-${width}`);
        // The page fits the pane: nothing wider than the viewport.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'horizontal scrolling').toBeLessThanOrEqual(0);
        const violations = await axe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
      } finally {
        await closePane(page);
      }
    });
  }

  it('logging a pasted e-mail shows the result line', async () => {
    const page = await openPane(browser, 'commands', { host: 'none', width: 350, token });
    try {
      const form = page.getByTestId('paste-form');
      await form.waitFor({ timeout: 15_000 });
      await form.locator('input[name="fromAddress"]').fill(pastedEmail.fromAddress);
      await form.locator('input[name="fromName"]').fill(pastedEmail.fromName);
      await form.locator('input[name="subject"]').fill(pastedEmail.subject);
      await form.locator('textarea[name="body"]').fill(pastedEmail.body);
      await form.getByRole('button', { name: 'Записать контакт' }).click();

      const result = page.getByTestId('log-result');
      await result.waitFor({ timeout: 20_000 });
      const text = (await result.innerText()).trim();
      expect(text.startsWith('Записано:'), text + why(page)).toBe(true);
      expect(text).toContain(pastedEmail.displayName);
      expect(text).toContain(pastedEmail.fromName);
      await screenshot(page, 'commands-paste-logged-350');

      // Pasting the same e-mail again logs it once: the page derives the Message-ID from the content.
      await form.getByRole('button', { name: 'Записать контакт' }).click();
      await expect.poll(async () => (await result.innerText()).trim(), { timeout: 20_000 }).toMatch(/^Уже записано/);
    } finally {
      await closePane(page);
    }
  });
});
