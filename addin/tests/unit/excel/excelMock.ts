// An Excel object model for unit tests, on office-addin-mock's OfficeMockObject: Excel.run, the
// request context with a counted sync(), worksheets (getItemOrNullObject, add, getItem), and
// worksheets, ranges and tables that record every write in order and keep the resulting cells.
import { OfficeMockObject } from 'office-addin-mock';

export interface Write {
  seq: number;
  sheet: string;
  address: string;
  property: 'numberFormat' | 'values' | 'formulas' | 'formulasLocal' | 'columnWidth';
  value: unknown;
}

export interface Cell {
  numberFormat?: string;
  value?: unknown;
  formula?: string;
  /** The properties in the order they were set. */
  order: string[];
}

export interface MockSheet {
  id: number;
  name: string;
  cells: Map<string, Cell>;
  tables: { address: string; hasHeaders: boolean; name?: string; showTotals?: boolean }[];
  frozenRows: number;
  widths: Map<string, number>;
}

export interface ExcelMock {
  Excel: unknown;
  sheets: MockSheet[];
  writes: Write[];
  events: string[];
  syncs: () => number;
  sheet: (name: string) => MockSheet;
  cell: (sheet: string, address: string) => Cell | undefined;
}

export function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function letters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B2:D5" → { c1: 2, r1: 2, c2: 4, r2: 5 }; "A1" too. */
export function parseAddress(address: string): { c1: number; r1: number; c2: number; r2: number } | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) return null;
  return { c1: columnNumber(m[1]), r1: +m[2], c2: columnNumber(m[3] ?? m[1]), r2: +(m[4] ?? m[2]) };
}

export function createExcelMock(initialSheets: string[] = ['Лист1']): ExcelMock {
  const sheets: MockSheet[] = [];
  const writes: Write[] = [];
  const events: string[] = [];
  let seq = 0;
  let syncCount = 0;
  let nextId = 1;

  const newSheet = (name: string): MockSheet => {
    const s: MockSheet = { id: nextId++, name, cells: new Map(), tables: [], frozenRows: 0, widths: new Map() };
    sheets.push(s);
    return s;
  };
  initialSheets.forEach(newSheet);

  const record = (s: MockSheet, address: string, property: Write['property'], value: unknown) => {
    writes.push({ seq: seq++, sheet: s.name, address, property, value });
    if (property === 'columnWidth') {
      s.widths.set(address, value as number);
      return;
    }
    const box = parseAddress(address);
    if (!box) throw new Error(`mock: unsupported address ${address}`);
    const grid = value as unknown[][];
    const rows = box.r2 - box.r1 + 1;
    const cols = box.c2 - box.c1 + 1;
    if (!Array.isArray(grid) || grid.length !== rows || grid.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new Error(`mock: ${property} of ${address} must be ${rows}×${cols}; got ${JSON.stringify(grid).slice(0, 200)}`);
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = grid[r][c];
        if (v === null || v === undefined) continue; // null leaves the cell unchanged, as in Excel
        const key = `${letters(box.c1 + c)}${box.r1 + r}`;
        const cell = s.cells.get(key) ?? { order: [] };
        if (property === 'numberFormat') cell.numberFormat = String(v);
        else if (property === 'values') {
          cell.value = v;
          delete cell.formula;
        } else {
          cell.formula = String(v);
          delete cell.value;
        }
        cell.order.push(property);
        s.cells.set(key, cell);
      }
    }
  };

  const rangeOf = (s: MockSheet, address: string) => {
    const range = {
      address,
      format: {} as Record<string, unknown>,
    } as Record<string, unknown>;
    for (const property of ['numberFormat', 'values', 'formulas', 'formulasLocal'] as const) {
      Object.defineProperty(range, property, {
        set: (v: unknown) => record(s, address, property, v),
        get: () => {
          throw new Error(`mock: ${property} read without load/sync`);
        },
      });
    }
    Object.defineProperty(range.format, 'columnWidth', { set: (v: unknown) => record(s, address, 'columnWidth', v) });
    return range;
  };

  const sheetProxy = (s: MockSheet) => ({
    isNullObject: false,
    get name() {
      return s.name;
    },
    set name(value: string) {
      events.push(`rename ${s.name} → ${value}`);
      if (sheets.some((o) => o !== s && o.name === value)) throw new Error(`mock: a sheet named ${value} exists`);
      s.name = value;
    },
    getRange: (address: string) => rangeOf(s, address),
    delete: () => {
      events.push(`delete ${s.name}`);
      if (sheets.length === 1) throw new Error('mock: a workbook must keep one sheet');
      sheets.splice(sheets.indexOf(s), 1);
    },
    activate: () => events.push(`activate ${s.name}`),
    freezePanes: { freezeRows: (n: number) => (s.frozenRows = n) },
    tables: {
      add: (address: string, hasHeaders: boolean) => {
        const table: MockSheet['tables'][number] = { address, hasHeaders };
        s.tables.push(table);
        events.push(`table ${s.name}!${address}`);
        return table;
      },
    },
  });

  const nullSheet = { isNullObject: true, delete: () => { throw new Error('mock: delete on a null object'); } };

  const data = {
    context: {
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => {
            const s = sheets.find((o) => o.name === name);
            return s ? sheetProxy(s) : nullSheet;
          },
          getItem: (name: string) => {
            const s = sheets.find((o) => o.name === name);
            if (!s) throw new Error(`mock: no sheet ${name}`);
            return sheetProxy(s);
          },
          add: (name: string) => {
            events.push(`add ${name}`);
            if (sheets.some((o) => o.name === name)) throw new Error(`mock: a sheet named ${name} exists`);
            return sheetProxy(newSheet(name));
          },
        },
      },
      sync: async () => {
        syncCount += 1;
      },
    },
    run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const Excel = new OfficeMockObject(data as never, 'excel' as never);

  return {
    Excel,
    sheets,
    writes,
    events,
    syncs: () => syncCount,
    sheet: (name) => {
      const s = sheets.find((o) => o.name === name);
      if (!s) throw new Error(`no sheet ${name} (have ${sheets.map((o) => o.name).join(', ')})`);
      return s;
    },
    cell: (sheet, address) => sheets.find((o) => o.name === sheet)?.cells.get(address),
  };
}
