#!/usr/bin/env node
// The add-in's budgets, measured (prints figures, asserts nothing):
//   - each pane's first meaningful content after navigation (median of 5), target 1 s;
//   - «Записать контакт» from the click (invokeCommand) to the notification (median of 10), target 1 s;
//   - each pane's JS + CSS, gzip, target 300 KB.
// It starts the same stack as the end-to-end tests (tests/e2e/harness/stack.mjs: vite build, dotnet
// build, Azurite in memory, the app in standalone Development mode) and stops it at the end.
//
//   node tests/benchmarks/run.mjs            (from addin/; `npm run bench`)
//   OFFICEFLOW_E2E_SKIP_BUILD=1 OFFICEFLOW_E2E_SKIP_DOTNET_BUILD=1 node tests/benchmarks/run.mjs   (reuse the builds)
//   node tests/benchmarks/run.mjs --sizes    (only the bundle sizes; needs addin/dist, starts nothing)
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { devToken, errorsOf, invokeCommand, launchBrowser, openPane, waitForCommand } from '../e2e/harness/browser.mjs';
import { addinDir, buildAddin, startStack } from '../e2e/harness/stack.mjs';

const panes = ['client', 'contract', 'invoice', 'task', 'commands'];
const firstContentRuns = 5;
const commandRuns = 10;
const targets = { firstContentMs: 1000, commandMs: 1000, gzipKb: 300 };
const dist = join(addinDir, 'dist');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---- sizes ----------------------------------------------------------------------------------------

/** The files a pane's HTML loads up front: module scripts, modulepreloads and stylesheets (local only). */
function paneAssets(pane) {
  const htmlPath = join(dist, `${pane}.html`);
  const html = readFileSync(htmlPath, 'utf8');
  const refs = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const rel = /\brel\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
    if (!isScript && rel !== 'stylesheet' && rel !== 'modulepreload') continue;
    const url = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (!url || /^(https?:)?\/\//i.test(url) || url.startsWith('data:')) continue;
    refs.add(resolve(dirname(htmlPath), url.replace(/^\//, './')));
  }
  return [...refs];
}

function gzipSize(file) {
  return gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }).length;
}

/** Everything the up-front files can pull in later: "./x.js" / "./x.css" references in the chunks (dynamic imports, Vite's preload lists), recursively. */
function reachable(files) {
  const seen = new Set(files);
  const queue = [...files];
  while (queue.length) {
    const file = queue.pop();
    if (!file.endsWith('.js')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/["'`](\.\.?\/[^"'`\s]+\.(?:js|css))["'`]/g)) {
      const target = resolve(dirname(file), match[1]);
      if (!seen.has(target) && existsSync(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

function sizes() {
  return panes.map((pane) => {
    const files = paneAssets(pane);
    const missing = files.filter((f) => !existsSync(f));
    if (missing.length) throw new Error(`${pane}.html refers to missing files: ${missing.join(', ')}`);
    const js = files.filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipSize(f), 0);
    const css = files.filter((f) => f.endsWith('.css')).reduce((s, f) => s + gzipSize(f), 0);
    const all = reachable(files).reduce((s, f) => s + gzipSize(f), 0);
    return { pane, files: files.length, jsKb: js / 1024, cssKb: css / 1024, totalKb: (js + css) / 1024, withLazyKb: all / 1024 };
  });
}

// ---- timings --------------------------------------------------------------------------------------

/** Per pane, the elements it renders once its data has arrived (the first one present counts). */
const contentSelectors = {
  client: ['client-header', 'unknown-sender'],
  contract: ['template-picker', 'contract-form'],
  invoice: ['invoice-list', 'invoice-empty'],
  task: ['my-month', 'task-search'],
  commands: ['paste-form'],
};

/**
 * In the page, polled every frame: the pane's content element (above), or an error bar. Until a pane
 * renders such ids, any other [data-testid] with text, then `main` having text (not «Загрузка…»).
 * The answer is performance.now(), i.e. milliseconds since the navigation started.
 */
function firstContent(ids) {
  for (const id of ids) {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (el?.textContent?.trim()) return { at: performance.now(), by: id };
  }
  const error = document.querySelector('[data-testid="error"]');
  if (error) return { at: performance.now(), by: 'error', error: error.textContent };
  window.__firstOther ??= {};
  const ignore = /loading|skeleton|spinner|signin|outside-office|-pane$|search/i;
  for (const el of document.querySelectorAll('[data-testid]')) {
    const id = el.getAttribute('data-testid') ?? '';
    if (!ignore.test(id) && el.textContent?.trim()) window.__firstOther[id] ??= performance.now();
  }
  const text = document.querySelector('main')?.textContent?.trim() ?? '';
  if (text && !/^(Загрузка|Loading)/i.test(text)) window.__firstOther.main ??= performance.now();
  // Give the pane's own content 3 s more before settling for the first other element with text.
  const others = Object.entries(window.__firstOther).sort((a, b) => a[1] - b[1]);
  if (others.length && performance.now() - others[0][1] > 3000) return { at: others[0][1], by: `${others[0][0]} (fallback)` };
  return null;
}

async function measureFirstContent(browser, base, token, item) {
  const results = [];
  for (const pane of panes) {
    const times = [];
    let by = '';
    for (let i = 0; i < firstContentRuns; i++) {
      // commands.html shows UI only outside Office (the paste page); the panes run in Outlook.
      const page = await openPane(browser, pane, { base, width: 350, token, host: pane === 'commands' ? 'none' : 'Outlook', item, waitUntil: 'commit' });
      try {
        const handle = await page.waitForFunction(firstContent, contentSelectors[pane], { polling: 'raf', timeout: 15_000 });
        const found = await handle.jsonValue();
        if (found.error) console.error(`${pane}: the pane showed an error: ${found.error}`);
        times.push(found.at);
        by = found.by;
      } catch (error) {
        console.error(`${pane}: no content within 15 s (${error.message.split('\n')[0]}) ${errorsOf(page).join('; ')}`);
      } finally {
        await page.context().close();
      }
    }
    results.push({ pane, medianMs: times.length ? median(times) : NaN, minMs: Math.min(...times), maxMs: Math.max(...times), runs: times.length, by });
  }
  return results;
}

async function measureLogContact(browser, base, token, newItem) {
  const page = await openPane(browser, 'commands', { base, token, host: 'Outlook', item: newItem() });
  const times = [];
  const messages = [];
  try {
    await waitForCommand(page, 'logContact');
    for (let i = 0; i < commandRuns; i++) {
      if (i > 0) await page.evaluate((item) => window.__officeFake.setItem(item), newItem());
      const before = await page.evaluate(() => window.__officeFake.calls.length);
      await invokeCommand(page, 'logContact');
      const timing = await page.evaluate((from) => {
        const calls = window.__officeFake.calls.slice(from);
        const start = calls.find((c) => c.name === 'test.invokeCommand');
        const note = calls.find((c) => c.name === 'notificationMessages.replaceAsync');
        return start && note ? { ms: note.at - start.at, message: note.args[1].message } : null;
      }, before);
      if (!timing) throw new Error('the command set no notification');
      times.push(timing.ms);
      messages.push(timing.message);
    }
  } finally {
    await page.context().close();
  }
  return { medianMs: median(times), firstMs: times[0], minMs: Math.min(...times), maxMs: Math.max(...times), messages };
}

// ---- report ---------------------------------------------------------------------------------------

const fmtMs = (ms) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : '—');
const verdict = (value, target) => (Number.isFinite(value) ? (value <= target ? 'within' : 'OVER') : '—');

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[columns.indexOf(c)]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main() {
  const onlySizes = process.argv.includes('--sizes');
  let stack = null;
  let browser = null;
  try {
    let timings = null;
    let command = null;
    if (onlySizes) {
      if (process.env.OFFICEFLOW_E2E_SKIP_BUILD !== '1') buildAddin((l) => console.error(l));
    } else {
      stack = await startStack({ log: (line) => console.error(line) });
      const { licenceRequest } = await loadMessages();
      const token = await devToken(stack.baseUrl, 'kuznetsova', ['manager'], 'Мария Кузнецова');
      browser = await launchBrowser();
      // The sender is logged once first, so that the client pane has a client to show.
      command = await measureLogContact(browser, stack.baseUrl, token, () => licenceRequest());
      timings = await measureFirstContent(browser, stack.baseUrl, token, licenceRequest());
    }
    const size = sizes();

    console.log('\nOfficeFlow add-in benchmarks' + (stack ? ` (app ${stack.baseUrl}, headless Chromium, 350 px)` : ''));
    const rows = panes.map((pane) => {
      const t = timings?.find((r) => r.pane === pane);
      const s = size.find((r) => r.pane === pane);
      return [
        pane,
        t ? fmtMs(t.medianMs) : '—',
        t ? `${fmtMs(t.minMs)}–${fmtMs(t.maxMs)}` : '—',
        t ? verdict(t.medianMs, targets.firstContentMs) : '—',
        t?.by ?? '—',
        `${s.totalKb.toFixed(1)} KB`,
        `${s.jsKb.toFixed(1)} / ${s.cssKb.toFixed(1)}`,
        verdict(s.totalKb, targets.gzipKb),
        `${s.withLazyKb.toFixed(1)} KB`,
      ];
    });
    console.log(
      '\n' +
        table(rows, [
          'pane',
          `first content (median of ${firstContentRuns}; target ${targets.firstContentMs / 1000} s)`,
          'min–max',
          '',
          'measured by',
          `JS+CSS gzip (target ${targets.gzipKb} KB)`,
          'JS / CSS KB',
          '',
          'with lazy chunks',
        ]),
    );
    if (command) {
      console.log(
        `\nLog contact, invokeCommand → notification: median ${fmtMs(command.medianMs)} of ${commandRuns} (first ${fmtMs(command.firstMs)}, ` +
          `min ${fmtMs(command.minMs)}, max ${fmtMs(command.maxMs)}); target ${targets.commandMs / 1000} s: ${verdict(command.medianMs, targets.commandMs)}`,
      );
      console.log(`  first notification: ${command.messages[0]}\n  last notification:  ${command.messages.at(-1)}`);
    }
    console.log('\nJS+CSS gzip counts what each page loads up front (its script, modulepreloads, stylesheets; gzip -9 per file).\n' +
      '"with lazy chunks" adds every chunk those files can import later (e.g. the paste page, MSAL for Entra ID sign-in).');
  } finally {
    await browser?.close();
    await stack?.stop();
  }
}

/** The e2e fixture (tests/e2e/harness/messages.ts), compiled on the fly with Vite's esbuild: one source for both. */
async function loadMessages() {
  const path = join(addinDir, 'tests', 'e2e', 'harness', 'messages.ts');
  const { transformWithEsbuild } = await import('vite');
  const { code } = await transformWithEsbuild(readFileSync(path, 'utf8'), path, { loader: 'ts', format: 'esm' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
});
