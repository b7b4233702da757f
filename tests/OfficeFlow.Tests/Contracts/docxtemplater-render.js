// Renders a .docx with docxtemplater (paragraphLoop: true, linebreaks: true) for the compatibility tests.
// usage: node docxtemplater-render.js TEMPLATE.docx DATA.json OUT.docx
"use strict";
const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const [templatePath, dataPath, outPath] = process.argv.slice(2);
const doc = new Docxtemplater(new PizZip(fs.readFileSync(templatePath, "binary")), { paragraphLoop: true, linebreaks: true });
doc.render(JSON.parse(fs.readFileSync(dataPath, "utf8")));
fs.writeFileSync(outPath, doc.getZip().generate({ type: "nodebuffer" }));
