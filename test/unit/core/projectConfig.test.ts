import * as assert from 'assert';
import { allCodes } from '../../../server/src/core/codes';
import { pairedBootIni, parseProjectConfig, settingsForFile } from '../../../server/src/core/projectConfig';
import '../../../server/src/languages';
import '../../../server/src/checks/codes';

const codes = (): Iterable<string> => allCodes().keys();

/** The problems as "line:character-line:character code message" (0-based), in file order. */
function problems(text: string): string[] {
  return parseProjectConfig(text, codes()).problems.map((p) => {
    const r = p.diagnostic.range;
    return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${p.diagnostic.code}${p.bySchema ? '' : ' (not by schema)'} ${p.diagnostic.message}`;
  });
}

describe('project configuration file: parsing and checking', () => {
  it('takes a realistic file with comments and every setting, without a problem', () => {
    const text = `{
  // The servers of this repository
  "$schema": "./node_modules/exchange-config-tools/server/data/exchange-config.schema.json",
  "exchangeVersion": "2003sp2",
  "windowsVersion": "2003",
  "serverRole": "mailbox",
  "serverMemoryMB": 4096,
  "severityOverrides": { "reg.duplicate-key": "off", "reg.deprecated-e2k-tuning": "error" },
  "maxDiagnosticsPerFile": 200,
  "bootIniFor": { "exports/MAILSRV01": "servers/MAILSRV01/boot.ini" },
  "catalogFiles": ["standards/registry.json"],
  "setupCatalogFiles": ["standards/setup.json"],
  "forceAnswerFile": true,
  "ldapAttributesInGC": [" employeeType "],
  "ldapAttributesIndexed": ["extensionAttribute1"],
  "directoryExport": "recipients.ldf",
  /* old exports */
  "ignorePatterns": ["archive/"],
  "overrides": [{ "files": ["e2k/"], "exchangeVersion": "2000" }]
}
`;
    const parsed = parseProjectConfig(text, codes());
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.config?.settings, {
      severityOverrides: { 'reg.duplicate-key': 'off', 'reg.deprecated-e2k-tuning': 'error' },
      maxDiagnosticsPerFile: 200,
      exchangeVersion: '2003sp2',
      windowsVersion: '2003',
      serverRole: 'mailbox',
      serverMemoryMB: 4096,
      bootIniFor: { 'exports/MAILSRV01': 'servers/MAILSRV01/boot.ini' },
      catalogFiles: ['standards/registry.json'],
      setupCatalogFiles: ['standards/setup.json'],
      forceAnswerFile: true,
      ldapAttributesInGC: ['employeeType'],
      ldapAttributesIndexed: ['extensionAttribute1'],
      directoryExport: 'recipients.ldf',
    });
    assert.deepStrictEqual(parsed.config?.ignorePatterns, ['archive/']);
    assert.deepStrictEqual(
      parsed.config?.overrides.map((o) => [o.files, o.settings]),
      [[['e2k/'], { exchangeVersion: '2000' }]],
    );
  });

  it('reports a syntax error at its position and does not use the file', () => {
    const text = '{\n  "exchangeVersion": "2000"\n  "serverRole": "mailbox"\n}\n';
    assert.deepStrictEqual(problems(text), ['2:2-2:14 config.syntax-error Not valid JSON here (a comma is expected): the file is not used until this is fixed.']);
    assert.strictEqual(parseProjectConfig(text, codes()).config, undefined);
  });

  it('reports a trailing comma (JSON, not JSON5) and an unterminated comment', () => {
    assert.deepStrictEqual(problems('{ "exchangeVersion": "2000", }'), ['0:29-0:30 config.syntax-error Not valid JSON here (a property name (in double quotes) is expected): the file is not used until this is fixed.']);
    assert.deepStrictEqual(problems('{ /* no end }'), ['0:2-0:13 config.syntax-error Not valid JSON here (an unterminated comment): the file is not used until this is fixed.']);
  });

  it('reports an empty file and a file that is not an object', () => {
    assert.deepStrictEqual(problems(''), ['0:0-0:0 config.syntax-error Not valid JSON here (a value is expected): the file is not used until this is fixed.']);
    assert.deepStrictEqual(problems('["2000"]'), ['0:0-0:8 config.syntax-error The file must hold one JSON object, e.g. { "exchangeVersion": "2003" }: it is not used.']);
  });

  it('reads a file with a UTF-8 byte order mark, positions unchanged', () => {
    const parsed = parseProjectConfig('\ufeff{ "serverRole": "router" }', codes());
    assert.deepStrictEqual(
      parsed.problems.map((p) => p.diagnostic.range),
      [{ start: { line: 0, character: 17 }, end: { line: 0, character: 25 } }],
    );
  });

  it('leaves out a setting with a wrong value, an unknown setting and an unknown code, and uses the rest', () => {
    const text = [
      '{',
      '  "exchangeVersion": "2005",',
      '  "serverRol": "mailbox",',
      '  "serverMemoryMB": -1,',
      '  "catalogFiles": "standards.json",',
      '  "ldapAttributesInGC": ["employee type"],',
      '  "severityOverrides": { "reg.duplicate-kee": "off", "reg.duplicate-value": "loud", "reg.duplicate-key": "hint" },',
      '  "windowsVersion": "2000"',
      '}',
    ].join('\n');
    assert.deepStrictEqual(problems(text), [
      '1:21-1:27 config.invalid-setting "2005" is not a value of exchangeVersion (2000, 2003, 2003sp1, 2003sp2): the setting is not used.',
      '2:2-2:13 config.invalid-setting Unknown setting "serverRol" (did you mean "serverRole"?): it is not used.',
      '3:20-3:22 config.invalid-setting serverMemoryMB must be >= 0: the setting is not used.',
      '4:18-4:34 config.invalid-setting catalogFiles must be an array: the setting is not used.',
      '5:25-5:40 config.invalid-setting "employee type" is not an attribute name (ldapAttributesInGC[0]): the setting is not used.',
      '6:25-6:44 config.invalid-setting (not by schema) Unknown diagnostic code "reg.duplicate-kee" (did you mean reg.duplicate-key?): this severity override is not used.',
      '6:76-6:82 config.invalid-setting "loud" is not a value of severityOverrides.reg.duplicate-value (error, warning, information, hint, off): this entry is not used.',
    ]);
    assert.deepStrictEqual(parseProjectConfig(text, codes()).config?.settings, { windowsVersion: '2000', severityOverrides: { 'reg.duplicate-key': 'hint' } });
  });

  it('reports a severity override of an unknown code (which the schema cannot know) and keeps the others', () => {
    const text = '{ "severityOverrides": { "reg.duplicate-kee": "off", "reg.duplicate-key": "hint" } }';
    assert.deepStrictEqual(problems(text), ['0:25-0:44 config.invalid-setting (not by schema) Unknown diagnostic code "reg.duplicate-kee" (did you mean reg.duplicate-key?): this severity override is not used.']);
    assert.deepStrictEqual(parseProjectConfig(text, codes()).config?.settings, { severityOverrides: { 'reg.duplicate-key': 'hint' } });
  });

  it('leaves out an override without files, and a wrong setting of an override but not the override', () => {
    const text = '{ "overrides": [{ "exchangeVersion": "2000" }, { "files": ["e2k/"], "serverRole": "router", "exchangeVersion": "2000" }, { "files": [] }] }';
    assert.deepStrictEqual(problems(text), [
      '0:16-0:45 config.invalid-setting This override has no "files": it is not used. Add the files it applies to, e.g. "files": ["e2k/"].',
      '0:82-0:90 config.invalid-setting "router" is not a value of overrides[1].serverRole ("" (not known), mailbox, public-folder, front-end, bridgehead, rpc-proxy): the setting is not used.',
      '0:132-0:134 config.invalid-setting overrides[2].files must name at least one pattern: the override is not used.',
    ]);
    assert.deepStrictEqual(
      parseProjectConfig(text, codes()).config?.overrides.map((o) => [o.files, o.settings]),
      [[['e2k/'], { exchangeVersion: '2000' }]],
    );
  });

  it('never throws, whatever the text', () => {
    for (const text of ['{', '}', '{"overrides": [null, 1, "x", {"files": [1]}]}', '{"severityOverrides": null}', '{"bootIniFor": {"a": 1}}', '{"a":'.repeat(500), '\u0000', '{"ignorePatterns": ["\\\\"]}']) {
      parseProjectConfig(text, codes());
    }
  });
});

describe('project configuration file: the settings of one file', () => {
  const config = parseProjectConfig(
    JSON.stringify({
      exchangeVersion: '2003',
      severityOverrides: { 'reg.duplicate-key': 'off' },
      ignorePatterns: ['archive/', '*.bak.reg', '!keep.bak.reg'],
      overrides: [
        { files: ['e2k/'], exchangeVersion: '2000', severityOverrides: { 'reg.duplicate-value': 'hint' } },
        { files: ['e2k/frontend/**'], serverRole: 'front-end' },
        { files: ['*.unattend.ini'], forceAnswerFile: true },
      ],
    }),
    allCodes().keys(),
  ).config!;

  it('applies the overrides that match, later ones winning, and merges severity overrides code by code', () => {
    assert.deepStrictEqual(settingsForFile(config, 'e2k/frontend/FE01.reg'), {
      settings: { exchangeVersion: '2000', severityOverrides: { 'reg.duplicate-key': 'off', 'reg.duplicate-value': 'hint' }, serverRole: 'front-end' },
      ignored: false,
    });
    assert.deepStrictEqual(settingsForFile(config, 'e2003/MAIL01.reg'), { settings: { exchangeVersion: '2003', severityOverrides: { 'reg.duplicate-key': 'off' } }, ignored: false });
    assert.deepStrictEqual(settingsForFile(config, 'e2k\\MAIL02.reg').settings.exchangeVersion, '2000');
    assert.strictEqual(settingsForFile(config, 'setup/x.unattend.ini').settings.forceAnswerFile, true);
  });

  it('ignores files matching ignorePatterns (.gitignore syntax, negation included)', () => {
    assert.strictEqual(settingsForFile(config, 'archive/2004/old.reg').ignored, true);
    assert.strictEqual(settingsForFile(config, 'x/y.bak.reg').ignored, true);
    assert.strictEqual(settingsForFile(config, 'x/keep.bak.reg').ignored, false);
    assert.strictEqual(settingsForFile(config, 'archived.reg').ignored, false);
  });

  it('applies neither overrides nor ignores to a file outside the configuration file\'s folder', () => {
    assert.deepStrictEqual(settingsForFile(config, '../archive/e2k/a.reg'), { settings: config.settings, ignored: false });
  });
});

describe('project configuration file: boot.ini pairing', () => {
  it('pairs by the longest matching folder, and refuses a path leading out of the folder', () => {
    const pairs = { exports: 'servers/default/boot.ini', 'exports/MAIL01/': './servers/MAIL01/boot.ini', 'exports/OUT': '../../boot.ini' };
    assert.deepStrictEqual(pairedBootIni('exports/MAIL01/2004', pairs), ['servers', 'MAIL01', 'boot.ini']);
    assert.deepStrictEqual(pairedBootIni('exports', pairs), ['servers', 'default', 'boot.ini']);
    assert.strictEqual(pairedBootIni('exports/OUT', pairs), null);
    assert.strictEqual(pairedBootIni('other', pairs), undefined);
    assert.strictEqual(pairedBootIni('exportsX', pairs), undefined);
  });
});
