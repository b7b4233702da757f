// Every Outlook pane at 350 and 800 px, in Russian, with content loaded (a known sender whose client has
// a contact, an event and an open invoice): a screenshot (addin/test-results/screenshots/<pane>-<width>.png),
// axe-core with no serious or critical violation (none tolerated), and no horizontal scrolling.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, closePane, describeViolations, launchBrowser, openPane, screenshot } from '../harness/pane';
import type { FakeMailItem } from '../harness/messages';
import { issueInvoice, logCompany, managerToken, messageFrom, newCompany, plain, why, type TestCompany } from './support';

let browser: Browser;
let token: string;
let company: TestCompany;
let item: FakeMailItem;

beforeAll(async () => {
  browser = await launchBrowser();
  token = await managerToken('smirnova');
  company = newCompany();
  const client = await logCompany(token, company);
  await issueInvoice(token, client, [
    { item: 'Лицензия 1С:Предприятие 8 ПРОФ', quantity: 2, price: 12_500 },
    { item: 'Сопровождение 1С (ИТС ПРОФ), 12 месяцев', quantity: 1, price: 48_600 },
  ]);
  item = messageFrom(company);
});

afterAll(async () => {
  await browser?.close();
});

/** Waits until the pane shows what a manager opened it for. */
const ready: Record<string, (page: Page) => Promise<void>> = {
  client: async (page) => {
    await page.getByTestId('client-name').waitFor({ timeout: 20_000 });
    await page.getByTestId('open-invoice').first().waitFor({ timeout: 20_000 });
  },
  contract: async (page) => {
    const picker = page.getByTestId('template-picker');
    await picker.waitFor({ timeout: 20_000 });
    await picker.selectOption({ label: 'Лицензионный договор' });
    await page.getByTestId('items-table').waitFor();
  },
  invoice: async (page) => {
    await page.getByTestId('invoice-row').first().waitFor({ timeout: 20_000 });
  },
  task: async (page) => {
    await page.getByTestId('my-band').waitFor({ timeout: 20_000 });
    await page.getByTestId('task-options').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('task-client').inputValue(), { timeout: 20_000 }).not.toBe('');
  },
  firm: async (page) => {
    await page.getByTestId('firm-form').waitFor({ timeout: 20_000 });
  },
};

describe('Outlook panes: screenshots, accessibility, no horizontal scroll', () => {
  for (const pane of ['client', 'contract', 'invoice', 'task', 'firm'] as const) {
    for (const width of [350, 800]) {
      it(`«${pane}» at ${width} px`, async () => {
        const page = await openPane(browser, pane, { item, token, width, language: 'ru-RU' });
        try {
          await ready[pane](page);
          // Skeletons gone: the content is what is shown.
          await page.waitForFunction(() => !document.querySelector('.fui-Skeleton'), undefined, { timeout: 20_000 });
          expect(await page.evaluate(() => document.documentElement.lang), 'the page says it is Russian').toMatch(/^ru/);
          if (pane === 'firm') {
            // The firm's record (the local run's demo firm, or what an admin saved) fills the form.
            expect(await page.getByTestId('firm-field-name').locator('input').inputValue()).toMatch(/^ООО «/);
          } else {
            // The sender's client is on screen (the task pane has it in the «Клиент» input).
            const shown = pane === 'task' ? await page.getByTestId('task-client').inputValue() : plain(await page.locator('main').innerText());
            expect(shown).toContain(company.displayName);
          }
          await screenshot(page, `${pane}-${width}`);

          // Strict for every pane and width: nothing may make the pane scroll sideways.
          {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            // Name the culprits: the innermost elements whose right edge passes the viewport.
            const wide = await page.evaluate(() =>
              [...document.querySelectorAll('main *')]
                .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
                .slice(0, 5)
                .map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[data-testid=${e.getAttribute('data-testid')}]` : ''}${e.getAttribute('name') ? `[name=${e.getAttribute('name')}]` : ''} right=${Math.round(e.getBoundingClientRect().right)}`),
            );
            expect(overflow, `horizontal scrolling at ${width} px: ${wide.join('; ')}`).toBeLessThanOrEqual(0);
          }
          // A placeholder wider than its box is cut mid-word («Название, ИНН, e-mail,»): measured in the input's own font.
          {
            const cut = await page.evaluate(() => {
              const canvas = document.createElement('canvas').getContext('2d')!;
              return [...document.querySelectorAll<HTMLInputElement>('main input[placeholder]')]
                .filter((input) => input.placeholder && input.getClientRects().length > 0)
                .filter((input) => {
                  const style = getComputedStyle(input);
                  canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                  const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                  return canvas.measureText(input.placeholder).width > room;
                })
                .map((input) => `«${input.placeholder}» in ${Math.round(input.clientWidth)} px`);
            });
            expect(cut, `placeholders cut at ${width} px`).toEqual([]);
          }
          const violations = await axe(page);
          expect(violations, describeViolations(violations) + why(page)).toEqual([]);
        } finally {
          await closePane(page);
        }
      });
    }
  }
});
