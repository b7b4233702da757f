import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../src/i18n/i18n';
import { TaskPane } from '../../../src/outlook/task/TaskPane';
import {
  allByTestId,
  axeViolations,
  buttonByText,
  byTestId,
  cleanup,
  click,
  json,
  render,
  signIn,
  stubApi,
  type,
  waitFor,
  type Call,
} from '../invoice/harness';

const catalog = {
  month: '2026-11',
  policyVersion: '2026-01',
  tasks: [
    { code: '1.1', title: 'Разбор почты', complexityClass: 1, points: 1, category: 'office' },
    { code: '2.4', title: 'Заказ у поставщика', complexityClass: 2, points: 2, category: 'sales' },
    { code: '2.6', title: 'Звонок клиенту по счёту', complexityClass: 2, points: 2, category: 'sales' },
    { code: '5.4', title: 'Ввод контрагента в базу', complexityClass: 1, points: 1, category: 'database' },
  ],
};

const bands = [
  { band: 'D', minFulfilment: 0 },
  { band: 'C', minFulfilment: 0.7 },
  { band: 'B', minFulfilment: 0.9 },
  { band: 'A', minFulfilment: 1.1 },
];

const card = { id: 'c1', name: 'Ромашка', displayName: 'ООО «Ромашка»', legalForm: 'ООО', contacts: [], interactions: [] };

function withSender(address: string | null) {
  const office = (globalThis as unknown as { Office: { context: Record<string, unknown> } }).Office;
  office.context.mailbox = address ? { item: { from: { emailAddress: address } }, addHandlerAsync: vi.fn() } : undefined;
}

beforeEach(() => setLanguage('ru'));
afterEach(() => {
  cleanup();
  withSender(null);
});

describe('«Задача» pane', { timeout: 30_000 }, () => {
  it('searches the catalog, logs the task for the sender’s client and reloads «Мой месяц»', async () => {
    signIn(['manager']);
    withSender('buh@romashka.ru');
    let points = 100;
    const calls = stubApi((c: Call) => {
      if (c.path === 'tasks/catalog') return catalog;
      if (c.path.startsWith('clients/lookup')) return card;
      if (c.path === 'me/month')
        return { month: '2026-11', points, plan: 120, fulfilment: Math.round((points / 120) * 10000) / 10000, band: points >= 108 ? 'B' : 'C', coefficient: 0.7, tasks: 40, nextBand: points >= 108 ? 'A' : 'B', pointsToNextBand: points >= 108 ? 132 - points : 108 - points, bands };
      if (c.method === 'POST' && c.path === 'tasks') {
        points += 2;
        return json({ id: '2026-11|x', employeeId: 'user', at: '2026-11-20T10:00:00Z', taskCode: '2.6', titleRu: 'Звонок клиенту по счёту', points: 2, source: 'manual', clientId: 'c1', clientName: 'ООО «Ромашка»', minutes: 15, note: null }, 201);
      }
      return undefined;
    });
    const { container } = await render(<TaskPane host="outlook" />);
    await waitFor(() => byTestId(container, 'my-band'));
    expect(byTestId(container, 'my-points')?.textContent).toBe('100');
    expect(byTestId(container, 'my-plan')?.textContent).toBe('120');
    expect(byTestId(container, 'my-fulfilment')?.textContent).toBe('83,3\u00a0%');
    expect(byTestId(container, 'my-band')?.textContent).toBe('Сейчас: C, до B осталось 8\u00a0баллов');
    expect(byTestId(container, 'my-progress')?.getAttribute('aria-valuenow')).toBe('0.8333');

    await waitFor(() => (byTestId(container, 'task-client') as HTMLInputElement).value === 'ООО «Ромашка»');
    expect(allByTestId(container, 'task-options')[0].querySelectorAll('[data-code]')).toHaveLength(4);
    await type(byTestId(container, 'task-search'), 'звонок');
    const options = [...byTestId(container, 'task-options')!.querySelectorAll<HTMLElement>('[data-code]')];
    expect(options.map((o) => o.dataset.code)).toEqual(['2.6']);
    expect((byTestId(container, 'log-task') as HTMLButtonElement).disabled).toBe(true);
    await click(options[0]);
    expect(options[0].getAttribute('aria-pressed')).toBe('true');
    await type(byTestId(container, 'task-minutes'), '15');
    expect(await axeViolations(container)).toEqual([]);
    await click(byTestId(container, 'log-task'));
    const result = await waitFor(() => byTestId(container, 'task-result'));
    expect(result.textContent).toBe('Записано: 2.6 Звонок клиенту по счёту, +2\u00a0балла');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ taskCode: '2.6', clientId: 'c1', clientName: 'ООО «Ромашка»', minutes: 15, requestId: expect.any(String) });
    await waitFor(() => byTestId(container, 'my-points')?.textContent === '102');
    expect(byTestId(container, 'my-band')?.textContent).toBe('Сейчас: C, до B осталось 6\u00a0баллов');
    expect(calls.filter((c) => c.path === 'me/month')).toHaveLength(2);
  });

  it('logs without a client once the field is cleared, and the same request id on a retry', async () => {
    signIn(['manager']);
    withSender('buh@romashka.ru');
    let attempt = 0;
    const calls = stubApi((c) => {
      if (c.path === 'tasks/catalog') return catalog;
      if (c.path.startsWith('clients/lookup')) return card;
      if (c.path === 'me/month') return { month: '2026-11', points: 140, plan: 120, fulfilment: 1.1667, band: 'A', coefficient: 1.2, tasks: 50, nextBand: null, pointsToNextBand: null, bands };
      if (c.method === 'POST' && c.path === 'tasks') {
        attempt += 1;
        return attempt === 1 ? json({}, 503) : json({ id: 'x', taskCode: '1.1', titleRu: 'Разбор почты', points: 1 }, 201);
      }
      return undefined;
    });
    const { container } = await render(<TaskPane host="outlook" />);
    await waitFor(() => byTestId(container, 'my-band')?.textContent === 'Сейчас: A — высшая оценка');
    await waitFor(() => (byTestId(container, 'task-client') as HTMLInputElement).value === 'ООО «Ромашка»');
    await click(buttonByText(container, 'Без клиента'));
    expect((byTestId(container, 'task-client') as HTMLInputElement).value).toBe('');
    await type(byTestId(container, 'task-search'), '1.');
    await click(byTestId(container, 'task-options')!.querySelector('[data-code="1.1"]'));
    await click(byTestId(container, 'log-task'));
    const bar = await waitFor(() => byTestId(container, 'error'));
    expect(bar.textContent).toContain('Повторите через минуту');
    await click(byTestId(container, 'log-task'));
    await waitFor(() => byTestId(container, 'task-result'));
    expect(byTestId(container, 'task-result')?.textContent).toBe('Записано: 1.1 Разбор почты, +1\u00a0балл');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0].body).toEqual({ taskCode: '1.1', requestId: expect.any(String) });
    expect((posts[0].body as { requestId: string }).requestId).toBe((posts[1].body as { requestId: string }).requestId);
  });

  it('takes a client found in the database, with its id', async () => {
    signIn(['manager']);
    const calls = stubApi((c) => {
      if (c.path === 'tasks/catalog') return catalog;
      if (c.path === 'me/month') return { month: '2026-11', points: 0, plan: 120, fulfilment: 0, band: 'D', nextBand: 'C', pointsToNextBand: 84, bands };
      if (c.path.startsWith('clients?search=')) return [{ id: 'c7', name: 'Василёк', inn: '7707654321', domains: ['vasilek.ru'], matchedToken: 'васил' }];
      if (c.method === 'POST' && c.path === 'tasks') return json({ id: 'x', taskCode: '2.4', titleRu: 'Заказ у поставщика', points: 2 }, 201);
      return undefined;
    });
    const { container } = await render(<TaskPane host={null} />);
    await click(await waitFor(() => byTestId(container, 'task-options')?.querySelector('[data-code="2.4"]')));
    await click(byTestId(container, 'task-find-client'));
    await type(byTestId(container, 'client-search-input'), 'васил');
    const hit = await waitFor(() => byTestId(container, 'search-hit'));
    expect(hit.textContent).toBe('ВасилёкИНН 7707654321 · vasilek.ru');
    expect(await axeViolations(container)).toEqual([]);
    await click(hit);
    expect(byTestId(container, 'client-search')).toBeNull();
    expect((byTestId(container, 'task-client') as HTMLInputElement).value).toBe('Василёк');
    expect(byTestId(container, 'task-client')!.closest('.fui-Field')!.textContent).toContain('Клиент из базы OfficeFlow');
    await click(byTestId(container, 'log-task'));
    await waitFor(() => byTestId(container, 'task-result'));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ taskCode: '2.4', clientId: 'c7', clientName: 'Василёк', requestId: expect.any(String) });
  });

  it('shows the API’s field error at its field', async () => {
    signIn(['manager']);
    stubApi((c) => {
      if (c.path === 'tasks/catalog') return catalog;
      if (c.path === 'me/month') return { month: '2026-11', points: 0, plan: 120, fulfilment: 0, band: 'D', nextBand: 'C', pointsToNextBand: 84, bands };
      if (c.method === 'POST') return json({ title: 'Задача не записана', status: 400, errors: { minutes: ['Минуты — от 1 до 720.'] } }, 400);
      return undefined;
    });
    const { container } = await render(<TaskPane host={null} />);
    await click(await waitFor(() => byTestId(container, 'task-options')!.querySelector('[data-code="2.4"]')));
    await type(byTestId(container, 'task-minutes'), '30');
    await click(byTestId(container, 'log-task'));
    await waitFor(() => byTestId(container, 'error'));
    expect(byTestId(container, 'task-minutes')!.closest('.fui-Field')!.textContent).toContain('Минуты — от 1 до 720.');
    expect(byTestId(container, 'error')!.textContent).toContain('Задача не записана');
    expect(byTestId(container, 'my-band')?.textContent).toBe('Сейчас: D, до C осталось 84\u00a0балла');
  });

  it('shows skeletons while the catalog and the month load', async () => {
    signIn(['manager']);
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})));
    const { container } = await render(<TaskPane host={null} />);
    expect(byTestId(container, 'task-skeleton')).not.toBeNull();
    expect(byTestId(container, 'my-month')!.querySelector('.fui-Skeleton')).not.toBeNull();
  });

  it('shows errors in the pane when the catalog and the month fail', async () => {
    signIn(['manager']);
    let ok = false;
    stubApi((c) => {
      if (c.path === 'tasks/catalog') return ok ? catalog : json({ title: 'Нет политики оценок на месяц 2026-11', status: 409 }, 409);
      if (c.path === 'me/month')
        return json({ title: 'Вас нет в списке сотрудников', detail: 'Оценки считаются только сотрудникам из списка. Обратитесь к администратору.', status: 404 }, 404);
      return undefined;
    });
    const { container } = await render(<TaskPane host={null} />);
    await waitFor(() => allByTestId(container, 'error').length === 2);
    const [catalogError, monthError] = allByTestId(container, 'error');
    expect(catalogError.textContent).toContain('Нет политики оценок на месяц 2026-11');
    expect(monthError.textContent).toContain('Вас нет в списке сотрудников');
    ok = true;
    await click(buttonByText(catalogError, 'Повторить'));
    await waitFor(() => byTestId(container, 'task-options'));
  });
});
