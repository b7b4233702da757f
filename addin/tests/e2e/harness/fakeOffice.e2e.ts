// The fake Office.js itself, on a blank page (no app needed): what the panes rely on must behave
// as Office documents it, or the flows built on it prove nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenceRequest } from './messages';
import { launchBrowser, officeJsUrl } from './pane';

let browser: Browser;
const fake = readFileSync(join(import.meta.dirname, 'fake-office.js'), 'utf8');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function blankPage(config: Record<string, unknown>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.route('http://officeflow.test/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><script src="${officeJsUrl}"></script></head><body></body></html>` }),
  );
  await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'application/javascript', body: fake }));
  await context.addInitScript((c) => {
    (window as unknown as { __officeFake: unknown }).__officeFake = c;
  }, config);
  const page = await context.newPage();
  await page.goto('http://officeflow.test/blank.html');
  return { context, page };
}

describe('fake Office.js', () => {
  it('Outlook: onReady, requirement sets, the item, bodies, REST ids, notifications, reply form', async () => {
    const item = licenceRequest();
    const { context, page } = await blankPage({ host: 'Outlook', displayLanguage: 'ru-RU', item, requirementSets: { Mailbox: '1.15', IdentityAPI: '1.3' } });
    try {
      const result = await page.evaluate(async () => {
        const office = (window as unknown as { Office: typeof Office }).Office;
        const info = await office.onReady();
        const item = office.context.mailbox.item as Office.MessageRead;
        const body = (coercion: Office.CoercionType) =>
          new Promise<Office.AsyncResult<string>>((resolve) => item.body.getAsync(coercion, resolve));
        const call = (f: (cb: (r: Office.AsyncResult<void>) => void) => void) => new Promise<Office.AsyncResult<void>>((resolve) => f(resolve));
        const text = await body(office.CoercionType.Text);
        const html = await body(office.CoercionType.Html);
        const add = await call((cb) => item.notificationMessages.addAsync('k', { type: office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message: 'a', icon: 'i', persistent: false }, cb));
        const addAgain = await call((cb) => item.notificationMessages.addAsync('k', { type: office.MailboxEnums.ItemNotificationMessageType.ErrorMessage, message: 'b' }, cb));
        const replace = await call((cb) => item.notificationMessages.replaceAsync('k', { type: office.MailboxEnums.ItemNotificationMessageType.ErrorMessage, message: 'c' }, cb));
        const remove = await call((cb) => item.notificationMessages.removeAsync('k', cb));
        const removeAgain = await call((cb) => item.notificationMessages.removeAsync('k', cb));
        const reply = await call((cb) => item.displayReplyFormAsync({ htmlBody: '<p>x</p>', attachments: [{ type: 'base64', name: 'a.docx', base64file: 'UEsDBA==' }] } as unknown as Office.ReplyFormData, cb));
        return {
          host: info.host,
          language: office.context.displayLanguage,
          mailbox115: office.context.requirements.isSetSupported('Mailbox', '1.15'),
          mailbox113: office.context.requirements.isSetSupported('Mailbox', '1.13'),
          mailbox2: office.context.requirements.isSetSupported('Mailbox', '2.0'),
          naa: office.context.requirements.isSetSupported('NestedAppAuth', '1.1'),
          created: item.dateTimeCreated instanceof Date ? item.dateTimeCreated.toISOString() : null,
          from: item.from.emailAddress,
          text: text.value.slice(0, 11),
          html: html.value.startsWith('<html'),
          restId: office.context.mailbox.convertToRestId(item.itemId, office.MailboxEnums.RestVersion.v2_0),
          statuses: [add, addAgain, replace, remove, removeAgain, reply].map((r) => r.status),
          attachment: (window as unknown as { __officeFake: { callsNamed(n: string): { args: unknown[] }[] } }).__officeFake.callsNamed('displayReplyFormAsync')[0].args[0],
        };
      });
      expect(result).toMatchObject({
        host: 'Outlook',
        language: 'ru-RU',
        mailbox115: true,
        mailbox113: true,
        mailbox2: false,
        naa: false,
        created: '2026-11-27T06:41:00.000Z',
        from: 'ivan.petrov@romashka-soft.ru',
        text: 'Мария, добр',
        html: true,
        statuses: ['succeeded', 'failed', 'succeeded', 'succeeded', 'failed', 'succeeded'],
        attachment: { htmlBody: '<p>x</p>', attachments: [{ type: 'base64', name: 'a.docx', base64file: 'UEsDBA==' }] },
      });
      expect(result.restId).toBe(item.itemId!.replace(/\//g, '-').replace(/\+/g, '_'));
    } finally {
      await context.close();
    }
  });

  it('setItem swaps the item and fires ItemChanged; invokeCommand runs the associated function and records completed()', async () => {
    const { context, page } = await blankPage({ host: 'Outlook', item: licenceRequest() });
    try {
      const result = await page.evaluate(async () => {
        const office = (window as unknown as { Office: typeof Office }).Office;
        const fake = (window as unknown as { __officeFake: { setItem(i: unknown): number; invokeCommand(n: string): Promise<unknown>; callsNamed(n: string): unknown[] } }).__officeFake;
        await office.onReady();
        const seen: string[] = [];
        office.context.mailbox.addHandlerAsync(office.EventType.ItemChanged, () => seen.push((office.context.mailbox.item as Office.MessageRead).subject));
        office.actions.associate('logContact', (event: Office.AddinCommands.Event) => setTimeout(() => event.completed({ allowEvent: true }), 10));
        fake.setItem({ subject: 'Второе письмо', from: { displayName: 'А', emailAddress: 'a@b.ru' } });
        await new Promise((r) => setTimeout(r, 20));
        const completedWith = await fake.invokeCommand('logContact');
        const missing = await fake.invokeCommand('nothing').catch((e: Error) => e.message);
        return { seen, completedWith, completed: fake.callsNamed('event.completed').length, missing };
      });
      expect(result.seen).toEqual(['Второе письмо']);
      expect(result.completedWith).toEqual({ allowEvent: true });
      expect(result.completed).toBe(1);
      expect(result.missing).toContain('nothing is associated with "nothing"');
    } finally {
      await context.close();
    }
  });

  it('Excel host and no host: onReady says which, and there is no mailbox', async () => {
    for (const host of ['Excel', null]) {
      const { context, page } = await blankPage({ host });
      try {
        const result = await page.evaluate(async () => {
          const office = (window as unknown as { Office: typeof Office }).Office;
          const info = await office.onReady();
          return { host: info.host, mailbox: office.context.mailbox ?? null, excelApi: office.context.requirements.isSetSupported('ExcelApi', '1.12') };
        });
        expect(result).toEqual({ host, mailbox: null, excelApi: host === 'Excel' });
      } finally {
        await context.close();
      }
    }
  });
});
