// @vitest-environment node
// The manifests Office reads: rendered per environment from the one template per host, valid
// against Microsoft's XSDs (xmllint), with the buttons, words and URLs the manager sees.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module scripts without types
import { deployedConfig, render } from '../../../manifests/render.mjs';
// @ts-expect-error plain ES module scripts without types
import { validate } from '../../../manifests/validate.mjs';

const addin = join(__dirname, '..', '..', '..');

async function rendered(env: string, baseUrl?: string): Promise<Record<string, string>> {
  const out = mkdtempSync(join(tmpdir(), 'manifests-'));
  const files: string[] = await render({ env, baseUrl, out, version: '1.0.0.0' });
  return Object.fromEntries(files.map((f) => [f.split('/').pop()!.replace('.xml', ''), f]));
}

describe('manifests', () => {
  it('renders valid manifests for the local and the deployed environment', async () => {
    const local = await rendered('local');
    const production = await rendered('production', 'https://addin.officeflow.example/');
    const results = validate([...Object.values(local), ...Object.values(production)]);
    for (const r of results) expect(r.output, r.file).toBe('');
    expect(results.every((r: { valid: boolean }) => r.valid)).toBe(true);
    expect(readFileSync(production.outlook, 'utf8')).toContain('<bt:Url id="Client.Url" DefaultValue="https://addin.officeflow.example/client.html"/>');
  });

  it('is refused by the XSDs when it is broken (the check can fail)', async () => {
    const local = await rendered('local');
    const broken = readFileSync(local.outlook, 'utf8').replace(/<Id>[^<]+<\/Id>/, '');
    const file = join(mkdtempSync(join(tmpdir(), 'broken-')), 'outlook.xml');
    writeFileSync(file, broken);
    const [result] = validate([file]);
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/Id/);
  });

  it('puts the six Russian buttons on the message-read ribbon, «Клиент» pinnable, «Записать контакт» a function', async () => {
    const xml = readFileSync((await rendered('local')).outlook, 'utf8');
    expect(xml).toContain('xsi:type="MailApp"');
    expect(xml).toContain('<ExtensionPoint xsi:type="MessageReadCommandSurface">');
    for (const label of ['Записать контакт', 'Клиент', 'Договор', 'Счёт', 'Задача', 'Реквизиты фирмы']) expect(xml).toContain(`DefaultValue="${label}"`);
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>logContact<\/FunctionName>/);
    expect(xml).toMatch(/<SourceLocation resid="Client.Url"\/>\s*<SupportsPinning>true<\/SupportsPinning>/);
    expect(xml).not.toMatch(/\{\{\w+\}\}/);
  });

  it('points every URL at the environment, and every icon it names ships in the repository', async () => {
    const xml = readFileSync((await rendered('local')).outlook, 'utf8');
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith('https://localhost:7443/addin/')).toBe(true);
    for (const icon of urls.filter((u) => u.includes('/icons/'))) {
      expect(existsSync(join(addin, 'public', 'icons', icon.split('/icons/')[1])), icon).toBe(true);
    }
    for (const page of urls.filter((u) => u.endsWith('.html'))) {
      expect(existsSync(join(addin, page.split('/addin/')[1])), page).toBe(true);
    }
  });

  it('refuses a base URL that is not https, and keeps no rendered copy in the repository', async () => {
    await expect(rendered('production', 'http://plain.example')).rejects.toThrow(/https/);
    await expect(rendered('production')).rejects.toThrow(/base-url/);
    expect(readdirSync(join(addin, 'manifests')).filter((f) => f.endsWith('.xml') && !f.endsWith('.template.xml'))).toEqual([]);
  });

  it('writes the deployed panes’ config: the API’s own scope for nested app auth, never a development sign-in', () => {
    expect(deployedConfig({ apiBase: 'https://officeflow-x.azurewebsites.net/api/', tenantId: 'contoso.onmicrosoft.com', apiClientId: '1111', addinClientId: '2222' })).toEqual({
      apiBase: 'https://officeflow-x.azurewebsites.net/api',
      auth: { mode: 'EntraId', clientId: '2222', authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com', scope: 'api://1111/access_as_user' },
    });
    expect(() => deployedConfig({ apiBase: 'https://a/api', tenantId: 't', apiClientId: '', addinClientId: 'c' })).toThrow(/--api-client-id/);
  });
});

describe('Excel manifest', () => {
  it('is a valid TaskPaneApp for workbooks with its own id per environment', async () => {
    const local = await rendered('local');
    const production = await rendered('production', 'https://addin.officeflow.example/');
    expect(local.excel).toBeDefined();
    const results = validate([local.excel, production.excel]);
    for (const r of results) expect(r.output, r.file).toBe('');
    const environments = JSON.parse(readFileSync(join(addin, 'manifests', 'environments.json'), 'utf8'));
    const xml = readFileSync(local.excel, 'utf8');
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain(`<Id>${environments.local.excelId}</Id>`);
    expect(readFileSync(production.excel, 'utf8')).toContain(`<Id>${environments.production.excelId}</Id>`);
    expect(environments.local.excelId).not.toBe(environments.local.outlookId);
    expect(xml).toContain('<DefaultLocale>ru-RU</DefaultLocale>');
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(xml).not.toMatch(/\{\{\w+\}\}/);
  });

  it('puts the group «OfficeFlow» with «Оценки за месяц» and «Счета» on the Home tab, in Russian with English overrides', async () => {
    const xml = readFileSync((await rendered('local')).excel, 'utf8');
    expect(xml).toMatch(/<ExtensionPoint xsi:type="PrimaryCommandSurface">\s*<OfficeTab id="TabHome">\s*<Group id="[^"]+">\s*<Label resid="Group.Label"\/>/);
    expect(xml).toContain('<bt:String id="Group.Label" DefaultValue="OfficeFlow"/>');
    expect(xml).toMatch(/<bt:String id="Grades.Label" DefaultValue="Оценки за месяц">\s*<bt:Override Locale="en-US" Value="[^"]+"\/>/);
    expect(xml).toMatch(/<bt:String id="Invoices.Label" DefaultValue="Счета">\s*<bt:Override Locale="en-US" Value="[^"]+"\/>/);
    const buttons = [...xml.matchAll(/<Control xsi:type="Button" id="([^"]+)">[\s\S]*?<SourceLocation resid="([^"]+)"\/>/g)].map((m) => m[2]);
    expect(buttons).toEqual(['Grades.Url', 'Invoices.Url']);
    expect(xml).toContain('<bt:Url id="Grades.Url" DefaultValue="https://localhost:7443/addin/grades.html"/>');
    expect(xml).toContain('<bt:Url id="Invoices.Url" DefaultValue="https://localhost:7443/addin/invoices.html"/>');
    // Every long and short string but the brand has an English override.
    const strings = [...xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="[^"]*"(\/?)>/g)];
    for (const [, id, selfClosing] of strings) if (id !== 'Group.Label') expect(selfClosing, id).toBe('');
  });

  it('points every URL at the environment, at pages and icons that exist', async () => {
    const xml = readFileSync((await rendered('production', 'https://addin.officeflow.example')).excel, 'utf8');
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(6);
    for (const url of urls) expect(url.startsWith('https://addin.officeflow.example/'), url).toBe(true);
    for (const icon of urls.filter((u) => u.includes('/icons/'))) expect(existsSync(join(addin, 'public', 'icons', icon.split('/icons/')[1])), icon).toBe(true);
    for (const page of urls.filter((u) => u.endsWith('.html'))) expect(existsSync(join(addin, page.split('example/')[1])), page).toBe(true);
    expect(xml).toContain('<AppDomain>https://addin.officeflow.example</AppDomain>');
  });

  it('is refused by the XSDs without its command surface host type (the check can fail)', async () => {
    const local = await rendered('local');
    const broken = readFileSync(local.excel, 'utf8').replace('<Host xsi:type="Workbook">', '<Host xsi:type="Spreadsheet">');
    const file = join(mkdtempSync(join(tmpdir(), 'broken-')), 'excel.xml');
    writeFileSync(file, broken);
    const [result] = validate([file]);
    expect(result.valid).toBe(false);
  });
});
