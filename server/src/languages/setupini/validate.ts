/**
 * Setup answer-file checks: the INI structure, the catalog (Exchange 4.0/5.5 batch format, external-facts §4.2), values
 * that look like secrets (seed-facts S1), product keys (S13; KB 188625), organization names (S12), paths, and the
 * required combinations of the 5.5 format. Unknown sections and keys are hints, and only in files of the 5.5 format:
 * the Exchange 2000/2003 format is not documented in the sources, so none of its sections is catalogued.
 * Only files that are answer files (detect.ts) or that the host forces reach this function.
 */
import type { FixSpec } from '../../core/dataFixes';
import { codeInfo } from '../../core/codes';
import { nearestCandidates } from '../../core/nearest';
import { Diagnostic, lineRange, RelatedInformation, SOURCE } from '../../core/types';
import { EXCHANGE55_MARKERS, isSecretKeyName, SetupCatalogIndex, setupIndex, SetupKey } from './catalog';
import { answerFileFormat, AnswerFileFormat } from './detect';
import { SetupIniDocument, Setting } from './parse';

export type { FixSpec } from '../../core/dataFixes';

function diag(code: string, line: number, start: number, end: number, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  const info = codeInfo(code);
  const d: Diagnostic = { range: lineRange(line, start, Math.max(start, end)), severity: info.severity, code, message, source: SOURCE, ...extra };
  // Stryker disable next-line ConditionalExpression: no setupini code has tags (codes.ts), and every reader of a diagnostic (LSP, command line, SARIF) tests d.tags before use, so an undefined tags property and none are the same
  if (info.tags) d.tags = info.tags;
  return d;
}

/**
 * The format of an answer file: the one its content shows (detect.ts), or, for a file the host forces, exchange55 when
 * it has a section of that format's own (a forced file may show no sign of either).
 */
export function formatOf(doc: SetupIniDocument): AnswerFileFormat | undefined {
  const shown = answerFileFormat(doc);
  if (shown) return shown;
  return doc.sections.some((s) => EXCHANGE55_MARKERS.some((m) => m.toLowerCase() === s.name.toLowerCase())) ? 'exchange55' : undefined;
}

const TRUE_FALSE = /^(true|false)$/i;
const FLAG = /^(true|false|yes|no|y|n|0|1|on|off)$/i;
const PRODUCT_KEY_NAME = /product\s*key|cd\s*key/i;
const ORG_NAME = /^org(ani[sz]ation)?\s*name$/i;
const PATH_NAME = /(path|dir|directory|dest|destination|folder)$/i;

function isTrue(s: Setting | undefined): boolean {
  return !!s && /^true$/i.test(s.value);
}

/** What is wrong with an installation path, or undefined. */
export function pathProblem(value: string): string | undefined {
  if (!/^[A-Za-z]:\\/.test(value)) return 'it does not start with a drive letter and a backslash (X:\\...)';
  const bad = /[<>"|?*\u0000-\u001f]|:/.exec(value.slice(2));
  if (bad) return `it contains ${bad[0] === ':' ? 'a second ":"' : /[\u0000-\u001f]/.test(bad[0]) ? 'a control character' : `"${bad[0]}"`}, which Windows does not allow in a path`;
  return undefined;
}

/** What is wrong with an Exchange 2003 organization name (S12), or undefined. */
export function organizationNameProblem(value: string): string | undefined {
  if (value.length === 0) return 'it is empty (at least 1 character)';
  if (value.length > 63) return `it has ${value.length} characters (at most 63: "fewer than 64")`;
  const bad = /[^A-Za-z0-9 -]/.exec(value);
  if (bad) return `it contains "${bad[0]}" (allowed: A-Z, a-z, 0-9, space and hyphen)`;
  return undefined;
}

/** Exchange 2003 product key: 25 characters in five groups of five (with or without the hyphens). */
export function isProductKey2003(value: string): boolean {
  return /^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){4}$/.test(value) || /^[A-Za-z0-9]{25}$/.test(value);
}

/** Checks an answer file; catalog checks use the index given (default: the built-in catalog). */
export function validateSetupIni(doc: SetupIniDocument, catalog: SetupCatalogIndex = setupIndex(undefined)): Diagnostic[] {
  const out: Diagnostic[] = [];
  const format = formatOf(doc);
  const is55 = format === 'exchange55';
  // Structure
  for (let i = 0; i < doc.records.length; i++) {
    const r = doc.records[i];
    if (!r.problem) continue;
    if (r.kind === 'outside') out.push(diag('setupini.outside-section', i, r.problem.start, r.problem.end, `${r.problem.what} Setup reads settings only inside a [section]; this line is ignored.`));
    else out.push(diag('setupini.invalid-line', i, r.problem.start, r.problem.end, `${r.problem.what} Setup ignores a line it cannot read as a header or a key=value setting.`));
  }
  for (const s of doc.sections) {
    if (s.repeats === undefined) continue;
    const first = doc.sections[s.repeats];
    out.push(
      diag('setupini.duplicate-section', s.line, s.open, s.close === -1 ? s.nameEnd : s.close + 1, `[${s.name}] appears a second time, and the sources do not say whether Setup reads the first, the last or both. Merge them into one.`, {
        related: [{ range: lineRange(first.line, first.open, first.close === -1 ? first.nameEnd : first.close + 1), message: `the first [${first.name}]` }],
      }),
    );
  }
  const firstKey = new Map<string, Setting>();
  for (const st of doc.settings) {
    const id = `${doc.sections[st.section].name.toLowerCase()}\u0000${st.key.toLowerCase()}`;
    const first = firstKey.get(id);
    if (!first) {
      firstKey.set(id, st);
      continue;
    }
    const related: RelatedInformation[] = [{ range: lineRange(first.line, first.keyStart, first.keyEnd), message: `${first.key} is first set here (to "${first.value}")` }];
    out.push(
      diag('setupini.duplicate-key', st.line, st.keyStart, st.keyEnd, `${st.key} is set twice in [${doc.sections[st.section].name}], and the sources do not say which value Setup uses. Keep one.`, {
        related,
      }),
    );
  }
  // Catalog
  for (const s of doc.sections) {
    if (!is55 || s.repeats !== undefined || catalog.section(s.name)) continue;
    const near = nearestCandidates(s.name, catalog.sections.map((c) => c.name), 2);
    out.push(
      diag(
        'setupini.unknown-section',
        s.line,
        s.nameStart,
        s.nameEnd,
        `[${s.name}] is not a section of the Exchange 4.0/5.5 batch Setup.ini in the catalog${near.length ? `; did you mean [${near.join('] or [')}]?` : '. Check its spelling.'}`,
      ),
    );
  }
  for (const st of doc.settings) {
    const section = catalog.section(doc.sections[st.section].name);
    if (!section) continue;
    const key = catalog.key(section.name, st.key);
    if (!key) {
      const near = nearestCandidates(st.key, section.keys.map((k) => k.name), 2);
      const fixes: FixSpec[] = near.map((n) => ({ title: `Change to ${n}`, edits: [{ range: lineRange(st.line, st.keyStart, st.keyEnd), newText: n }], preferred: near.length === 1 }));
      out.push(
        diag('setupini.unknown-key', st.line, st.keyStart, st.keyEnd, `${st.key} is not a key of [${section.name}] in the catalog${near.length ? `; did you mean ${near.join(' or ')}?` : '. Check its spelling (the hover on the section lists its keys).'}`, {
          data: { fixes },
        }),
      );
      continue;
    }
    checkCatalogValue(st, key, out);
  }
  // Values named like secrets, product keys, organization names and paths (any format)
  for (const st of doc.settings) {
    const sectionName = doc.sections[st.section].name;
    const key = catalog.key(sectionName, st.key);
    // A key known by its name only (ShowPasswordDialog=N, PasswordRequired=Yes) holding a yes/no flag is a switch, not a password.
    const secret = key ? key.type === 'secret' : isSecretKeyName(st.key) && !FLAG.test(st.value);
    if (secret && st.value !== '') {
      out.push(
        diag(
          'setupini.plain-text-secret',
          st.line,
          st.valueStart,
          st.valueEnd,
          secretMessage(st.key, format),
          { data: { fixes: [{ title: `Blank the value of ${st.key}`, edits: [{ range: lineRange(st.line, st.valueStart, st.valueEnd), newText: '' }] }] } },
        ),
      );
    }
    if (key) continue;
    if (is55) continue;
    // The keys of the Exchange 2000/2003 format are not documented: these checks go by what a key's name says.
    if (PRODUCT_KEY_NAME.test(st.key) && st.value !== '' && !isProductKey2003(st.value)) {
      // A warning, not an error: the key is recognised by its name only, and only Exchange 2003's key length is known.
      out.push(diag('setupini.invalid-product-key', st.line, st.valueStart, st.valueEnd, `${st.key} is not a 25-character Exchange 2003 product key (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX). Check it against the product's key.`, { severity: 'warning' }));
    }
    if (ORG_NAME.test(st.key)) {
      const p = organizationNameProblem(st.value);
      if (p) out.push(diag('setupini.invalid-organization-name', st.line, st.value ? st.valueStart : st.eq, st.value ? st.valueEnd : st.eq + 1, `The organization name is not valid: ${p}. Use 1 to 63 characters: A-Z, a-z, 0-9, space and hyphen.`));
    }
    if (PATH_NAME.test(st.key) && /^[A-Za-z]:|[\\/]/.test(st.value)) {
      const p = pathProblem(st.value);
      if (p) out.push(diag('setupini.invalid-path', st.line, st.valueStart, st.valueEnd, `${st.key} is not a valid installation path: ${p}.`));
    }
  }
  if (is55) checkExchange55(doc, out);
  return out;
}

/** The KB articles a catalog key cites, as " (KB n, KB m)", or '' when it cites none. */
function sourceKbs(key: SetupKey): string {
  const kbs = [...new Set(key.sources.flatMap((s) => s.kb ?? []))];
  return kbs.length ? ` (${kbs.map((k) => `KB ${k}`).join(', ')})` : '';
}

/** The plain-text password message: the Autologon advice concerns only files written by setup /createunattend. */
function secretMessage(key: string, format: AnswerFileFormat | undefined): string {
  const base = `${key} holds a password in plain text that anyone who can read the file can read. Let only the installers read it, and delete the file or blank the value after Setup.`;
  return format === 'exchange2000' ? `${base} Before setup /createunattend, turn Autologon off (KB 234562).` : base;
}

function checkCatalogValue(st: Setting, key: SetupKey, out: Diagnostic[]): void {
  const v = st.value;
  switch (key.type) {
    case 'boolean':
      if (!TRUE_FALSE.test(v))
        out.push(
          diag('setupini.invalid-boolean', st.line, v ? st.valueStart : st.eq, v ? st.valueEnd : st.eq + 1, `${key.name} takes True or False${v ? `, not "${v}"` : ''}.`, {
            data: { fixes: ['True', 'False'].map((b) => ({ title: `Change to ${b}`, edits: [{ range: lineRange(st.line, v ? st.valueStart : st.eq + 1, v ? st.valueEnd : st.eq + 1), newText: b }] })) },
          }),
        );
      break;
    case 'path':
      if (v !== '') {
        const p = pathProblem(v);
        if (p) out.push(diag('setupini.invalid-path', st.line, st.valueStart, st.valueEnd, `${key.name} is not a valid installation path: ${p}.`));
      }
      break;
    case 'proxyname':
      if (key.maxLength !== undefined && v.length > key.maxLength) {
        out.push(diag('setupini.proxy-name-too-long', st.line, st.valueStart, st.valueEnd, `${key.name} has ${v.length} characters; KB 198898 says proxy names should not exceed ${key.maxLength}. Shorten it.`));
      }
      break;
    case 'productid55':
    case 'cdkey55':
      if (v !== '' && key.pattern && !new RegExp(key.pattern).test(v)) {
        out.push(diag('setupini.invalid-product-key', st.line, st.valueStart, st.valueEnd, `${key.name} is not of the form ${key.form}${sourceKbs(key)}.`));
      }
      break;
  }
}

function checkExchange55(doc: SetupIniDocument, out: Diagnostic[]): void {
  const perServer = doc.find('Licensing', 'PerServer');
  const perSeat = doc.find('Licensing', 'PerSeat');
  if (isTrue(perServer) && !doc.find('Licensing', 'PerServerUsers')) {
    // A warning: only the Exchange 4.0 article (KB 168490) has PerServer and this rule; the 5.5 article lists PerSeat only.
    out.push(
      diag('setupini.missing-required-key', perServer!.line, perServer!.keyStart, perServer!.valueEnd, 'PerServer=True needs PerServerUsers= (the number of licensed users) in [Licensing], says KB 168490 (Exchange 4.0). Add it.', {
        severity: 'warning',
      }),
    );
  }
  const siteName = doc.find('Site', 'SiteName');
  if (siteName && !doc.find('Site', 'ExistingServerName') && !doc.find('ServiceAccount', 'AccountName')) {
    out.push(diag('setupini.missing-required-key', siteName.line, siteName.keyStart, siteName.valueEnd, 'SiteName without ExistingServerName creates a new site, which needs AccountName= (the service account) in [ServiceAccount] (KB 168490, KB 188625). Add it.'));
  }
  const services = doc.find('Components', 'Services');
  if (isTrue(services) && !isTrue(perSeat) && !isTrue(perServer)) {
    out.push(diag('setupini.no-license-mode', services!.line, services!.keyStart, services!.valueEnd, 'Services=True, but [Licensing] sets neither PerSeat=True nor PerServer=True, which KB 168490 (Exchange 4.0) requires. Set the licensing mode.'));
  }
}
