/**
 * The documentation pages of the diagnostic codes (docs/codes/<code>.md): one per code of every language's code table
 * (the preview and cross-file codes included), none extra, each with the required sections, and examples that do what
 * they say: the "fires" example produces the code through the linter, the "does not fire" example does not.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allCodes } from '../../../server/src/core/codes';
import '../../../server/src/languages';
import '../../../server/src/checks/codes';
import '../../../server/src/core/projectConfig';
import '../../../server/src/core/suppress';
import { CODES_DIR, lintExample, readExample, readPage, REQUIRED_SECTIONS } from '../../helpers/codeDocs';
import { internalReferences } from '../../helpers/userText';

const pageFiles = fs.readdirSync(CODES_DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');
const COMMENT: Record<string, string> = { reg: ';', bootini: ';', setupini: ';', cross: ';', ldapfilter: '#', ldif: '#' };
const SEVERITY = (s: string): string => `${s[0].toUpperCase()}${s.slice(1)}`;

describe('docs/codes: a page per diagnostic code', () => {
  it('has a page for every code of every code table and none for a code that does not exist', () => {
    assert.ok(allCodes().size > 150, `${allCodes().size} codes`);
    const documented = pageFiles.map((f) => f.slice(0, -3)).sort();
    assert.deepStrictEqual(documented, [...allCodes().keys()].sort());
  });

  it('lists every code once in the index (docs/codes/README.md), linked to its page, with its default severity', () => {
    const index = fs.readFileSync(path.join(CODES_DIR, 'README.md'), 'utf8');
    const rows = [...index.matchAll(/^\| \[`([^`]+)`\]\(([^)]+)\) \| (\w+) \|/gm)];
    assert.deepStrictEqual(rows.map((r) => r[1]).sort(), [...allCodes().keys()].sort());
    for (const [, code, link, severity] of rows) {
      assert.strictEqual(link, `${code}.md`);
      assert.strictEqual(severity, SEVERITY(allCodes().get(code)!.severity), code);
    }
  });

  for (const [code, info] of allCodes()) {
    describe(code, () => {
      const page = readPage(path.join(CODES_DIR, `${code}.md`));

      it('has the title, the default severity and the required sections in order, none empty', () => {
        assert.strictEqual(page.title, `# \`${code}\``);
        assert.ok(page.lead.startsWith(`**${SEVERITY(info.severity)}** · `), page.lead);
        assert.ok(page.lead.endsWith('[All codes](README.md)'), page.lead);
        assert.deepStrictEqual([...page.sections.keys()], [...REQUIRED_SECTIONS]);
        for (const [name, body] of page.sections) assert.ok(body.length > 20, `${code}: section "${name}" is empty`);
        assert.deepStrictEqual(internalReferences(page.text), []);
      });

      it('explains the suppression comment in the language\'s own comment syntax, and the severity setting', () => {
        const text = page.sections.get('How to suppress')!;
        if (code === 'internal-error' || code.startsWith('setupini.cmd-')) {
          // Not from a file's analysis: neither comments nor the severity settings apply, and the page says so.
          assert.match(text, /do not apply|no severity setting/, text);
          assert.ok(!text.includes('exchange-config-disable'), text);
          return;
        }
        if (code.startsWith('config.')) {
          // A problem of the configuration file itself: it is fixed, not silenced.
          assert.match(text, /do not apply/, text);
          assert.ok(!text.includes('exchange-config-disable'), text);
          return;
        }
        const family = code.split('.')[0];
        if (family === 'bootini' || family === 'suppression') {
          // boot.ini has no documented comment form; the suppression codes cannot be silenced by a directive.
          assert.ok(!text.includes(`exchange-config-disable-next-line ${code}`), text);
          assert.ok(!text.includes(`exchange-config-disable ${code}`), text);
        } else {
          const comment = COMMENT[family];
          assert.ok(text.includes(`${comment} exchange-config-disable-next-line ${code}`), text);
          assert.ok(text.includes(`${comment} exchange-config-disable ${code}`), text);
        }
        if (family !== 'suppression') assert.ok(text.includes('.exchange-config.json'), text);
        assert.ok(text.includes(`"exchangeConfig.severityOverrides": { "${code}": "off" }`), text);
        assert.ok(text.includes(`--severity ${code}=off`), text);
      });

      if (code === 'internal-error') {
        it('says why no example can fire (a defect of the tool)', () => {
          assert.match(page.sections.get('Example that fires')!, /^None can be shown/);
        });
      } else {
        it('fires on its "fires" example, and not with the severity setting the page gives (off)', () => {
          const example = readExample(page.sections.get('Example that fires')!);
          const found = lintExample(example);
          assert.ok(found.some((f) => f.code === code), `got ${found.map((f) => f.code).join(', ') || '(none)'}`);
          if (page.sections.get('How to suppress')!.includes(`--severity ${code}=off`)) {
            const off = lintExample({ ...example, options: [...example.options, '--severity', `${code}=off`] });
            assert.ok(!off.some((f) => f.code === code), `still reported with --severity ${code}=off`);
          }
        });
      }

      it('is silent on its "does not fire" example', () => {
        const example = readExample(page.sections.get('Example that does not fire')!);
        assert.ok(example.files.length > 0 || example.commandLine !== undefined, 'the section has an example');
        const found = lintExample(example);
        assert.ok(!found.some((f) => f.code === code), `got ${found.map((f) => f.code).join(', ')}`);
      });
    });
  }
});

describe('docs/codes: reading the examples', () => {
  it('reads file labels, encodings, options, placeholders and Setup command lines', () => {
    const example = readExample([
      '`a.reg`, saved as UTF-8 with a byte order mark:', '', '```reg', 'x<NUL>y', '<a × 3>', '```', '',
      '`boot.ini`:', '', '```ini', 'b', '```', '', 'Options: `--role front-end` (in VS Code, ...).',
    ].join('\n'));
    assert.deepStrictEqual(example, {
      files: [{ name: 'a.reg', text: 'x\0y\naaa', encoding: 'utf8bom' }, { name: 'boot.ini', text: 'b', encoding: 'ansi' }],
      options: ['--role', 'front-end'],
    });
    assert.deepStrictEqual(readExample('Setup command line:\n\n```text\nsetup /ForestPrep\n```'), { files: [], options: [], commandLine: 'setup /ForestPrep' });
    assert.throws(() => readExample('```reg\nx\n```'), /without a paragraph naming its file/);
  });

  it('lints the files of an example in their encoding: a UTF-8 byte order mark in a .reg export is reported, UTF-16LE is not', () => {
    const text = 'Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\Contoso]\n"A"="1"\n';
    assert.deepStrictEqual(lintExample({ files: [{ name: 'x.reg', text, encoding: 'utf8bom' }], options: [] }).map((f) => f.code), ['reg.utf8-bom']);
    assert.deepStrictEqual(lintExample({ files: [{ name: 'x.reg', text, encoding: 'utf16le' }], options: [] }), []);
  });
});
