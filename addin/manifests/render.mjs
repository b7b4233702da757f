// Renders the manifest templates for one environment:
//   node manifests/render.mjs --env local [--base-url https://localhost:7443/addin] [--out dist/manifests]
//   node manifests/render.mjs --env production --base-url https://<static site> --out dist/manifests \
//     --api-base https://<function app>/api --tenant-id <tenant> --api-client-id <API app id> --addin-client-id <add-in app id>
// The templates are the only manifests in the repository; rendered copies are build output.
// With --api-base it also writes config.json beside the pages (one folder up from --out): how the
// deployed panes reach the API and sign in. Locally the app serves config.json itself.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    env: { type: 'string', default: 'local' },
    'base-url': { type: 'string' },
    out: { type: 'string', default: fileURLToPath(new URL('../dist/manifests', import.meta.url)) },
    version: { type: 'string', default: '1.0.0.0' },
    'api-base': { type: 'string' },
    'tenant-id': { type: 'string' },
    'api-client-id': { type: 'string' },
    'addin-client-id': { type: 'string' },
  },
});

/** The deployed panes' config.json: Entra ID sign-in (nested app auth) for the API's own scope. */
export function deployedConfig({ apiBase, tenantId, apiClientId, addinClientId }) {
  for (const [name, value] of Object.entries({ '--api-base': apiBase, '--tenant-id': tenantId, '--api-client-id': apiClientId, '--addin-client-id': addinClientId })) {
    if (!value) throw new Error(`${name} is required to write config.json`);
  }
  if (!/^https:\/\//.test(apiBase)) throw new Error(`--api-base must be an https URL; got "${apiBase}"`);
  return {
    apiBase: apiBase.replace(/\/+$/, ''),
    auth: { mode: 'EntraId', clientId: addinClientId, authority: `https://login.microsoftonline.com/${tenantId}`, scope: `api://${apiClientId}/access_as_user` },
  };
}

export async function render({ env, baseUrl, out, version }) {
  const environments = JSON.parse(await readFile(here + 'environments.json', 'utf8'));
  const settings = environments[env];
  if (!settings || env === '//') throw new Error(`Unknown environment "${env}"; known: ${Object.keys(environments).filter((k) => k !== '//').join(', ')}`);
  const base = (baseUrl ?? settings.baseUrl ?? '').replace(/\/+$/, '');
  if (!/^https:\/\/[^/]+/.test(base)) throw new Error(`--base-url must be an https URL (Office loads add-ins only over https); got "${base}"`);
  if (!/^\d+(\.\d+){0,3}$/.test(version)) throw new Error(`--version must look like 1.0.0.0; got "${version}"`);
  const values = {
    BASE_URL: escapeXml(base),
    APP_DOMAIN: escapeXml(new URL(base).origin),
    VERSION: version,
    NAME_SUFFIX: escapeXml(settings.nameSuffix ?? ''),
  };
  await mkdir(out, { recursive: true });
  const written = [];
  for (const file of (await readdir(here)).filter((f) => f.endsWith('.template.xml'))) {
    const host = file.replace('.template.xml', '');
    const template = await readFile(here + file, 'utf8');
    const xml = template.replace(/\{\{(\w+)\}\}/g, (m, key) => {
      const value = key === 'ID' ? settings[`${host}Id`] : values[key];
      if (value === undefined) throw new Error(`${file}: no value for ${m} in environment "${env}"`);
      return value;
    });
    const target = `${out}/${host}.xml`;
    await writeFile(target, xml);
    written.push(target);
  }
  return written;
}

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    for (const file of await render({ env: values.env, baseUrl: values['base-url'], out: values.out, version: values.version })) console.log(file);
    if (values['api-base']) {
      const config = deployedConfig({ apiBase: values['api-base'], tenantId: values['tenant-id'], apiClientId: values['api-client-id'], addinClientId: values['addin-client-id'] });
      const target = `${values.out.replace(/\/+$/, '')}/../config.json`;
      await writeFile(target, JSON.stringify(config, null, 2) + '\n');
      console.log(target);
    }
  } catch (error) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
}
