// «Клиент» (pinnable pane): the card of a client the ribbon just logged, a pinned pane following the
// selection to an unknown sender and logging it, and the requisites form meeting a stale ETag (412).
// Each run logs companies of its own (unique name, ИНН and domain), so nothing depends on earlier runs.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePane, fakeCalls, invokeCommand, launchBrowser, notificationsSet, openPane, waitForCommand } from '../harness/pane';
import { callApi, logCompany, managerToken, messageFrom, newCompany, plain, textOf, why, type TestCompany } from './support';

let browser: Browser;
let token: string;

beforeAll(async () => {
  browser = await launchBrowser();
  token = await managerToken('smirnova');
});

afterAll(async () => {
  await browser?.close();
});

async function cardText(page: Page, testId: string): Promise<string> {
  return textOf(page, testId);
}

describe('«Клиент» pane', () => {
  const company: TestCompany = newCompany();
  const message = messageFrom(company);

  it('the ribbon\'s «Записать контакт» logs the message, and the pane for the same message shows the new client', async () => {
    const commands = await openPane(browser, 'commands', { item: message, token });
    try {
      await waitForCommand(commands, 'logContact');
      await invokeCommand(commands, 'logContact');
      const notifications = await notificationsSet(commands);
      expect(notifications, 'one notification' + why(commands)).toHaveLength(1);
      const line = notifications[0].details.message;
      expect(line.startsWith('Записано:'), line).toBe(true);
      expect(line).toContain(company.displayName);
      expect(line).toContain(company.contactName);
      expect(await fakeCalls(commands, 'event.completed')).toHaveLength(1);
    } finally {
      await closePane(commands);
    }

    const page = await openPane(browser, 'client', { item: message, token });
    try {
      expect(await cardText(page, 'client-name'), why(page)).toBe(company.displayName);
      const header = await cardText(page, 'client-header');
      expect(header).toContain(`ИНН ${company.inn}`);
      expect(header).toContain(`КПП ${company.kpp}`);
      expect(header).toContain('Изменить реквизиты');
      expect(await page.getByTestId('overdue-badge').count(), 'a new client owes nothing').toBe(0);

      const contacts = await cardText(page, 'contacts');
      expect(contacts).toMatch(/^Контакты \(1\)/);
      expect(contacts).toContain(company.contactName);
      expect(contacts).toContain(company.position);
      expect(contacts).toContain(company.contactAddress);

      const events = await cardText(page, 'interactions');
      expect(events).toMatch(/^События \(1\)/);
      expect(events).toContain(company.subject);
      expect(events).toContain('Анна Смирнова'); // who logged it
      expect(await cardText(page, 'open-invoices')).toContain('Открытых счетов нет.');
      expect(await cardText(page, 'contracts')).toContain('Договоров нет.');
    } finally {
      await closePane(page);
    }
  });

  // The API sends direction "in"/"out" (the enum's lower-case name); the event line says it in words.
  it('the event line says «входящее», not the API\'s code "in"', async () => {
    const page = await openPane(browser, 'client', { item: message, token });
    try {
      const events = await cardText(page, 'interactions');
      expect(events).toContain('входящее');
      expect(events).not.toMatch(/·\s*in\s*·/);
    } finally {
      await closePane(page);
    }
  });

  it('a pinned pane follows the selection: an unknown sender gets «Записать контакт», and a click logs it and shows the card', async () => {
    const page = await openPane(browser, 'client', { item: message, token });
    try {
      expect(await cardText(page, 'client-name'), why(page)).toBe(company.displayName);

      const stranger = newCompany('Василёк');
      const handlers = await page.evaluate((item) => (window as any).__officeFake.setItem(item), messageFrom(stranger));
      expect(handlers, 'the pane listens to ItemChanged (pinning)').toBeGreaterThanOrEqual(1);

      const unknown = await cardText(page, 'unknown-sender');
      expect(unknown).toContain('Отправитель ещё не записан');
      expect(unknown).toContain(stranger.contactAddress);
      const button = page.getByTestId('log-contact');
      expect(plain(await button.innerText())).toBe('Записать контакт');
      expect(await page.getByTestId('client-name').count(), 'the previous card is gone').toBe(0);

      await button.click();
      const result = await cardText(page, 'log-result');
      expect(result.startsWith('Записано:'), result + why(page)).toBe(true);
      expect(result).toContain(stranger.displayName);
      expect(result).toContain(stranger.contactName);
      await expect.poll(() => page.getByTestId('client-name').innerText().then(plain), { timeout: 20_000 }).toBe(stranger.displayName);
      expect(await cardText(page, 'client-header')).toContain(`ИНН ${stranger.inn}`);
      expect(await cardText(page, 'contacts')).toContain(stranger.contactAddress);
      expect(await cardText(page, 'interactions')).toContain(stranger.subject);

      // And back to the first message: its card again, no «Записать контакт».
      await page.evaluate((item) => (window as any).__officeFake.setItem(item), message);
      await expect.poll(() => page.getByTestId('client-name').innerText().then(plain).catch(() => ''), { timeout: 20_000 }).toBe(company.displayName);
      expect(await page.getByTestId('unknown-sender').count()).toBe(0);
    } finally {
      await closePane(page);
    }
  });

  it('requisites saved over a stale ETag: «Карточку уже изменили — обновите и повторите», «Обновить» reloads, a second save succeeds', async () => {
    const bell = newCompany('Колокольчик');
    const client = await logCompany(token, bell);
    const item = messageFrom(bell);
    const page = await openPane(browser, 'client', { item, token });
    try {
      expect(await cardText(page, 'client-name'), why(page)).toBe(client.displayName);
      await page.getByTestId('edit-requisites').click();
      const form = page.getByTestId('requisites-form');
      await form.waitFor();

      // Someone else changes the card meanwhile (PUT with the ETag they read).
      const read = await callApi(token, 'GET', `clients/${client.id}`);
      const card = read.body;
      const eTag = read.headers.get('ETag') ?? card.eTag;
      const address = '123112, г. Москва, Пресненская наб., д. 12, офис 4501';
      const put = await callApi(token, 'PUT', `clients/${client.id}`, {
        name: card.name,
        legalForm: card.legalForm,
        inn: card.inn,
        kpp: card.kpp,
        ogrn: card.ogrn,
        domains: card.domains,
        website: card.website,
        address,
        bankName: card.bank?.bankName ?? null,
        bik: card.bank?.bik ?? null,
        settlementAccount: card.bank?.settlementAccount ?? null,
        correspondentAccount: card.bank?.correspondentAccount ?? null,
        signatoryName: card.signatory?.name ?? null,
        signatoryPosition: card.signatory?.position ?? null,
        signatoryBasis: card.signatory?.basis ?? null,
      }, { 'If-Match': eTag });
      expect(put.status, JSON.stringify(put.body)).toBe(200);

      // The manager saves what the pane read before.
      await form.locator('input[name="signatoryName"]').fill('Сидоров Пётр Андреевич');
      await page.getByTestId('save-requisites').click();
      const conflict = await cardText(page, 'conflict');
      expect(conflict, why(page)).toContain('Карточку уже изменили — обновите и повторите');
      expect(await page.getByTestId('saved').count()).toBe(0);

      await page.getByTestId('conflict').getByRole('button', { name: 'Обновить' }).click();
      await expect.poll(() => form.locator('input[name="address"]').inputValue(), { timeout: 20_000 }).toBe(address);
      expect(await page.getByTestId('conflict').count(), 'the warning goes with the reload').toBe(0);

      await form.locator('input[name="signatoryName"]').fill('Сидоров Пётр Андреевич');
      await form.locator('input[name="signatoryPosition"]').fill('Генеральный директор');
      await page.getByTestId('save-requisites').click();
      expect(await cardText(page, 'saved'), why(page)).toBe('Реквизиты сохранены.');

      const after = (await callApi(token, 'GET', `clients/${client.id}`)).body;
      expect(after.address, 'the other change survives').toBe(address);
      expect(after.signatory.name).toBe('Сидоров Пётр Андреевич');
      expect(after.signatory.position).toBe('Генеральный директор');
    } finally {
      await closePane(page);
    }
  });
});
