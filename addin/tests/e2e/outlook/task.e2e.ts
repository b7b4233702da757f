// «Задача»: «Мой месяц» before, a catalog search by words, one task picked and «Записать» → the result
// line, and «Мой месяц» grows by exactly that task's catalog points (the signed-in employee logs nothing
// else meanwhile: Мария Иванова is used by this file only).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePane, launchBrowser, openPane } from '../harness/pane';
import { callApi, logCompany, managerToken, messageFrom, newCompany, plain, ruNumber, textOf, why } from './support';

let browser: Browser;
let token: string;

beforeAll(async () => {
  browser = await launchBrowser();
  token = await managerToken('ivanova');
});

afterAll(async () => {
  await browser?.close();
});

describe('«Задача» pane', () => {
  it('search the catalog, pick a task, «Записать»: «Мой месяц» grows by that task\'s points', async () => {
    const company = newCompany();
    // Logged by another manager, so Мария Иванова's month changes only through this pane.
    await logCompany(await managerToken('kuznetsov'), company);
    const catalog = (await callApi(token, 'GET', 'tasks/catalog')).body as { tasks: { code: string; title: string; points: number }[] };
    const task = catalog.tasks.find((t) => t.code === '1.3');
    expect(task, 'task 1.3 (почтовые марки) in the catalog').toBeDefined();

    const page = await openPane(browser, 'task', { item: messageFrom(company), token });
    try {
      const before = ruNumber(await textOf(page, 'my-points'));
      const plan = ruNumber(await textOf(page, 'my-plan'));
      expect(plan, why(page)).toBeGreaterThan(0);
      expect(await textOf(page, 'my-band')).toMatch(/^Сейчас: [A-D](, до [A-D] осталось [\d,\s]+ балл(а|ов)?| — высшая оценка)?$/);
      // The sender's client is the task's client by default.
      await expect.poll(() => page.getByTestId('task-client').inputValue(), { timeout: 20_000 }).toBe(company.displayName);

      await page.getByTestId('task-search').fill('почтовых марок');
      const options = page.getByTestId('task-options');
      await options.waitFor();
      const found = options.locator('button[data-code]');
      expect(await found.count(), 'the search narrows the catalog').toBeLessThan(catalog.tasks.length);
      const option = options.locator('button[data-code="1.3"]');
      expect(plain(await option.innerText())).toContain('Проверка наличия почтовых марок');
      await option.click();
      expect(await textOf(page, 'task-selected')).toContain('Выбрано: 1.3 Проверка наличия почтовых марок');
      await page.getByTestId('task-minutes').fill('15');
      await page.getByTestId('log-task').click();

      const result = await textOf(page, 'task-result');
      expect(result, why(page)).toMatch(/^Записано: 1\.3 Проверка наличия почтовых марок.*, \+0,5 балла$/);
      const expected = Math.round((before + task!.points) * 100) / 100;
      await expect.poll(async () => ruNumber(await textOf(page, 'my-points')), { timeout: 20_000 }).toBe(expected);

      const month = (await callApi(token, 'GET', 'me/month')).body;
      expect(month.points).toBe(expected);
    } finally {
      await closePane(page);
    }
  });
});
