// Baseline for the "contracts" benchmark: renders the same .docx with docxtemplater 3.71.0 + pizzip 3.3.0
// (paragraphLoop: true), the way a Node service would: unzip, compile, render, zip, per contract.
// usage: node docxtemplater-baseline.js TEMPLATE.docx DATA.json COUNT WARMUP  → prints one JSON line of figures.
"use strict";
const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");

const [templatePath, dataPath, countText, warmupText] = process.argv.slice(2);
const template = fs.readFileSync(templatePath, "binary");
const data = JSON.parse(fs.readFileSync(dataPath, "utf8"));
const count = Number(countText);
const warmup = Number(warmupText);

function renderOnce() {
  const zip = new PizZip(template);
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

let size = 0;
for (let i = 0; i < warmup; i++) size = renderOnce().length;

const times = new Float64Array(count);
let peakRss = process.memoryUsage().rss;
const started = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  const t0 = process.hrtime.bigint();
  renderOnce();
  times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  if ((i & 63) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
times.sort();
const pick = (q) => times[Math.min(count - 1, Math.floor(q * count))];
console.log(JSON.stringify({
  count, totalMs, perSecond: count / (totalMs / 1000), p50Ms: pick(0.5), p99Ms: pick(0.99),
  peakRssMb: Math.max(peakRss, process.memoryUsage().rss) / 1048576, outputBytes: size,
}));
