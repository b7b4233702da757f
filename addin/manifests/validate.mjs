// Validates rendered manifests against Microsoft's XSDs, offline, with xmllint (Debian libxml2-utils):
//   node manifests/validate.mjs dist/manifests/outlook.xml [more.xml]
// The vendored XSDs (schemas/, see its README for source and licence) stay byte-identical; the known
// defects of the 2019 files are fixed in a temporary copy, each fix said below.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const schemas = fileURLToPath(new URL('./schemas/', import.meta.url));

/** Returns xmllint's verdict per file: { file, valid, output }. Throws when xmllint is missing. */
export function validate(files) {
  const folder = mkdtempSync(join(tmpdir(), 'officeflow-xsd-'));
  try {
    // The complete set: taskpane/* plus the mail 1.1 overrides plus the local stub (schemas/README.md, defect 3).
    for (const file of readdirSync(join(schemas, 'taskpane'))) copyFileSync(join(schemas, 'taskpane', file), join(folder, file));
    copyFileSync(join(schemas, 'mail', 'MailAppVersionOverridesV1_1.xsd'), join(folder, 'MailAppVersionOverridesV1_1.xsd'));
    copyFileSync(join(schemas, 'local', 'ContentAppVersionOverridesV1_0.xsd'), join(folder, 'ContentAppVersionOverridesV1_0.xsd'));
    for (const file of readdirSync(folder)) {
      let xsd = readFileSync(join(folder, file), 'utf8');
      // Defect 1: an http→https bulk edit broke the XML Schema and XML-DSig namespace names.
      xsd = xsd.replace(/https:\/\/www\.w3\.org\/2001\/XMLSchema"/g, 'http://www.w3.org/2001/XMLSchema"');
      xsd = xsd.replace(/https:\/\/www\.w3\.org\/2000\/09\/xmldsig#/g, 'http://www.w3.org/2000/09/xmldsig#');
      // Defect 2: a lazy quantifier in the version pattern is not XSD regex.
      xsd = xsd.replace(/\{0,3\}\?"/g, '{0,3}"');
      if (file === 'MailAppVersionOverridesV1_1.xsd') xsd = addSupportsPinning(xsd);
      writeFileSync(join(folder, file), xsd);
    }
    return files.map((file) => {
      try {
        const output = execFileSync('xmllint', ['--noout', '--schema', join(folder, 'OfficeAppManifestV1_1.xsd'), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        return { file, valid: true, output };
      } catch (error) {
        if (error.code === 'ENOENT') throw new Error("xmllint is missing: apt-get install libxml2-utils");
        return { file, valid: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
      }
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Defect 4 (the 2019 files predate it): <SupportsPinning> in a VersionOverridesV1_1 ShowTaskpane
 * action (Mailbox 1.5; [MS-OWEMXML] 2.2.4.x "ShowTaskpane"), which the pinnable «Клиент» pane uses.
 * It is added as an optional boolean after SourceLocation, as the specification orders it.
 */
function addSupportsPinning(xsd) {
  const start = xsd.indexOf('<xs:complexType name="ShowTaskpane">');
  const anchor = '<xs:element name="SourceLocation" type="bt:URLResourceReference" minOccurs="1" maxOccurs="1" />';
  const at = xsd.indexOf(anchor, start);
  if (start < 0 || at < 0) throw new Error('MailAppVersionOverridesV1_1.xsd changed: ShowTaskpane not found');
  const end = at + anchor.length;
  return `${xsd.slice(0, end)}\n          <xs:element name="SupportsPinning" type="xs:boolean" minOccurs="0" maxOccurs="1" />${xsd.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = validate(process.argv.slice(2));
  for (const r of results) console.log(`${r.valid ? 'valid  ' : 'INVALID'} ${r.file}${r.valid ? '' : '\n' + r.output}`);
  process.exit(results.every((r) => r.valid) ? 0 : 1);
}
