import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FirmPane } from '../../../src/firm/FirmPane';
import { setLanguage } from '../../../src/i18n/i18n';
import { axeViolations, byTestId, cleanup, click, json, problem, render, signIn, stubApi, type, waitFor } from '../invoice/harness';

const demo = {
  requisites: {
    name: 'ООО «Демо-Фирма» (демонстрационные реквизиты)', inn: '7714123459', kpp: '771401001', ogrn: '1037714012346',
    address: '125040, г. Москва, ул. Правды, д. 24, стр. 2', city: 'Москва', bank: 'ПАО Сбербанк, г. Москва', bik: '044525225',
    account: '40702810938000012345', corrAccount: '30101810400000000225', signatoryPosition: 'Генеральный директор',
    signatoryGenitive: 'Генерального директора Соколова Андрея Викторовича', signatoryShort: 'А.В. Соколов', basis: 'Устава', accountantShort: 'О.Н. Кузнецова',
  },
  missing: [],
  complete: true,
  demo: true,
  saved: false,
};

const input = (root: ParentNode, field: string) => byTestId(root, `firm-field-${field}`)!.querySelector('input')!;

beforeEach(() => setLanguage('ru'));
afterEach(() => cleanup());

describe('«Реквизиты фирмы» pane', { timeout: 30_000 }, () => {
  it('says the demo firm is a demo, saves the first time without If-Match and then over the ETag it got', async () => {
    signIn(['admin']);
    let version = 0;
    const calls = stubApi((c) => {
      if (c.method === 'GET' && c.path === 'firm') return demo;
      if (c.method === 'PUT' && c.path === 'firm') {
        version += 1;
        return json({ ...demo, requisites: c.body, demo: false, saved: true }, 200, { ETag: `W/"v${version}"` });
      }
      return undefined;
    });
    const { container } = await render(<FirmPane />);
    await waitFor(() => byTestId(container, 'firm-demo'));
    expect(byTestId(container, 'firm-demo')!.textContent).toContain('Демонстрационные реквизиты');
    expect(input(container, 'inn').value).toBe('7714123459');
    expect(await axeViolations(container)).toEqual([]);

    await type(input(container, 'name'), 'ООО «Бухсофт-Сервис»');
    await click(byTestId(container, 'save-firm'));
    await waitFor(() => byTestId(container, 'firm-saved'));
    expect(byTestId(container, 'firm-demo')).toBeNull();
    await type(input(container, 'bank'), 'АО «Альфа-Банк»');
    await click(byTestId(container, 'save-firm'));
    await waitFor(() => version === 2 && byTestId(container, 'firm-saved'));

    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts[0].headers['If-Match']).toBeUndefined();
    expect(puts[0].body).toMatchObject({ name: 'ООО «Бухсофт-Сервис»', inn: '7714123459', corrAccount: '30101810400000000225' });
    expect(puts[1].headers['If-Match']).toBe('W/"v1"');
    expect(puts[1].body).toMatchObject({ bank: 'АО «Альфа-Банк»' });
  });

  it('shows the API\'s field errors at their inputs and what a contract still lacks', async () => {
    signIn(['admin']);
    stubApi((c) => {
      if (c.method === 'GET' && c.path === 'firm')
        return { ...demo, demo: false, requisites: { ...demo.requisites, kpp: '' }, missing: [{ field: 'kpp', label: 'КПП' }], complete: false };
      if (c.method === 'PUT') return problem(400, '', { title: 'Реквизиты фирмы не сохранены: исправьте поля.', errors: { account: ['расчётный счёт: не сходится контрольный ключ с БИК — проверьте счёт и БИК банка.'] } });
      return undefined;
    });
    const { container } = await render(<FirmPane />);
    await waitFor(() => byTestId(container, 'firm-missing'));
    expect(byTestId(container, 'firm-missing')!.textContent).toBe('Для договоров не хватает: КПП.');

    await type(input(container, 'account'), '40702810938000012346');
    await click(byTestId(container, 'save-firm'));
    await waitFor(() => byTestId(container, 'error'));
    expect(byTestId(container, 'firm-field-account')!.textContent).toContain('не сходится контрольный ключ с БИК');
    expect(byTestId(container, 'firm-saved')).toBeNull();
  });

  it('a save over a stale version offers «Обновить», which reads the firm again', async () => {
    signIn(['admin']);
    let reads = 0;
    stubApi((c) => {
      if (c.method === 'GET' && c.path === 'firm') {
        reads += 1;
        return json({ ...demo, demo: false, saved: true, requisites: { ...demo.requisites, bank: reads === 1 ? 'Старый банк' : 'Новый банк' } }, 200, { ETag: `W/"r${reads}"` });
      }
      if (c.method === 'PUT') return problem(412, 'Реквизиты фирмы уже изменили — обновите и повторите.');
      return undefined;
    });
    const { container } = await render(<FirmPane />);
    await waitFor(() => input(container, 'bank')?.value === 'Старый банк');
    await click(byTestId(container, 'save-firm'));
    const conflict = await waitFor(() => byTestId(container, 'conflict'));
    await click(conflict.querySelector('button'));
    await waitFor(() => input(container, 'bank')?.value === 'Новый банк');
    expect(byTestId(container, 'conflict')).toBeNull();
  });
});
