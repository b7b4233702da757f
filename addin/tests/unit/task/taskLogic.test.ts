import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/i18n/i18n';
import {
  bandText,
  buildTaskBody,
  fulfilmentPercent,
  fulfilmentRatio,
  loggedText,
  pointsText,
  searchCatalog,
  validateTask,
  type CatalogTask,
  type MyMonth,
} from '../../../src/outlook/task/taskLogic';

setLanguage('ru');

const catalog: CatalogTask[] = [
  { code: '1.1', title: 'Разбор почты', complexityClass: 1, points: 1, category: 'office' },
  { code: '2.4', title: 'Заказ у поставщика', complexityClass: 2, points: 2, category: 'sales' },
  { code: '2.6', title: 'Звонок клиенту по счёту', complexityClass: 2, points: 2.5, category: 'sales' },
  { code: '2.10', title: 'Ёмкий отчёт для клиента', complexityClass: 3, points: 5, category: 'sales' },
  { code: '5.4', title: 'Ввод контрагента в базу', complexityClass: 1, points: 1, category: 'database' },
];

const bands = [
  { band: 'D', minFulfilment: 0 },
  { band: 'C', minFulfilment: 0.7 },
  { band: 'B', minFulfilment: 0.9 },
  { band: 'A', minFulfilment: 1.1 },
];

const month = (patch: Partial<MyMonth>): MyMonth => ({ month: '2026-11', points: 100, plan: 100, fulfilment: 1, band: 'B', bands, ...patch });

describe('catalog search', () => {
  const codes = (q: string) => searchCatalog(catalog, q).map((t) => t.code);
  it('finds by code prefix', () => {
    expect(codes('2')).toEqual(['2.4', '2.6', '2.10']);
    expect(codes('2.1')).toEqual(['2.10']);
    expect(codes('5.4')).toEqual(['5.4']);
  });
  it('finds by words of the title, in any case and order, ё as е', () => {
    expect(codes('ЗВОНОК')).toEqual(['2.6']);
    expect(codes('счёту звонок')).toEqual(['2.6']);
    expect(codes('клиент')).toEqual(['2.6', '2.10']);
    expect(codes('емкий')).toEqual(['2.10']);
    expect(codes('контрагент базу')).toEqual(['5.4']);
  });
  it('keeps everything for an empty query and nothing for a miss', () => {
    expect(codes('  ')).toHaveLength(5);
    expect(codes('самолёт')).toEqual([]);
  });
});

describe('points and bands', () => {
  it('writes points with the Russian plural, fractions with «балла»', () => {
    expect(pointsText(1)).toBe('1\u00a0балл');
    expect(pointsText(2)).toBe('2\u00a0балла');
    expect(pointsText(38)).toBe('38\u00a0баллов');
    expect(pointsText(21)).toBe('21\u00a0балл');
    expect(pointsText(2.5)).toBe('2,5\u00a0балла');
  });
  it('reads fulfilment as GradesCalculator writes it (0.85 is 85 %), and a percent too', () => {
    expect(fulfilmentRatio(month({ fulfilment: 0.85 }))).toBe(0.85);
    expect(fulfilmentPercent(month({ fulfilment: 0.85 }))).toBe('85\u00a0%');
    expect(fulfilmentPercent(month({ fulfilment: 1.0833 }))).toBe('108,3\u00a0%');
    expect(fulfilmentRatio(month({ fulfilment: 85, bands: bands.map((b) => ({ ...b, minFulfilment: b.minFulfilment * 100 })) }))).toBe(0.85);
  });
  it('says the band and the points to the next one', () => {
    expect(bandText(month({ band: 'B', nextBand: 'A', pointsToNextBand: 38 }))).toBe('Сейчас: B, до A осталось 38\u00a0баллов');
    expect(bandText(month({ band: 'C', nextBand: 'B', pointsToNextBand: 1 }))).toBe('Сейчас: C, до B осталось 1\u00a0балл');
    expect(bandText(month({ band: 'C', nextBand: 'B', pointsToNextBand: 3 }))).toBe('Сейчас: C, до B осталось 3\u00a0балла');
  });
  it('at the top band says so', () => {
    expect(bandText(month({ band: 'A', fulfilment: 1.2, nextBand: null, pointsToNextBand: null }))).toBe('Сейчас: A — высшая оценка');
  });
  it('computes the points from the bands when the API leaves them out', () => {
    expect(bandText(month({ band: 'C', points: 72, plan: 100, fulfilment: 0.72, nextBand: undefined, pointsToNextBand: undefined }))).toBe(
      'Сейчас: C, до B осталось 18\u00a0баллов',
    );
    expect(bandText(month({ band: 'C', points: 82, plan: 100, fulfilment: 0.82, nextBand: 'B' }))).toBe('Сейчас: C, до B осталось 8\u00a0баллов');
  });
  it('without a plan names the band only', () => {
    expect(bandText(month({ band: 'D', points: 0, plan: 0, fulfilment: 0, nextBand: 'C', pointsToNextBand: null }))).toBe('Сейчас: D');
  });
});

describe('logging', () => {
  it('says what was logged', () => {
    expect(loggedText({ id: 'x', taskCode: '2.6', titleRu: 'Звонок клиенту по счёту', points: 2.5 }, catalog)).toBe('Записано: 2.6 Звонок клиенту по счёту, +2,5\u00a0балла');
    expect(loggedText({ id: 'x', taskCode: '2.4', points: 2 }, catalog)).toBe('Записано: 2.4 Заказ у поставщика, +2\u00a0балла');
  });
  it('builds the body: the card client with its id, a typed name without, optional minutes and note', () => {
    expect(buildTaskBody({ taskCode: '2.6', clientId: 'c1', clientName: 'ООО «Ромашка»', minutes: '15', note: ' перезвонить ' }, 'r1')).toEqual({
      taskCode: '2.6',
      clientId: 'c1',
      clientName: 'ООО «Ромашка»',
      minutes: 15,
      note: 'перезвонить',
      requestId: 'r1',
    });
    expect(buildTaskBody({ taskCode: '1.1', clientId: null, clientName: '', minutes: '', note: '' }, 'r2')).toEqual({ taskCode: '1.1', requestId: 'r2' });
  });
  it('checks minutes 1…720 and a chosen task', () => {
    const ok = { taskCode: '2.6', clientId: null, clientName: '', minutes: '', note: '' };
    expect(validateTask(ok)).toEqual({});
    expect(validateTask({ ...ok, minutes: '0' })).toHaveProperty('minutes');
    expect(validateTask({ ...ok, minutes: '721' })).toHaveProperty('minutes');
    expect(validateTask({ ...ok, minutes: '1,5' })).toHaveProperty('minutes');
    expect(validateTask({ ...ok, taskCode: '' })).toHaveProperty('taskCode');
  });
});
