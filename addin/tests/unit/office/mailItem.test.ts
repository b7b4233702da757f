import { describe, expect, it } from 'vitest';
import { readLogEmailRequest, type ReadableItem } from '../../../src/office/mailItem';

const html = '<html><body><p>Добрый день!</p><p>--<br>Иван Петров<br>ООО «Ромашка»</p></body></html>';
const text = 'Добрый день!\n--\nИван Петров\nООО «Ромашка»';

function item(overrides: Partial<ReadableItem> = {}, bodies: { text?: string | null; html?: string | null } = { text, html }): ReadableItem {
  return {
    itemId: 'AAMkAGI2TG93AAA=',
    internetMessageId: '<CAF1@romashka.ru>',
    subject: 'Лицензии на 2027 год',
    from: { displayName: 'Иван Петров', emailAddress: 'ivan@romashka.ru' } as Office.EmailAddressDetails,
    to: [{ displayName: 'Менеджер', emailAddress: 'sales@firm.ru' } as Office.EmailAddressDetails],
    cc: [{ displayName: '', emailAddress: 'boss@romashka.ru' } as Office.EmailAddressDetails],
    dateTimeCreated: new Date('2026-11-27T09:15:00Z'),
    body: {
      getAsync(coercion, callback) {
        const value = coercion === Office.CoercionType.Html ? bodies.html : bodies.text;
        callback(
          (value === null || value === undefined
            ? { status: Office.AsyncResultStatus.Failed, error: { message: 'not available' } }
            : { status: Office.AsyncResultStatus.Succeeded, value }) as unknown as Office.AsyncResult<string>,
        );
      },
    },
    ...overrides,
  };
}

describe('reading an Outlook message into the log-email request', () => {
  it('sends the sender, recipients, subject, sent time, REST item id and both bodies', async () => {
    const request = await readLogEmailRequest(item(), (id) => `rest:${id}`);
    expect(request).toEqual({
      internetMessageId: '<CAF1@romashka.ru>',
      itemId: 'rest:AAMkAGI2TG93AAA=',
      from: { name: 'Иван Петров', address: 'ivan@romashka.ru' },
      to: [{ name: 'Менеджер', address: 'sales@firm.ru' }],
      cc: [{ name: null, address: 'boss@romashka.ru' }],
      subject: 'Лицензии на 2027 год',
      sentAt: '2026-11-27T09:15:00.000Z',
      bodyText: text,
      bodyHtml: html,
    });
  });

  it('leaves out the Message-ID of a draft, which has none, instead of inventing one', async () => {
    const request = await readLogEmailRequest(item({ internetMessageId: undefined }), (id) => id);
    expect(request).not.toHaveProperty('internetMessageId');
    expect(request.from?.address).toBe('ivan@romashka.ru');
  });

  it('sends an empty cc list when the message has no cc, and keeps the text when HTML cannot be read', async () => {
    const request = await readLogEmailRequest(item({ cc: undefined }, { text, html: null }), (id) => id);
    expect(request.cc).toEqual([]);
    expect(request.bodyText).toBe(text);
    expect(request.bodyHtml).toBeUndefined();
  });

  it('keeps the HTML when the text form cannot be read', async () => {
    const request = await readLogEmailRequest(item({}, { text: null, html }), (id) => id);
    expect(request.bodyHtml).toBe(html);
    expect(request.bodyText).toBeUndefined();
  });
});
