// Validates JSON files against a JSON schema with ajv, offline, read as JSON Schema draft-07.
// usage: node scripts/validate-json-schema.mjs SCHEMA FILE...
// The Azure Functions function.json schema declares draft-04 but uses draft-06 keywords (const),
// so its "$schema" is dropped and it is read as draft-07, as schemas/azure-functions/README.md says.
// Prints one line per file ("ok FILE" or "invalid FILE: ...") and exits 1 when any file is invalid.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv = require("ajv");

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error("usage: node scripts/validate-json-schema.mjs SCHEMA FILE...");
  process.exit(2);
}

const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
delete schema.$schema;
if (schema.id !== undefined && schema.$id === undefined) {
  schema.$id = schema.id; // draft-04 spelling of the schema's own id
}
delete schema.id;
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(schema);

let failed = false;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    console.log(`invalid ${file}: not JSON (${e.message})`);
    failed = true;
    continue;
  }
  if (validate(data)) {
    console.log(`ok ${file}`);
  } else {
    failed = true;
    // oneOf schemas report a failure per branch; the first few name the problem well enough.
    const errors = validate.errors.slice(0, 6).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
    console.log(`invalid ${file}: ${errors}`);
  }
}
process.exit(failed ? 1 : 0);
