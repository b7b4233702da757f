// «Договор»: for a client the manager logged, the licence template's form (the card's requisites
// pre-filled, the manager's terms and items) → «Сформировать» → the preview line → «Прикрепить к ответу»
// hands Outlook a reply with the .docx, which LibreOffice reads back: the client's name and the amount in
// words are in the contract, and the supplier is the demo firm (samples/demo-firm.json, which the harness
// gives the app as Firm:*). Without Mailbox 1.15 the pane downloads the file and says why.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, closePane, devToken, fakeCalls, launchBrowser, openPane } from '../harness/pane';
import { repoRoot } from '../harness/stack.mjs';
import { callApi, employees, logCompany, messageFrom, newCompany, plain, rub, textOf, why, type TestCompany } from './support';

/** The demo firm (samples/demo-firm.json) the harness gives the app as Firm:*: the contract's supplier. */
const demoFirm = JSON.parse(readFileSync(join(repoRoot, 'samples', 'demo-firm.json'), 'utf8')) as { name: string; inn: string };

let browser: Browser;
let token: string;

beforeAll(async () => {
  browser = await launchBrowser();
  token = await devToken(baseUrl(), employees.smirnova.user, ['manager'], employees.smirnova.name);
});

afterAll(async () => {
  await browser?.close();
});

/** 10 licences at 15 000 ₽: 150 000,00 ₽, «Сто пятьдесят тысяч рублей 00 копеек». */
const item = { name: 'Лицензия 1С:Предприятие 8 ПРОФ, рабочее место', unit: 'шт', quantity: '10', price: '15000' };
const amount = 150_000;
const amountInWords = /сто пятьдесят тысяч рублей 00 копеек/i;

const requisites = {
  'client.address': '123112, г. Москва, Пресненская наб., д. 12, офис 4501',
  'client.signatory_position': 'Генеральный директор',
  'client.signatory_genitive': 'Генерального директора Сидорова Петра Андреевича',
  'client.signatory_short': 'П.А. Сидоров',
  'client.basis': 'Устава',
};
const terms = { territory: 'Российская Федерация', license_term: 'бессрочно', delivery_days: '5', payment_days: '10' };

/** Opens the pane for the client's message, picks the licence template and fills what the manager fills. */
async function fillLicenceContract(page: Page, company: TestCompany): Promise<void> {
  const client = await textOf(page, 'contract-client');
  expect(client, why(page)).toContain(company.displayName);
  expect(client).toContain(`ИНН ${company.inn}`);

  const picker = page.getByTestId('template-picker');
  await picker.waitFor({ timeout: 20_000 });
  await picker.selectOption({ label: 'Лицензионный договор' });
  const form = page.getByTestId('contract-form');
  await form.waitFor();

  // The card's requisites arrive pre-filled; the ones the card lacks are the manager's to type.
  expect(await form.locator('input[name="client.name"]').inputValue()).toBe(company.displayName);
  expect(await form.locator('input[name="client.inn"]').inputValue()).toBe(company.inn);
  for (const [name, value] of Object.entries({ ...requisites, ...terms })) await form.locator(`input[name="${name}"]`).fill(value);

  const row = page.getByTestId('item-row').first();
  for (const [column, value] of Object.entries(item)) await row.locator(`input[name="items[0].${column}"]`).fill(value);
  expect(await textOf(page, 'line-amount')).toBe(`Сумма: ${plain(rub(amount))}`);
  expect(await textOf(page, 'items-total')).toBe(`Итого: ${plain(rub(amount))}`);
}

async function generate(page: Page): Promise<string> {
  await page.getByTestId('generate').click();
  // The preview, or the error bar the form shows instead (its text is the failure message).
  await page.locator('[data-testid="contract-preview"], [data-testid="contract-form"] [data-testid="error"]').first().waitFor({ timeout: 40_000 });
  const errors = await page.getByTestId('contract-form').getByTestId('error').allInnerTexts();
  const fieldMessages = await page.locator('[data-testid="contract-form"] [role="alert"], [data-testid="contract-form"] .fui-Field__validationMessage').allInnerTexts();
  expect(errors, `the form refused: ${[...errors, ...fieldMessages].join(' | ')}` + why(page)).toEqual([]);
  const preview = await textOf(page, 'contract-preview');
  const match = /^Договор № (\S+) на (.+)$/.exec(preview);
  expect(match, `preview line «${preview}»` + why(page)).not.toBeNull();
  expect(match![2]).toBe(plain(rub(amount)));
  return match![1];
}

/** LibreOffice headless: .docx → plain text (own profile, so parallel runs do not share one). */
function docxToText(bytes: Buffer, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'officeflow-contract-e2e-'));
  const file = join(dir, name.replace(/[^\p{L}\p{N}._-]+/gu, '_'));
  writeFileSync(file, bytes);
  const profile = join(dir, 'profile');
  mkdirSync(profile, { recursive: true });
  const out = join(dir, 'out');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', 'txt:Text', '--outdir', out, file], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  const txt = readdirSync(out).find((f) => f.endsWith('.txt'));
  if (!txt) throw new Error(`LibreOffice wrote no text for ${file}`);
  return readFileSync(join(out, txt), 'utf8');
}

describe('«Договор» pane', () => {
  it('template → form → «Сформировать» → «Прикрепить к ответу»: one .docx in the reply, with the client and the amount in words', async () => {
    const company = newCompany();
    await logCompany(token, company);
    const page = await openPane(browser, 'contract', { item: messageFrom(company), token });
    try {
      await fillLicenceContract(page, company);
      const number = await generate(page);
      expect(number).toMatch(/^\d{4}-\d+$/);

      await page.getByTestId('attach-reply').click();
      expect(await textOf(page, 'attach-done'), why(page)).toBe('Ответ с договором открыт — проверьте текст и отправьте.');

      const replies = [...(await fakeCalls(page, 'displayReplyFormAsync')), ...(await fakeCalls(page, 'displayReplyForm'))];
      expect(replies, 'one reply form').toHaveLength(1);
      const form = replies[0].args[0] as { htmlBody: string; attachments: { type: string; name: string; base64file: string }[] };
      expect(form.attachments).toHaveLength(1);
      const [attachment] = form.attachments;
      expect(attachment.type).toBe('base64');
      expect(attachment.name).toMatch(/\.docx$/);
      expect(plain(form.htmlBody.replace(/<[^>]+>/g, ' '))).toContain(`Направляем договор № ${number}`);

      const bytes = Buffer.from(attachment.base64file, 'base64');
      expect(bytes.subarray(0, 2).toString('latin1'), 'a zip (Open XML) file').toBe('PK');
      const text = plain(docxToText(bytes, attachment.name));
      expect(text).toContain(company.displayName);
      expect(text).toContain(company.inn);
      expect(text, 'the supplier is the demo firm').toContain(plain(demoFirm.name));
      expect(text).toContain(demoFirm.inn);
      expect(text).toMatch(amountInWords);
      expect(text).toContain(number);

      // The requisites typed in the form went back to the card.
      expect(await textOf(page, 'card-saved')).toBe('Реквизиты сохранены в карточку клиента.');
      const card = (await callApi(token, 'GET', `clients/lookup?email=${encodeURIComponent(company.contactAddress)}`, undefined, {})).body;
      expect(card.address).toBe(requisites['client.address']);
      expect(card.contracts.map((c: { number: string }) => c.number)).toContain(number);
    } finally {
      await closePane(page);
    }
  }, 240_000);

  it('without Mailbox 1.15 «Прикрепить к ответу» downloads the .docx and says why', async () => {
    const company = newCompany();
    await logCompany(token, company);
    const page = await openPane(browser, 'contract', {
      item: messageFrom(company),
      token,
      requirementSets: { Mailbox: '1.14', IdentityAPI: '1.3', DialogApi: '1.2' },
    });
    try {
      await fillLicenceContract(page, company);
      await generate(page);

      const download = page.waitForEvent('download', { timeout: 20_000 });
      await page.getByTestId('attach-reply').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.docx$/);
      expect(await textOf(page, 'attach-fallback'), why(page)).toBe(
        'Ваш Outlook не поддерживает вложения в ответ (нужен Mailbox 1.15) — файл скачан, прикрепите его вручную',
      );
      expect(await fakeCalls(page, 'displayReplyFormAsync')).toHaveLength(0);
      expect(await fakeCalls(page, 'displayReplyForm')).toHaveLength(0);
      const path = await file.path();
      expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
    } finally {
      await closePane(page);
    }
  });
});
