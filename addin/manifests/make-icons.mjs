// Renders public/icons/icon.svg to the 16, 32 and 80 px PNGs the manifests name (run once after
// changing the SVG; the PNGs are committed). Uses Debian's Chromium through playwright-core.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../public/icons/', import.meta.url));
const svg = await readFile(folder + 'icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const size of [16, 32, 64, 80, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `${folder}icon-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log('icons written to', folder);
