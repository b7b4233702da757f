import { newRequestId } from '../../../src/shared/files';
import { describe, expect, it } from 'vitest';
import {
  amountOf,
  baselineOf,
  buildFormModel,
  buildRequest,
  changedRequisites,
  initialState,
  missingFields,
  parseNumber,
  placeErrors,
  walk,
  type FormState,
  type TableControl,
  type ValueControl,
} from '../../../src/outlook/contract/model';
import { consultingDiscs, serviceMaintenance } from './fixtures';

const model = () => buildFormModel(serviceMaintenance.fields);
const byName = (name: string) => [...walk(model())].find((c) => c.name === name);

function filled(): FormState {
  const controls = model();
  const state = initialState(controls);
  state.values['client.signatory_genitive'] = 'Директора Петровой Елены Сергеевны';
  Object.assign(state.values, {
    software: '1С:Бухгалтерия КОРП',
    service_address: 'Москва, Дубининская, 57',
    response_hours: '4',
    payment_day: '10',
    start_date: '2026-12-01',
    end_date: '2027-11-30',
  });
  state.rows.items = [
    { key: 'a', cells: { name: 'Абонентское обслуживание', unit: 'мес.', quantity: '1', price: '12 000' } },
    { key: 'b', cells: { name: '', unit: '', quantity: '', price: '' } },
    { key: 'c', cells: { name: 'Выезд программиста', unit: 'выезд', quantity: '2', price: '5400,00' } },
  ];
  return state;
}

describe('form model from the field list', () => {
  it('hides server fields and keeps the template order', () => {
    const names = model().map((c) => c.name);
    expect(names).not.toContain('number');
    expect(names).not.toContain('date');
    expect(names).not.toContain('total');
    expect(names.some((n) => n.startsWith('supplier.'))).toBe(false);
    expect(names.slice(0, 4)).toEqual(['city', 'client.name', 'client.signatory_genitive', 'client.basis']);
  });

  it('pre-fills client fields from the card and leaves the manager fields empty', () => {
    const state = initialState(model());
    expect(state.values['client.inn']).toBe('7705987654');
    expect(state.values['client.signatory_genitive']).toBe('');
    expect(state.values.software).toBe('');
    expect((byName('client.inn') as ValueControl).source).toBe('client');
  });

  it('marks required fields: the manager values, key requisites; not city (the server has a default) or КПП', () => {
    const required = (n: string) => (byName(n) as ValueControl).required;
    expect(required('software')).toBe(true);
    expect(required('client.signatory_genitive')).toBe(true);
    expect(required('client.inn')).toBe(true);
    expect(required('city')).toBe(false);
    expect(required('client.kpp')).toBe(false);
  });

  it('reads a client requisite printed only when present ({#client.kpp}…{/client.kpp}) as the client’s, pre-filled and sent in client', () => {
    // The license template prints «/ КПП …» only for a client that has one: the field list gives it as a section.
    const kpp = { name: 'client.kpp', kind: 'list', formatters: [], filledBy: 'client', value: '778901001',
      fields: [{ name: 'client.kpp', kind: 'value', formatters: [], filledBy: 'client', fields: [], value: '778901001' }] };
    const controls = buildFormModel([...serviceMaintenance.fields.filter((f) => f.name !== 'client.kpp'), kpp]);
    const control = [...walk(controls)].find((c) => c.name === 'client.kpp') as ValueControl;

    expect(control).toMatchObject({ type: 'value', source: 'client', required: false, initial: '778901001' });
    const state = initialState(controls);
    const body = buildRequest('service-maintenance', 'cl1', 'r1', controls, state);
    expect(body.client.kpp).toBe('778901001');
    expect(body.fields).not.toHaveProperty('client.kpp');
  });

  it('reads items as a table of the manager columns (n and amount are the server’s)', () => {
    const items = byName('items') as TableControl;
    expect(items.type).toBe('table');
    expect(items.columns.map((c) => c.name)).toEqual(['name', 'unit', 'quantity', 'price']);
    expect(items.columns.find((c) => c.name === 'price')?.input).toBe('number');
    expect(items.derived).toEqual([]);
    expect(initialState(model()).rows.items).toHaveLength(1);
  });

  it('reads {#vat_rate}{vat_rate}{/vat_rate} as an optional value with a VAT checkbox, on by default', () => {
    const vat = byName('vat_rate');
    expect(vat).toMatchObject({ type: 'optional', toggle: true });
    expect(byName('vat_note')).toMatchObject({ type: 'optional', toggle: false });
    expect(initialState(model()).checks.vat_rate).toBe(true);
  });

  it('dates and numbers get their inputs', () => {
    expect((byName('start_date') as ValueControl).input).toBe('date');
    expect((byName('payment_day') as ValueControl).input).toBe('number');
    expect((byName('software') as ValueControl).input).toBe('text');
  });

  it('a section without sub-fields is a checkbox; a second list is a table that numbers its rows itself', () => {
    const controls = buildFormModel(consultingDiscs.fields);
    const all = [...walk(controls)];
    expect(all.find((c) => c.name === 'has_courier')).toMatchObject({ type: 'flag', inverted: false });
    const schedule = all.find((c) => c.name === 'schedule') as TableControl;
    expect(schedule).toMatchObject({ type: 'table', derived: ['n'], required: false });
    expect(all.find((c) => c.name === 'mystery_field')).toMatchObject({ type: 'value', required: true });
  });
});

describe('request body', () => {
  it('has templateId, clientId, requestId, the client requisites and the manager fields', () => {
    const controls = model();
    const body = buildRequest('service-maintenance', 'cl-romashka', 'req-1', controls, filled());
    expect(body.templateId).toBe('service-maintenance');
    expect(body.clientId).toBe('cl-romashka');
    expect(body.requestId).toBe('req-1');
    expect(body.client.signatory_genitive).toBe('Директора Петровой Елены Сергеевны');
    expect(body.client.inn).toBe('7705987654');
    expect(body.client.kpp).toBe('770501001');
    expect(body.fields).toMatchObject({ software: '1С:Бухгалтерия КОРП', response_hours: 4, payment_day: 10, start_date: '2026-12-01' });
    expect(body.fields).not.toHaveProperty('city');
    expect(body.fields).not.toHaveProperty('client');
  });

  it('sends items without blank rows, numbers parsed («12 000», «5400,00»)', () => {
    const body = buildRequest('t', 'c', 'r', model(), filled());
    expect(body.fields.items).toEqual([
      { name: 'Абонентское обслуживание', unit: 'мес.', quantity: 1, price: 12000 },
      { name: 'Выезд программиста', unit: 'выезд', quantity: 2, price: 5400 },
    ]);
  });

  it('VAT: on and empty leaves vat_rate out (server default), a rate is a number, off is null («без НДС»)', () => {
    const controls = model();
    const state = filled();
    expect(buildRequest('t', 'c', 'r', controls, state).fields).not.toHaveProperty('vat_rate');
    state.values.vat_rate = '20';
    expect(buildRequest('t', 'c', 'r', controls, state).fields.vat_rate).toBe(20);
    state.checks.vat_rate = false;
    state.values.vat_note = 'на основании подп. 26 п. 2 ст. 149 НК РФ';
    const fields = buildRequest('t', 'c', 'r', controls, state).fields;
    expect(fields.vat_rate).toBeNull();
    expect(fields.vat_note).toBe('на основании подп. 26 п. 2 ст. 149 НК РФ');
  });

  it('an empty optional value is null (the block is not printed)', () => {
    const state = filled();
    state.checks.vat_rate = false;
    expect(buildRequest('t', 'c', 'r', model(), state).fields.vat_note).toBeNull();
  });

  it('with VAT on, vat_note (printed only without VAT) is not sent, even if typed before', () => {
    const state = filled();
    state.values.vat_note = 'на основании подп. 26 п. 2 ст. 149 НК РФ';
    expect(buildRequest('t', 'c', 'r', model(), state).fields).not.toHaveProperty('vat_note');
  });

  it('numbers the rows of a list the server does not number, and sends conditions as booleans', () => {
    const controls = buildFormModel(consultingDiscs.fields);
    const state = initialState(controls);
    state.rows.schedule = [
      { key: '1', cells: { month: 'январь 2027', issue: 'ИТС ПРОФ № 1', due: '2027-01-15' } },
      { key: '2', cells: { month: 'февраль 2027', issue: 'ИТС ПРОФ № 2', due: '2027-02-15' } },
    ];
    state.checks.has_courier = true;
    const body = buildRequest('consulting-discs', 'c', 'r', controls, state);
    expect(body.fields.schedule).toEqual([
      { month: 'январь 2027', issue: 'ИТС ПРОФ № 1', due: '2027-01-15', n: 1 },
      { month: 'февраль 2027', issue: 'ИТС ПРОФ № 2', due: '2027-02-15', n: 2 },
    ]);
    expect(body.fields.has_courier).toBe(true);
  });
});

describe('required fields before the request', () => {
  it('lists blank required values, an empty items table and blank cells of a started row', () => {
    const controls = model();
    const state = initialState(controls);
    state.rows.items = [{ key: 'x', cells: { name: 'Сервис', unit: '', quantity: '1', price: '' } }];
    const errors = missingFields(controls, state, 'Заполните поле', 'Добавьте позицию');
    expect(errors.software).toEqual(['Заполните поле']);
    expect(errors['client.signatory_genitive']).toEqual(['Заполните поле']);
    expect(errors['items[0].price']).toEqual(['Заполните поле']);
    expect(errors['items[0].unit']).toEqual(['Заполните поле']);
    expect(errors).not.toHaveProperty('city');
    expect(errors).not.toHaveProperty('client.kpp');
    state.rows.items = [{ key: 'x', cells: { name: '', unit: '', quantity: '', price: '' } }];
    expect(missingFields(controls, state, 'Заполните поле', 'Добавьте позицию').items).toEqual(['Добавьте позицию']);
    expect(missingFields(controls, filled(), 'Заполните поле', 'Добавьте позицию')).toEqual({});
  });
});

describe('API field errors at their fields', () => {
  it('places fields.x, fields.client.x, client.x, rows (skipping blank rows) and the dry run’s «поле «x»»', () => {
    const controls = model();
    const placed = placeErrors(
      {
        'fields.client.inn': ['ИНН не тот'],
        'client.kpp': ['КПП не тот'],
        'fields.vat_rate': ['Ставка НДС (vat_rate) — число от 0 до 100'],
        'fields.items[1]': ['Количество (quantity) — положительное число.'],
        fields: ['Не заполнено поле «software».', 'Не заполнено поле «client.signatory_genitive».', 'Не заполнено поле «unit».'],
        client: ['Карточка клиента «x» не найдена'],
        templateId: ['Выберите шаблон договора (templateId).'],
      },
      controls,
      filled(),
    );
    expect(placed.fields['client.inn']).toEqual(['ИНН не тот']);
    expect(placed.fields['client.kpp']).toEqual(['КПП не тот']);
    expect(placed.fields.vat_rate).toHaveLength(1);
    // The second row sent is the third row of the form (the blank one is not sent).
    expect(placed.fields['items[2]']).toEqual(['Количество (quantity) — положительное число.']);
    expect(placed.fields.software).toEqual(['Не заполнено поле «software».']);
    expect(placed.fields['client.signatory_genitive']).toHaveLength(1);
    expect(placed.fields.items).toEqual(['Не заполнено поле «unit».']);
    expect(placed.unmatched).toEqual(['Карточка клиента «x» не найдена', 'Выберите шаблон договора (templateId).']);
  });

  it('an unknown field goes to the error bar', () => {
    expect(placeErrors({ 'fields.nope': ['?'] }, model()).unmatched).toEqual(['?']);
  });
});

describe('amount for the preview', () => {
  it('is Σ round(quantity × price, 2) of the items', () => {
    expect(amountOf(model(), filled())).toBe(22800);
    const state = filled();
    state.rows.items = [{ key: 'a', cells: { name: 'x', unit: 'шт.', quantity: '3', price: '0,335' } }];
    expect(amountOf(model(), state)).toBe(1.01);
  });

  it('is null without priced items, and a money field of the form without an items list', () => {
    expect(amountOf(model(), initialState(model()))).toBeNull();
    const fields = [{ name: 'fee', kind: 'value', formatters: ['money'], filledBy: 'manager', fields: [] }];
    const controls = buildFormModel(fields);
    const state = initialState(controls);
    state.values.fee = '1 500,50';
    expect(amountOf(controls, state, fields)).toBe(1500.5);
  });

  it('parses Russian numbers', () => {
    expect(parseNumber('1\u00a0500,50')).toBe(1500.5);
    expect(parseNumber('12000')).toBe(12000);
    expect(parseNumber('много')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});

describe('requisites the server saves to the card', () => {
  it('finds the requisites that differ from the card, only those the card keeps', () => {
    const controls = model();
    const state = filled();
    state.values['client.kpp'] = '770501002';
    state.values['client.name'] = 'ООО «Ромашка-2»';
    const changed = changedRequisites(controls, state, baselineOf(controls));
    expect(changed).toEqual({ kpp: '770501002' });
  });
});

it('request ids are UUIDs and differ', () => {
  const a = newRequestId();
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(newRequestId()).not.toBe(a);
});
