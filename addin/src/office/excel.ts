// Everything the add-in writes into Excel (the only Excel.run code of the add-in).
//
// Safe writing, in every batch:
//   1. numberFormat first: a text cell gets "@" BEFORE its value, so a client called
//      =HYPERLINK("http://x","y") stays text (Excel reads a value starting with "=", "+" or "-" as a
//      formula unless the cell is already text);
//   2. values (null where the cell holds a formula: null leaves a cell unchanged);
//   3. formulas, only from the API's `formula` field (null where the cell holds a value).
// Text is never written through `formulas` or `formulasLocal`. A formula cell never gets "@"
// (a text-formatted formula would show its source instead of its result).
//
// Round trips: one sync to find the month's old sheets, one to create the three new sheets with
// Параметры and Итоги, then one per chunk of Задачи rows (5,000 rows, smaller when a chunk would pass
// ~3 MB: Excel on the web refuses requests over ~5 MB), and one to make the ledger a table.
// 200 employees and 50,000 rows take 13 syncs.

export type CellValue = string | number | boolean | null;

/** A cell of the API's sheets: a constant `value`, or a `formula` (English syntax, commas, starting with "="). */
export interface ApiCell {
  value?: CellValue;
  formula?: string | null;
  format?: string | null;
}

export interface ApiColumn {
  header: string;
  /** Column width in characters, as in the .xlsx. */
  width?: number | null;
  format?: string | null;
}

export interface ApiSheet {
  key: string;
  name: string;
  columns: ApiColumn[];
  rows: ApiCell[][];
}

export interface ApiTasksSheet {
  key: string;
  name: string;
  columns: ApiColumn[];
  total: number;
}

/** GET /api/grades/{month}/sheets */
export interface MonthSheets {
  month: string;
  policyVersion: string;
  sheets: ApiSheet[];
  tasks: ApiTasksSheet;
  head?: unknown;
}

/** GET /api/grades/{month}/tasks?skip=&take= */
export interface TaskChunk {
  total: number;
  skip: number;
  rows: CellValue[][];
}

export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';
export const MONEY_FORMAT = '#,##0.00 "₽"';
export const DATE_FORMAT = 'dd.mm.yyyy';
export const INTEGER_FORMAT = '0';
export const TASK_CHUNK_ROWS = 5000;
/** A batch's estimated payload limit: well under the ~5 MB Excel on the web accepts per request. */
export const MAX_BATCH_BYTES = 3_000_000;

// ---- pure helpers (tested without Excel) ----------------------------------------------------------

/** 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A2:K5001" for `rows` rows of `columns` columns starting at `firstRow` (column A). */
export function blockAddress(firstRow: number, columns: number, rows: number, firstColumn = 1): string {
  return `${columnLetter(firstColumn)}${firstRow}:${columnLetter(firstColumn + Math.max(columns, 1) - 1)}${firstRow + Math.max(rows, 1) - 1}`;
}

/** "2026-11-29" → Excel's serial date (1900 system): 46355. */
export function excelSerial(isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return null;
  return Math.round((Date.UTC(+m[1], +m[2] - 1, +m[3]) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** What one range receives: formats for every cell, then values and formulas (null = leave the cell). */
export interface Block {
  numberFormat: string[][];
  values: CellValue[][] | null;
  formulas: (string | null)[][] | null;
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** The format of a constant: text is always "@"; otherwise the cell's, else the column's format. */
function valueFormat(value: CellValue | undefined, cellFormat?: string | null, columnFormat?: string | null): string {
  if (isText(value)) return TEXT_FORMAT;
  return cellFormat || columnFormat || GENERAL_FORMAT;
}

/** The format of a formula cell: never "@", else the formula would show as text. */
function formulaFormat(cellFormat?: string | null, columnFormat?: string | null): string {
  const format = cellFormat && cellFormat !== TEXT_FORMAT ? cellFormat : columnFormat && columnFormat !== TEXT_FORMAT ? columnFormat : null;
  return format ?? GENERAL_FORMAT;
}

/** "SUM(A1:A3)" and "=SUM(A1:A3)" both → "=SUM(A1:A3)". */
export function normaliseFormula(formula: string): string {
  const trimmed = formula.trim();
  return trimmed.startsWith('=') ? trimmed : `=${trimmed}`;
}

/** The header row: text. */
export function headerBlock(columns: ApiColumn[]): Block {
  return { numberFormat: [columns.map(() => TEXT_FORMAT)], values: [columns.map((c) => c.header)], formulas: null };
}

/** The API's cells: constants as values, formulas as formulas, each with its format. */
export function cellsBlock(rows: ApiCell[][], columns: ApiColumn[], width = columns.length): Block {
  const numberFormat: string[][] = [];
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let anyValue = false;
  let anyFormula = false;
  for (const row of rows) {
    const f: string[] = new Array(width);
    const v: CellValue[] = new Array(width);
    const x: (string | null)[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? {};
      const column = columns[c];
      if (typeof cell.formula === 'string' && cell.formula.trim() !== '') {
        f[c] = formulaFormat(cell.format, column?.format);
        v[c] = null;
        x[c] = normaliseFormula(cell.formula);
        anyFormula = true;
      } else {
        const value = cell.value ?? null;
        f[c] = valueFormat(value, cell.format, column?.format);
        v[c] = value;
        x[c] = null;
        if (value !== null) anyValue = true;
      }
    }
    numberFormat.push(f);
    values.push(v);
    formulas.push(x);
  }
  return { numberFormat, values: anyValue ? values : null, formulas: anyFormula ? formulas : null };
}

/** Plain rows (the ledger): values only, with the column's format; text always "@". */
export function rowsBlock(rows: CellValue[][], columns: ApiColumn[], width = columns.length): Block {
  const numberFormat: string[][] = new Array(rows.length);
  const values: CellValue[][] = new Array(rows.length);
  const columnFormats = columns.map((c) => (c.format && c.format !== TEXT_FORMAT ? c.format : c.format === TEXT_FORMAT ? TEXT_FORMAT : GENERAL_FORMAT));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const f: string[] = new Array(width);
    const v: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const value = row[c] ?? null;
      f[c] = isText(value) ? TEXT_FORMAT : columnFormats[c] ?? GENERAL_FORMAT;
      v[c] = value;
    }
    numberFormat[r] = f;
    values[r] = v;
  }
  return { numberFormat, values, formulas: null };
}

/** Rough UTF-8 JSON size of a row's values and formats (Cyrillic is 2 bytes a character). */
export function rowBytes(row: CellValue[], formats: string[]): number {
  let bytes = 4;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    bytes += (typeof v === 'string' ? v.length * 2 + 2 : 12) + (formats[c]?.length ?? 7) + 4;
  }
  return bytes;
}

/** Splits rows into batches of at most `maxRows` rows and about `maxBytes` bytes. */
export function splitBySize(rows: CellValue[][], columns: ApiColumn[], maxRows = TASK_CHUNK_ROWS, maxBytes = MAX_BATCH_BYTES): CellValue[][][] {
  const formats = columns.map((c) => c.format ?? GENERAL_FORMAT);
  const batches: CellValue[][][] = [];
  let current: CellValue[][] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = rowBytes(row, formats);
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Excel's column width is in points; the API's is in characters (about 7 px each, plus 5 px padding). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** An Excel table name for a sheet of a month: letters, digits and underscores only. */
export function tableName(key: string, month: string): string {
  return `OfficeFlow_${key}_${month}`.replace(/[^A-Za-z0-9_]/g, '_');
}

// ---- writing ----------------------------------------------------------------------------------------

function writeBlock(sheet: Excel.Worksheet, address: string, block: Block): void {
  const range = sheet.getRange(address);
  range.numberFormat = block.numberFormat; // first: text cells are text before their values arrive
  if (block.values) range.values = block.values as unknown as (string | number | boolean)[][];
  if (block.formulas) range.formulas = block.formulas as unknown as string[][];
}

function setWidths(sheet: Excel.Worksheet, columns: ApiColumn[]): void {
  columns.forEach((column, i) => {
    if (column.width && column.width > 0) {
      const letter = columnLetter(i + 1);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(column.width);
    }
  });
}

/** Raised when Excel.run is missing: the pane is not running inside Excel. */
export class ExcelUnavailableError extends Error {
  constructor() {
    super('Excel is not available');
    this.name = 'ExcelUnavailableError';
  }
}

function excel(): typeof Excel {
  const api = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!api || typeof api.run !== 'function') throw new ExcelUnavailableError();
  return api;
}

/** Counts this module's own context.sync() calls (the e2e fake and the unit mock count theirs too). */
function counter(context: Excel.RequestContext) {
  let count = 0;
  return {
    sync: async () => {
      count += 1;
      await context.sync();
    },
    get count() {
      return count;
    },
  };
}

/**
 * Creates sheets with temporary names, deletes the old sheets of the same names, and renames the new
 * ones: a reload never duplicates a month's sheets, and never tries to delete a workbook's last sheet.
 * Queued only; the caller syncs. `existing` come from getItemOrNullObject after a sync.
 */
function replaceSheets(context: Excel.RequestContext, names: string[], existing: Excel.Worksheet[]): Excel.Worksheet[] {
  const sheets = context.workbook.worksheets;
  const stamp = Math.random().toString(36).slice(2, 7);
  const created = names.map((_, i) => sheets.add(`OfficeFlow~${stamp}~${i + 1}`));
  existing.forEach((old) => {
    if (!old.isNullObject) old.delete();
  });
  created.forEach((sheet, i) => {
    sheet.name = names[i];
  });
  return created;
}

export interface WriteMonthOptions {
  /** Reads a chunk of the ledger (GET /api/grades/{month}/tasks?skip=&take=). */
  fetchTasks: (skip: number, take: number, signal: AbortSignal) => Promise<TaskChunk>;
  onProgress?: (written: number, total: number) => void;
  /** Checked after each chunk: true stops the load (the rows written so far stay, as a table). */
  shouldStop?: () => boolean;
  chunkRows?: number;
  maxBatchBytes?: number;
}

export interface WriteMonthResult {
  written: number;
  total: number;
  cancelled: boolean;
  syncs: number;
  sheetNames: string[];
}

/**
 * Writes a month into the open workbook: Параметры and Итоги from the API's cells (Итоги's formulas
 * read Параметры and Задачи, so a changed parameter recalculates the pay), and Задачи in chunks.
 * Each sheet is one Excel table with a header row; the accountant's other sheets are not touched.
 */
export async function writeGradesMonth(data: MonthSheets, options: WriteMonthOptions): Promise<WriteMonthResult> {
  const chunkRows = options.chunkRows ?? TASK_CHUNK_ROWS;
  const maxBytes = options.maxBatchBytes ?? MAX_BATCH_BYTES;
  return excel().run(async (context) => {
    const sync = counter(context);
    const specs = [...data.sheets];
    const names = [...specs.map((s) => s.name), data.tasks.name];

    // Round trip 1: which of the month's sheets exist already.
    const existing = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    await sync.sync();

    // Round trip 2: the new sheets, Параметры and Итоги in full, Задачи's header.
    const created = replaceSheets(context, names, existing);
    specs.forEach((spec, i) => {
      const sheet = created[i];
      const width = spec.columns.length;
      writeBlock(sheet, blockAddress(1, width, 1), headerBlock(spec.columns));
      if (spec.rows.length > 0) writeBlock(sheet, blockAddress(2, width, spec.rows.length), cellsBlock(spec.rows, spec.columns));
      const table = sheet.tables.add(blockAddress(1, width, spec.rows.length + 1 < 2 ? 2 : spec.rows.length + 1), true);
      table.name = tableName(spec.key, data.month);
      setWidths(sheet, spec.columns);
      sheet.freezePanes.freezeRows(1);
    });
    const tasksSheet = created[created.length - 1];
    const tasksWidth = data.tasks.columns.length;
    writeBlock(tasksSheet, blockAddress(1, tasksWidth, 1), headerBlock(data.tasks.columns));
    setWidths(tasksSheet, data.tasks.columns);
    tasksSheet.freezePanes.freezeRows(1);
    await sync.sync();

    // Round trips 3…: the ledger, a chunk per sync; the next chunk is read while Excel writes this one.
    const total = Math.max(0, data.tasks.total);
    let written = 0;
    let cancelled = false;
    options.onProgress?.(0, total);
    const controller = new AbortController();
    const read = (skip: number) => options.fetchTasks(skip, chunkRows, controller.signal);
    let next: Promise<TaskChunk> | null = total > 0 ? read(0) : null;
    try {
      while (next) {
        const chunk = await next;
        next = null;
        const rows = chunk.rows ?? [];
        const after = written + rows.length;
        if (rows.length > 0 && after < total && !options.shouldStop?.()) next = read(after);
        for (const batch of splitBySize(rows, data.tasks.columns, chunkRows, maxBytes)) {
          writeBlock(tasksSheet, blockAddress(2 + written, tasksWidth, batch.length), rowsBlock(batch, data.tasks.columns));
          await sync.sync();
          written += batch.length;
          options.onProgress?.(written, total);
        }
        if (options.shouldStop?.() && written < total) {
          cancelled = true;
          break;
        }
      }
    } finally {
      if (next) {
        controller.abort();
        (next as Promise<TaskChunk>).catch(() => undefined);
      }
    }

    // Last round trip: the ledger becomes a table (over the rows written), and Итоги is shown.
    const ledger = tasksSheet.tables.add(blockAddress(1, tasksWidth, Math.max(written + 1, 2)), true);
    ledger.name = tableName(data.tasks.key, data.month);
    const summary = specs.findIndex((s) => /summary|итоги/i.test(s.key) || s.name.startsWith('Итоги'));
    created[summary >= 0 ? summary : 0].activate();
    await sync.sync();
    return { written, total, cancelled, syncs: sync.count, sheetNames: names };
  });
}

/** A table of plain rows for writeTablesSheet, with a totals row of SUBTOTAL(109, …) sums. */
export interface PlainTable {
  key: string;
  /** A title above the table (text), or none. */
  title?: string;
  columns: ApiColumn[];
  rows: CellValue[][];
  /** The totals row's label (first column) and the 0-based columns it sums. */
  totalsLabel: string;
  sumColumns: number[];
}

/** The totals row: the label as text, SUBTOTAL(109, …) over each summed column (it follows the filter). */
export function totalsBlock(table: PlainTable, firstDataRow: number, lastDataRow: number): Block {
  const width = table.columns.length;
  const numberFormat: string[] = [];
  const values: CellValue[] = [];
  const formulas: (string | null)[] = [];
  for (let c = 0; c < width; c++) {
    const letter = columnLetter(c + 1);
    if (table.sumColumns.includes(c)) {
      numberFormat.push(formulaFormat(null, table.columns[c].format));
      values.push(null);
      formulas.push(`=SUBTOTAL(109,${letter}${firstDataRow}:${letter}${lastDataRow})`);
    } else if (c === 0) {
      numberFormat.push(TEXT_FORMAT);
      values.push(table.totalsLabel);
      formulas.push(null);
    } else {
      numberFormat.push(GENERAL_FORMAT);
      values.push(null);
      formulas.push(null);
    }
  }
  return { numberFormat: [numberFormat], values: [values], formulas: [formulas] };
}

export interface WriteTablesResult {
  syncs: number;
  /** Where each table went: its header row and totals row. */
  placed: { key: string; headerRow: number; totalsRow: number }[];
}

/** Replaces the sheet `sheetName` with the tables, one below another, each with a totals row. One or two syncs. */
export async function writeTablesSheet(sheetName: string, tables: PlainTable[]): Promise<WriteTablesResult> {
  return excel().run(async (context) => {
    const sync = counter(context);
    const existing = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await sync.sync();
    const [sheet] = replaceSheets(context, [sheetName], [existing]);
    const placed: WriteTablesResult['placed'] = [];
    let row = 1;
    const widths: ApiColumn[] = [];
    for (const spec of tables) {
      const width = spec.columns.length;
      if (spec.title) {
        writeBlock(sheet, `A${row}`, { numberFormat: [[TEXT_FORMAT]], values: [[spec.title]], formulas: null });
        row += 1;
      }
      const headerRow = row;
      const dataRows = Math.max(spec.rows.length, 1);
      writeBlock(sheet, blockAddress(headerRow, width, 1), headerBlock(spec.columns));
      if (spec.rows.length > 0) writeBlock(sheet, blockAddress(headerRow + 1, width, spec.rows.length), rowsBlock(spec.rows, spec.columns));
      const table = sheet.tables.add(blockAddress(headerRow, width, dataRows + 1), true);
      table.name = `OfficeFlow_${spec.key}`.replace(/[^A-Za-z0-9_]/g, '_');
      table.showTotals = true;
      const totalsRow = headerRow + dataRows + 1;
      writeBlock(sheet, blockAddress(totalsRow, width, 1), totalsBlock(spec, headerRow + 1, headerRow + dataRows));
      spec.columns.forEach((c, i) => {
        if (!widths[i] || (c.width ?? 0) > (widths[i].width ?? 0)) widths[i] = c;
      });
      placed.push({ key: spec.key, headerRow, totalsRow });
      row = totalsRow + 3;
    }
    setWidths(sheet, widths);
    sheet.activate();
    await sync.sync();
    return { syncs: sync.count, placed };
  });
}
