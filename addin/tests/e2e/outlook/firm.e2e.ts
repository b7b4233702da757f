// «Реквизиты фирмы» against the real app: the local run's demo firm is shown as such; a settlement account
// whose control key does not match the BIK is refused at its field by the API; the admin's save goes
// through and every reader then sees the saved record. The values saved are the demo firm's own, so the
// other flows' documents do not change.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePane, devToken, launchBrowser, openPane, screenshot } from '../harness/pane';
import { callApi, managerToken, textOf, why } from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('«Реквизиты фирмы» pane', () => {
  it('a wrong account is refused at its field; the admin\'s save is what every reader sees', async () => {
    const admin = await devToken(undefined, 'admin.sokolov', ['admin'], 'Андрей Соколов');
    const page = await openPane(browser, 'firm', { token: admin, width: 350, language: 'ru-RU' });
    try {
      const account = page.getByTestId('firm-field-account').locator('input');
      await account.waitFor({ timeout: 20_000 });
      const original = await account.inputValue();
      expect(original, why(page)).toMatch(/^\d{20}$/);

      // One digit changed: the control key no longer matches the bank's BIK.
      const wrong = original.slice(0, 19) + String((Number(original[19]) + 1) % 10);
      await account.fill(wrong);
      await page.getByTestId('save-firm').click();
      await expect.poll(() => textOf(page, 'firm-field-account'), { timeout: 20_000 }).toContain('не сходится контрольный ключ с БИК');
      await screenshot(page, 'firm-account-refused-350');

      await account.fill(original);
      await page.getByTestId('save-firm').click();
      expect(await textOf(page, 'firm-saved'), why(page)).toContain('Реквизиты сохранены');
      expect(await page.getByTestId('firm-demo').count()).toBe(0);

      const seen = await callApi(await managerToken('smirnova'), 'GET', 'firm');
      expect(seen.status).toBe(200);
      expect(seen.body.saved).toBe(true);
      expect(seen.body.requisites.account).toBe(original);
    } finally {
      await closePane(page);
    }
  });
});
