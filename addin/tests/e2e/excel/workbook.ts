// Puts what the pane wrote into the fake Excel into a real .xlsx (formulas without cached values),
// lets LibreOffice recalculate it (recalculation forced on load, as tests/OfficeFlow.Tests'
// LibreOfficeRecalc does) and reads a sheet back as CSV with raw (not formatted) values.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../harness/stack.mjs';

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  order: string[];
}

export interface RecordedSheet {
  name: string;
  cells: Record<string, FakeCell>;
}

const PizZip = createRequire(import.meta.url)(join(repoRoot, 'node_modules', 'pizzip')) as new () => {
  file(name: string, data: string): void;
  generate(options: { type: 'nodebuffer'; compression: 'DEFLATE' }): Buffer;
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const col = (ref: string) => [...(/^[A-Z]+/.exec(ref)![0])].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const row = (ref: string) => Number(/\d+$/.exec(ref)![0]);

function sheetXml(cells: Record<string, FakeCell>): string {
  const rows = new Map<number, [string, FakeCell][]>();
  for (const [ref, cell] of Object.entries(cells)) {
    if (cell.value === undefined && cell.formula === undefined) continue;
    const r = row(ref);
    rows.set(r, [...(rows.get(r) ?? []), [ref, cell]]);
  }
  const body = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, list]) => {
      const cs = list
        .sort((a, b) => col(a[0]) - col(b[0]))
        .map(([ref, c]) => {
          if (c.formula !== undefined) return `<c r="${ref}"><f>${esc(c.formula.replace(/^=/, ''))}</f></c>`;
          if (typeof c.value === 'number') return `<c r="${ref}"><v>${c.value}</v></c>`;
          if (typeof c.value === 'boolean') return `<c r="${ref}" t="b"><v>${c.value ? 1 : 0}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(String(c.value))}</t></is></c>`;
        })
        .join('');
      return `<row r="${r}">${cs}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** A minimal Open XML workbook: the sheets in the given order, no styles, no cached formula values. */
export function buildXlsx(sheets: RecordedSheet[]): Buffer {
  const zip = new PizZip();
  const ns = 'http://schemas.openxmlformats.org/';
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${ns}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><calcPr fullCalcOnLoad="1"/></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`);
  sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.cells)));
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const alwaysRecalculate = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

/** LibreOffice recalculates the workbook and writes its first sheet as CSV (raw values, UTF-8). */
export function recalculateFirstSheet(xlsx: Buffer): { rows: string[][]; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'officeflow-excel-e2e-'));
  const file = join(dir, 'month.xlsx');
  writeFileSync(file, xlsx);
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), alwaysRecalculate);
  const out = join(dir, 'out');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false', '--outdir', out, file], { stdio: 'pipe', timeout: 180_000 });
  const csv = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.csv'))!), 'utf8');
  return { rows: parseCsv(csv), file };
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let current: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      current.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      current.push(field);
      rows.push(current);
      current = [];
      field = '';
    } else field += ch;
  }
  if (field || current.length) {
    current.push(field);
    rows.push(current);
  }
  return rows;
}
