// What the add-in writes into Excel for a fixed API answer, through office-addin-mock's Excel mock:
// sheets, tables, formulas, values and number formats; text as "@" before its value; reloads that
// replace only the month's sheets; and the number of context.sync() round trips.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_BATCH_BYTES,
  blockAddress,
  cellsBlock,
  columnLetter,
  excelSerial,
  splitBySize,
  writeGradesMonth,
  writeTablesSheet,
  type PlainTable,
} from '../../../src/office/excel';
import { createExcelMock, type ExcelMock } from './excelMock';
import { MONEY, hyperlink, monthSheets, taskSource } from './fixture';

let mock: ExcelMock;
beforeEach(() => {
  mock = createExcelMock(['Лист1']);
  (globalThis as Record<string, unknown>).Excel = mock.Excel;
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

const load = (employees = 2, tasks = 3, options: { chunkRows?: number; note?: string; shouldStop?: () => boolean; maxBatchBytes?: number } = {}) => {
  const source = taskSource(tasks, employees, options.note);
  const progress: [number, number][] = [];
  return writeGradesMonth(monthSheets(employees, tasks), {
    fetchTasks: source.fetchTasks,
    onProgress: (w, t) => progress.push([w, t]),
    shouldStop: options.shouldStop,
    chunkRows: options.chunkRows,
    maxBatchBytes: options.maxBatchBytes,
  }).then((result) => ({ result, progress, requests: source.requests }));
};

describe('pure helpers', () => {
  it('names columns and blocks as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(blockAddress(2, 8, 5000)).toBe('A2:H5001');
    expect(blockAddress(1, 3, 0)).toBe('A1:C1');
  });

  it('turns ISO dates into Excel serials (1900 system)', () => {
    expect(excelSerial('2026-10-01')).toBe(46296);
    expect(excelSerial('2026-11-29')).toBe(46355);
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('soon')).toBeNull();
  });

  it('keeps formulas out of values and text out of formulas; a formula cell never gets "@"', () => {
    const block = cellsBlock(
      [[{ value: hyperlink }, { formula: 'SUM(A1:A2)', format: '@' }, { value: 5, format: MONEY }, { value: null }]],
      [{ header: 'a' }, { header: 'b' }, { header: 'c' }, { header: 'd', format: '0' }],
    );
    expect(block.numberFormat).toEqual([['@', 'General', MONEY, '0']]);
    expect(block.values).toEqual([[hyperlink, null, 5, null]]);
    expect(block.formulas).toEqual([[null, '=SUM(A1:A2)', null, null]]);
  });

  it('splits a chunk by size so that no request passes the limit', () => {
    const columns = [{ header: 'x', format: '@' }];
    const rows = Array.from({ length: 100 }, () => ['я'.repeat(10_000)]);
    const batches = splitBySize(rows, columns, 5000, 200_000);
    expect(batches.length).toBeGreaterThan(5);
    expect(batches.flat().length).toBe(100);
    for (const b of batches) expect(JSON.stringify(b).length * 2).toBeLessThan(200_000 + 20_002 * 2);
  });
});

describe('writeGradesMonth', () => {
  it('adds Параметры, Итоги and Задачи as tables with headers, formulas, values and formats', async () => {
    const { result, progress } = await load(2, 3);
    expect(result).toMatchObject({ written: 3, total: 3, cancelled: false });
    expect(mock.sheets.map((s) => s.name)).toEqual(['Лист1', 'Параметры 2026-10', 'Итоги 2026-10', 'Задачи 2026-10']);

    const summary = mock.sheet('Итоги 2026-10');
    expect(summary.tables).toEqual([{ address: 'A1:G3', hasHeaders: true, name: 'OfficeFlow_summary_2026_10' }]);
    expect(summary.frozenRows).toBe(1);
    expect(mock.cell('Итоги 2026-10', 'B1')).toMatchObject({ value: 'Сотрудник', numberFormat: '@' });
    expect(mock.cell('Итоги 2026-10', 'B2')).toMatchObject({ value: 'Анна Смирнова', numberFormat: '@' });
    expect(mock.cell('Итоги 2026-10', 'D2')).toMatchObject({ formula: "=SUMIFS('Задачи 2026-10'!$H:$H,'Задачи 2026-10'!$B:$B,$A2)", numberFormat: '0.00' });
    // A formula without "=" gets one; a text formula (the band) is General, not "@".
    expect(mock.cell('Итоги 2026-10', 'E3')).toMatchObject({ formula: "=VLOOKUP($C3,'Параметры 2026-10'!$A:$C,3,FALSE)", numberFormat: MONEY });
    expect(mock.cell('Итоги 2026-10', 'F2')).toMatchObject({ formula: '=MAX(E2,E2+D2*100)', numberFormat: MONEY });
    expect(mock.cell('Итоги 2026-10', 'G2')).toMatchObject({ formula: '=IF(D2>10,"A","B")', numberFormat: 'General' });
    expect(summary.widths.get('B:B')).toBeCloseTo((24 * 7 + 5) * 0.75);

    expect(mock.cell('Параметры 2026-10', 'C2')).toMatchObject({ value: 60000, numberFormat: MONEY });
    expect(mock.sheet('Параметры 2026-10').tables[0]).toMatchObject({ address: 'A1:C2', hasHeaders: true });

    const tasks = mock.sheet('Задачи 2026-10');
    expect(tasks.tables).toEqual([{ address: 'A1:H4', hasHeaders: true, name: 'OfficeFlow_tasks_2026_10' }]);
    expect(mock.cell('Задачи 2026-10', 'D2')).toMatchObject({ value: 46296, numberFormat: 'dd.mm.yyyy' });
    expect(mock.cell('Задачи 2026-10', 'A2')).toMatchObject({ value: 1, numberFormat: '0' });
    expect(mock.cell('Задачи 2026-10', 'H4')).toMatchObject({ value: 3, numberFormat: '0.00' });
    expect(mock.cell('Задачи 2026-10', 'G2')?.value).toBeUndefined();
    expect(progress).toEqual([[0, 3], [3, 3]]);
    expect(mock.events.at(-1)).toBe('activate Итоги 2026-10');
  });

  it('writes client names and comments as text: "@" before the value, never as a formula', async () => {
    await load(2, 3);
    const client = mock.cell('Задачи 2026-10', 'F2')!;
    expect(client).toMatchObject({ value: hyperlink, numberFormat: '@' });
    expect(client.formula).toBeUndefined();
    expect(client.order).toEqual(['numberFormat', 'values']);
    expect(mock.cell('Задачи 2026-10', 'G3')).toMatchObject({ value: '+7 (495) 123-45-67', numberFormat: '@', order: ['numberFormat', 'values'] });

    // Every cell holding text got "@" first; no text reached formulas or formulasLocal.
    for (const s of mock.sheets) {
      for (const [address, cell] of s.cells) {
        if (typeof cell.value === 'string') {
          expect(cell.numberFormat, `${s.name}!${address}`).toBe('@');
          expect(cell.order.indexOf('numberFormat'), `${s.name}!${address}`).toBeLessThan(cell.order.indexOf('values'));
        }
      }
    }
    expect(mock.writes.filter((w) => w.property === 'formulasLocal')).toEqual([]);
    const formulaTexts = mock.writes.filter((w) => w.property === 'formulas').flatMap((w) => (w.value as (string | null)[][]).flat()).filter(Boolean);
    expect(formulaTexts).not.toContain(hyperlink);
    expect(formulaTexts.every((f) => /^=(SUMIFS|VLOOKUP|MAX|IF)\(/.test(f!))).toBe(true);
    // Within each range, the format is set before its values.
    const order = mock.writes.filter((w) => w.property !== 'columnWidth').map((w) => `${w.address}:${w.property}`);
    for (let i = 0; i < order.length; i++) if (order[i].endsWith(':values')) expect(order[i - 1]).toBe(order[i].replace(':values', ':numberFormat'));
  });

  it('reloading a month deletes and re-creates its three sheets, once each, and leaves other sheets alone', async () => {
    await load(2, 3);
    mock.sheets.push({ id: 99, name: 'Мои заметки', cells: new Map([['A1', { value: 'моё', order: ['values'] }]]), tables: [], frozenRows: 0, widths: new Map() });
    const before = mock.writes.length;
    mock.events.length = 0;
    await load(2, 5);
    expect(mock.sheets.map((s) => s.name).sort()).toEqual(['Задачи 2026-10', 'Итоги 2026-10', 'Лист1', 'Мои заметки', 'Параметры 2026-10'].sort());
    expect(mock.events.filter((e) => e.startsWith('delete'))).toEqual(['delete Параметры 2026-10', 'delete Итоги 2026-10', 'delete Задачи 2026-10']);
    expect(mock.events.filter((e) => e.startsWith('add'))).toHaveLength(3);
    expect(mock.writes.slice(before).filter((w) => w.sheet === 'Мои заметки' || w.sheet === 'Лист1')).toEqual([]);
    expect(mock.cell('Мои заметки', 'A1')?.value).toBe('моё');
    expect(mock.sheet('Задачи 2026-10').tables[0].address).toBe('A1:H6');
  });

  it('replaces the month even when its sheets are the only ones in the workbook', async () => {
    mock = createExcelMock(['Параметры 2026-10', 'Итоги 2026-10', 'Задачи 2026-10']);
    (globalThis as Record<string, unknown>).Excel = mock.Excel;
    await load(2, 3);
    expect(mock.sheets.map((s) => s.name)).toEqual(['Параметры 2026-10', 'Итоги 2026-10', 'Задачи 2026-10']);
    expect(mock.cell('Итоги 2026-10', 'B2')?.value).toBe('Анна Смирнова');
  });

  it('writes 200 employees and 50,000 ledger rows in 5,000-row chunks, in under 30 syncs', async () => {
    const { result, progress, requests } = await load(200, 50_000);
    expect(result.written).toBe(50_000);
    expect(mock.syncs()).toBe(result.syncs);
    expect(mock.syncs()).toBeLessThan(30);
    expect(mock.syncs()).toBe(13); // find old sheets, create + Итоги, 10 chunks, the ledger's table
    expect(requests).toEqual(Array.from({ length: 10 }, (_, i) => ({ skip: i * 5000, take: 5000 })));
    const chunks = mock.writes.filter((w) => w.sheet === 'Задачи 2026-10' && w.property === 'values' && w.address !== 'A1:H1');
    expect(chunks.map((w) => w.address)).toEqual(Array.from({ length: 10 }, (_, i) => `A${2 + i * 5000}:H${5001 + i * 5000}`));
    for (const w of chunks) expect(JSON.stringify(w.value).length).toBeLessThan(MAX_BATCH_BYTES);
    expect(progress.at(-1)).toEqual([50_000, 50_000]);
    expect(progress[3]).toEqual([15_000, 50_000]);
    expect(mock.sheet('Итоги 2026-10').tables[0].address).toBe('A1:G201');
    expect(mock.sheet('Задачи 2026-10').tables[0].address).toBe('A1:H50001');
  }, 60_000);

  it('stops after the current chunk when cancelled, and keeps what was written as a table', async () => {
    let chunks = 0;
    const { result } = await load(2, 20_000, { shouldStop: () => ++chunks >= 2 });
    expect(result).toMatchObject({ cancelled: true, total: 20_000 });
    expect(result.written).toBe(5000);
    expect(mock.sheet('Задачи 2026-10').tables[0].address).toBe('A1:H5001');
  });

  it('splits a chunk of long comments into smaller requests', async () => {
    const { result } = await load(2, 5000, { note: 'Длинный комментарий. '.repeat(40), maxBatchBytes: 1_000_000 });
    expect(result.written).toBe(5000);
    const writes = mock.writes.filter((w) => w.sheet === 'Задачи 2026-10' && w.property === 'values' && w.address !== 'A1:H1');
    expect(writes.length).toBeGreaterThan(1);
    expect(mock.syncs()).toBe(3 + writes.length);
  });

  it('says when Excel is not there', async () => {
    delete (globalThis as Record<string, unknown>).Excel;
    await expect(load()).rejects.toThrow(/Excel is not available/);
  });
});

describe('writeTablesSheet', () => {
  const table = (key: string, rows: (string | number | null)[][]): PlainTable => ({
    key,
    title: `Таблица ${key}`,
    columns: [
      { header: 'Клиент', width: 30, format: '@' },
      { header: 'Дата', width: 12, format: 'dd.mm.yyyy' },
      { header: 'Сумма', width: 14, format: MONEY },
    ],
    rows,
    totalsLabel: 'Итого',
    sumColumns: [2],
  });

  it('writes tables one below another, each with a SUBTOTAL totals row, replacing the sheet', async () => {
    await writeTablesSheet('Счета', [table('A', [[hyperlink, 46355, 100.5], ['ООО «Ромашка»', 46356, 200]]), table('B', [])]);
    await writeTablesSheet('Счета', [table('A', [[hyperlink, 46355, 100.5], ['ООО «Ромашка»', 46356, 200]]), table('B', [])]);
    expect(mock.sheets.map((s) => s.name)).toEqual(['Лист1', 'Счета']);
    const s = mock.sheet('Счета');
    expect(s.tables.map((x) => ({ address: x.address, showTotals: x.showTotals }))).toEqual([
      { address: 'A2:C4', showTotals: true },
      { address: 'A9:C10', showTotals: true },
    ]);
    expect(mock.cell('Счета', 'A1')).toMatchObject({ value: 'Таблица A', numberFormat: '@' });
    expect(mock.cell('Счета', 'A3')).toMatchObject({ value: hyperlink, numberFormat: '@', order: ['numberFormat', 'values'] });
    expect(mock.cell('Счета', 'B3')).toMatchObject({ value: 46355, numberFormat: 'dd.mm.yyyy' });
    expect(mock.cell('Счета', 'A5')).toMatchObject({ value: 'Итого', numberFormat: '@' });
    expect(mock.cell('Счета', 'C5')).toMatchObject({ formula: '=SUBTOTAL(109,C3:C4)', numberFormat: MONEY });
    expect(mock.cell('Счета', 'C11')).toMatchObject({ formula: '=SUBTOTAL(109,C10:C10)' });
    expect(mock.syncs()).toBe(4);
  });
});
