// The «Договор» pane's logic, without React or Office: the form built from a template's field list,
// the POST /api/contracts body, the API's field errors placed at their fields, the preview amount,
// and which requisites typed here differ from the client card (the server saves them to it).
import type { ClientUpdateBody } from '../../api/types';

/** One field of GET /api/contract-templates (ContractFieldDto). */
export interface ContractField {
  name: string;
  /** value | list (a list or a condition) | inverted; "condition" is accepted too. */
  kind: string;
  formatters: string[];
  /** server | client | manager */
  filledBy: string;
  fields: ContractField[];
  /** The card's value of a client.* field (null when the card lacks it). */
  value?: string | null;
}

export interface ContractTemplate {
  id: string;
  title: string;
  fields: ContractField[];
}

export type InputKind = 'text' | 'number' | 'date';

/** A text input (a client requisite or a manager's value). */
export interface ValueControl {
  type: 'value';
  name: string;
  source: 'client' | 'manager';
  input: InputKind;
  required: boolean;
  /** The card's value, for client fields. */
  initial: string;
}

/** A list with sub-fields (items, a delivery schedule): a table of rows with + and −. */
export interface TableControl {
  type: 'table';
  name: string;
  columns: { name: string; input: InputKind; required: boolean }[];
  /** Server-marked sub-fields the server computes only for `items` (n, amount): filled here for other lists. */
  derived: string[];
  /** A list the document cannot do without (items: the total comes from them). */
  required: boolean;
}

/**
 * A section on a plain value printed inside itself ({#vat_note}{vat_note}{/vat_note}): an input, empty = hidden.
 * With `toggle` (vat_rate): a checkbox too — off sends null («НДС не облагается»), on and empty leaves the
 * field out so the server applies its default rate. A toggle's children (vat_note, printed in {^vat_rate})
 * are shown and sent only while it is off.
 */
export interface OptionalValueControl {
  type: 'optional';
  name: string;
  input: InputKind;
  toggle: boolean;
  children: FormControl[];
}

/** A condition ({#x}…{/x} without a list, or {^x}…{/x}): a checkbox. */
export interface FlagControl {
  type: 'flag';
  name: string;
  inverted: boolean;
  children: FormControl[];
}

export type FormControl = ValueControl | TableControl | OptionalValueControl | FlagControl;

export interface FormRow {
  /** React key; never sent. */
  key: string;
  cells: Record<string, string>;
}

export interface FormState {
  values: Record<string, string>;
  checks: Record<string, boolean>;
  rows: Record<string, FormRow[]>;
}

/** Fields the server fills when the request leaves them out, so the manager need not. */
const serverDefaults = new Set(['city']);
/** Client requisites a contract cannot be signed without (others, e.g. КПП of an ИП, may stay empty). */
const requiredClientFields = new Set(['name', 'inn', 'address', 'signatory_position', 'signatory_genitive', 'signatory_short', 'basis']);
/** Names that are numbers even without a number formatter in the template. */
const numericNames = new Set([
  'quantity', 'price', 'vat_rate', 'payment_day', 'payment_days', 'response_hours', 'delivery_days',
  'prepayment_percent', 'warranty_months',
]);
const dateFormatters = new Set(['date', 'date_ru', 'date_text']);
const numberFormatters = new Set(['money', 'number', 'words', 'count_words', 'vat', 'vat_in', 'with_vat']);

const isCondition = (f: ContractField) => f.kind === 'list' || f.kind === 'condition' || f.kind === 'inverted';

export function inputKindOf(field: ContractField): InputKind {
  const last = field.name.split('.').pop() ?? field.name;
  const formatters = field.formatters.map((f) => f.split(':')[0]);
  if (formatters.some((f) => dateFormatters.has(f)) || /(^|_)date$/.test(last)) return 'date';
  if (formatters.some((f) => numberFormatters.has(f)) || numericNames.has(last)) return 'number';
  return 'text';
}

/**
 * The form from the template's field list. Server fields are not shown. A section is read as:
 * a table when it has sub-fields the manager fills (items, schedule); an optional value when it prints
 * itself inside ({#vat_rate}{vat_rate}{/vat_rate}); otherwise a checkbox.
 */
export function buildFormModel(fields: ContractField[]): FormControl[] {
  const seen = new Set<string>();
  return controlsOf(fields, seen, false);
}

function controlsOf(fields: ContractField[], seen: Set<string>, nested: boolean): FormControl[] {
  const result: FormControl[] = [];
  for (const field of fields) {
    if (field.filledBy === 'server' || field.name === '.' || seen.has(field.name)) continue;
    seen.add(field.name);
    if (!isCondition(field)) {
      const source = field.filledBy === 'client' ? 'client' : 'manager';
      const key = field.name.replace(/^client\./, '');
      result.push({
        type: 'value',
        name: field.name,
        source,
        input: inputKindOf(field),
        required: source === 'client' ? requiredClientFields.has(key) : !nested && !serverDefaults.has(field.name),
        initial: source === 'client' ? (field.value ?? '') : '',
      });
      continue;
    }
    const self = field.fields.find((f) => f.name === field.name);
    const others = field.fields.filter((f) => f.name !== field.name);
    if (self && field.name.startsWith('client.')) {
      // A client requisite printed only when the client has it ({#client.kpp} / КПП {client.kpp}{/client.kpp}): it is a
      // requisite like the others — in the client's section, pre-filled from the card, sent in `client` (where the
      // document reads it), never a field of its own that the document ignores.
      result.push({
        type: 'value',
        name: field.name,
        source: 'client',
        input: inputKindOf(self),
        required: false,
        initial: field.value ?? self.value ?? '',
      });
      result.push(...controlsOf(others, seen, true));
      continue;
    }
    if (self) {
      result.push({ type: 'optional', name: field.name, input: inputKindOf(self), toggle: field.name === 'vat_rate', children: controlsOf(others, seen, true) });
      continue;
    }
    const manager = field.fields.filter((f) => f.filledBy !== 'server' && f.name !== '.');
    if (field.kind !== 'inverted' && manager.length > 0 && manager.every((f) => !isCondition(f))) {
      result.push({
        type: 'table',
        name: field.name,
        columns: manager.map((f) => ({ name: f.name, input: inputKindOf(f), required: true })),
        derived: field.name === 'items' ? [] : field.fields.filter((f) => f.filledBy === 'server').map((f) => f.name),
        required: field.name === 'items',
      });
      continue;
    }
    result.push({ type: 'flag', name: field.name, inverted: field.kind === 'inverted', children: controlsOf(field.fields, seen, true) });
  }
  return result;
}

let rowCounter = 0;
export function newRow(control: TableControl): FormRow {
  rowCounter += 1;
  return { key: `row-${rowCounter}`, cells: Object.fromEntries(control.columns.map((c) => [c.name, ''])) };
}

/** Client fields pre-filled from the card, the manager's empty, one empty row per table, VAT on (server's rate). */
export function initialState(controls: FormControl[]): FormState {
  const state: FormState = { values: {}, checks: {}, rows: {} };
  for (const c of walk(controls)) {
    if (c.type === 'value') state.values[c.name] = c.initial;
    else if (c.type === 'table') state.rows[c.name] = [newRow(c)];
    else if (c.type === 'optional') {
      state.checks[c.name] = c.toggle;
      state.values[c.name] = '';
    } else state.checks[c.name] = false;
  }
  return state;
}

/** Every control, nested ones too. */
export function* walk(controls: FormControl[]): Generator<FormControl> {
  for (const c of controls) {
    yield c;
    if (c.type === 'optional' || c.type === 'flag') yield* walk(c.children);
  }
}

/** «1 500,50» / "1500.5" → 1500.5; null when it is not a number. */
export function parseNumber(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  return Number(clean);
}

const roundKopecks = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

/** A typed value as JSON: numbers as numbers when they parse (else the text, and the API says what is wrong). */
function jsonValue(text: string, input: InputKind): string | number {
  const trimmed = text.trim();
  if (input === 'number') {
    const n = parseNumber(trimmed);
    return n ?? trimmed;
  }
  return trimmed;
}

export interface ContractRequestBody {
  templateId: string;
  clientId: string;
  requestId: string;
  /** client.* requisites as typed: they complete or override the card (ContractRequest.Client). */
  client: Record<string, string>;
  /** The manager's fields; items with name, unit, quantity, price (the server adds n, amount, total, VAT). */
  fields: Record<string, unknown>;
}

/** The body of POST /api/contracts. */
export function buildRequest(templateId: string, clientId: string, requestId: string, controls: FormControl[], state: FormState): ContractRequestBody {
  const client: Record<string, string> = {};
  const fields: Record<string, unknown> = {};
  const put = (list: FormControl[]) => {
    for (const c of list) {
      if (c.type === 'value') {
        const text = state.values[c.name] ?? '';
        if (c.source === 'client') {
          // Sent even when empty, so a requisite the client has not (КПП of an ИП) prints blank instead of failing.
          client[c.name.replace(/^client\./, '')] = text.trim();
        } else if (text.trim() !== '' || c.required) {
          fields[c.name] = jsonValue(text, c.input);
        }
      } else if (c.type === 'table') {
        const rows = (state.rows[c.name] ?? []).filter((r) => Object.values(r.cells).some((v) => v.trim() !== ''));
        fields[c.name] = rows.map((r, i) => {
          const line: Record<string, unknown> = {};
          for (const col of c.columns) line[col.name] = jsonValue(r.cells[col.name] ?? '', col.input);
          if (c.derived.includes('n')) line.n = i + 1;
          if (c.derived.includes('amount')) {
            const amount = lineAmount(r.cells);
            if (amount !== null) line.amount = amount;
          }
          return line;
        });
      } else if (c.type === 'optional') {
        const text = (state.values[c.name] ?? '').trim();
        if (c.toggle && !state.checks[c.name]) {
          fields[c.name] = null; // vat_rate: null prints «НДС не облагается»
        } else if (text !== '') {
          fields[c.name] = jsonValue(text, c.input);
        } else if (!c.toggle) {
          fields[c.name] = null; // empty: the block is not printed
        } // vat_rate on and empty: left out, so the server applies Contracts:DefaultVatRate
        // A toggle's children (vat_note) are printed only in {^vat_rate}: sent only with VAT off.
        if (!c.toggle || !state.checks[c.name]) put(c.children);
      } else {
        // {^x}: the checkbox says "x is set", which hides the block; {#x}: shows it.
        fields[c.name] = !!state.checks[c.name];
        if (state.checks[c.name] !== c.inverted) put(c.children);
      }
    }
  };
  put(controls);
  return { templateId, clientId, requestId, client, fields };
}

function lineAmount(cells: Record<string, string>): number | null {
  const q = parseNumber(cells.quantity ?? '');
  const p = parseNumber(cells.price ?? '');
  return q === null || p === null ? null : roundKopecks(q * p);
}

/**
 * The amount of the preview line. With an items list: Σ round(quantity × price, 2), as the server
 * computes `total` (prices include VAT). Without one: the first manager's field printed as money
 * (money/words formatter). null when the form holds no amount.
 */
export function amountOf(controls: FormControl[], state: FormState, fields: ContractField[] = []): number | null {
  const items = [...walk(controls)].find((c): c is TableControl => c.type === 'table' && c.name === 'items');
  if (items) {
    const rows = state.rows.items ?? [];
    let total = 0;
    let any = false;
    for (const r of rows) {
      const amount = lineAmount(r.cells);
      if (amount !== null) {
        total += amount;
        any = true;
      }
    }
    return any ? roundKopecks(total) : null;
  }
  const money = fields.find((f) => f.filledBy === 'manager' && f.kind === 'value' && f.formatters.some((x) => x === 'money' || x === 'words'));
  if (money) return parseNumber(state.values[money.name] ?? '');
  return null;
}

export type FieldErrors = Record<string, string[]>;

/** Blank required fields, checked before the request (the API would say the same, after a round trip). */
export function missingFields(controls: FormControl[], state: FormState, message: string, emptyTable: string): FieldErrors {
  const errors: FieldErrors = {};
  const check = (list: FormControl[]) => {
    for (const c of list) {
      if (c.type === 'value' && c.required && (state.values[c.name] ?? '').trim() === '') errors[c.name] = [message];
      if (c.type === 'table') {
        const rows = (state.rows[c.name] ?? []).filter((r) => Object.values(r.cells).some((v) => v.trim() !== ''));
        if (c.required && rows.length === 0) errors[c.name] = [emptyTable];
        (state.rows[c.name] ?? []).forEach((r, i) => {
          if (!Object.values(r.cells).some((v) => v.trim() !== '')) return;
          for (const col of c.columns) {
            if (col.required && (r.cells[col.name] ?? '').trim() === '') errors[`${c.name}[${i}].${col.name}`] = [message];
          }
        });
      }
      if (c.type === 'optional' || c.type === 'flag') {
        /* optional values and conditions are never required */
      }
    }
  };
  check(controls);
  return errors;
}

export interface PlacedErrors {
  /** By control name (a table's own errors under its name), or `items[0]` / `items[0].price` for a row. */
  fields: FieldErrors;
  /** Messages no field of the form shows: for the error bar. */
  unmatched: string[];
}

/**
 * The API's ValidationProblem errors at the form's fields. Keys arrive as ApiError normalised them:
 * `fields.items[0]`, `fields.vat_rate`, `fields.client.inn`, `client.inn`, `clientId`, and `fields`
 * (the dry run's list: «Не заполнено поле «territory».», which names the field in «»).
 * Row indexes are of the rows sent (blank rows are not sent), mapped back to the form's rows.
 */
export function placeErrors(errors: Record<string, string[]>, controls: FormControl[], state?: FormState): PlacedErrors {
  const all = [...walk(controls)];
  const names = new Set(all.map((c) => c.name));
  const tables = all.filter((c): c is TableControl => c.type === 'table');
  const placed: FieldErrors = {};
  const unmatched: string[] = [];
  const add = (key: string, message: string) => (placed[key] = [...(placed[key] ?? []), message]);

  const resolve = (path: string): string | null => {
    const bare = path.replace(/^fields\./, '');
    if (names.has(bare)) return bare;
    const row = /^([\w.]+)\[(\d+)\](?:\.(\w+))?$/.exec(bare);
    if (row && names.has(row[1])) {
      const index = formRowIndex(row[1], Number(row[2]), state);
      return `${row[1]}[${index}]${row[3] ? '.' + row[3] : ''}`;
    }
    // A sub-field of a list named alone («Не заполнено поле «unit».»): the table shows it.
    const table = tables.find((t) => t.columns.some((c) => c.name === bare));
    return table ? table.name : null;
  };

  for (const [key, messages] of Object.entries(errors)) {
    for (const message of messages) {
      const named = key === 'fields' ? /«([^»]+)»/.exec(message)?.[1] : undefined;
      const target = resolve(named ?? key);
      if (target) add(target, message);
      else unmatched.push(message);
    }
  }
  return { fields: placed, unmatched };
}

/** The i-th row sent is the i-th non-blank row of the form. */
function formRowIndex(table: string, sentIndex: number, state?: FormState): number {
  const rows = state?.rows[table];
  if (!rows) return sentIndex;
  let seen = -1;
  for (let i = 0; i < rows.length; i++) {
    if (Object.values(rows[i].cells).some((v) => v.trim() !== '')) seen += 1;
    if (seen === sentIndex) return i;
  }
  return sentIndex;
}

/** The template's client.* keys the server saves to the card's fields with the contract (Contacts/Editing/ContractRequisitesWriter.cs). */
const cardFieldOf: Record<string, keyof ClientUpdateBody> = {
  inn: 'inn',
  kpp: 'kpp',
  ogrn: 'ogrn',
  address: 'address',
  bank: 'bankName',
  bik: 'bik',
  account: 'settlementAccount',
  corr_account: 'correspondentAccount',
  signatory_name: 'signatoryName',
  signatory_position: 'signatoryPosition',
  basis: 'signatoryBasis',
};

/**
 * The requisites typed in the form that differ from the card (template key → new value). Only those
 * the card stores as typed; client.name (the card keeps it without the legal form), signatory_short
 * and signatory_genitive (derived or not on the card) are not saved.
 */
export function changedRequisites(controls: FormControl[], state: FormState, baseline: Record<string, string>): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const c of walk(controls)) {
    if (c.type !== 'value' || c.source !== 'client') continue;
    const key = c.name.replace(/^client\./, '');
    if (!(key in cardFieldOf)) continue;
    const now = (state.values[c.name] ?? '').trim();
    if (now !== (baseline[c.name] ?? '').trim()) changed[key] = now;
  }
  return changed;
}

/** The client fields' values as the card gave them, to compare the form with. */
export function baselineOf(controls: FormControl[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const c of walk(controls)) if (c.type === 'value' && c.source === 'client') result[c.name] = c.initial;
  return result;
}

