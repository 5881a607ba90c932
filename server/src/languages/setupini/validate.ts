/**
 * Setup answer-file checks: the INI structure, the catalog (Exchange 4.0/5.5 batch format, external-facts §4.2), values
 * that look like secrets (seed-facts S1), product keys (S13; KB 188625), organization names (S12), paths, and the
 * required combinations of the 5.5 format. Unknown sections and keys are hints: the catalog is incomplete by design.
 */
import type { FixSpec } from '../../core/dataFixes';
import { codeInfo } from '../../core/codes';
import { nearestCandidates } from '../../core/nearest';
import { Diagnostic, lineRange, RelatedInformation, SOURCE } from '../../core/types';
import { EXCHANGE55_MARKERS, isSecretKeyName, SetupCatalogIndex, setupIndex, SetupKey } from './catalog';
import { SetupIniDocument, Setting } from './parse';

export type { FixSpec } from '../../core/dataFixes';

function diag(code: string, line: number, start: number, end: number, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  const info = codeInfo(code);
  const d: Diagnostic = { range: lineRange(line, start, Math.max(start, end)), severity: info.severity, code, message, source: SOURCE, ...extra };
  if (info.tags) d.tags = info.tags;
  return d;
}

/** Whether the file is an Exchange 4.0/5.5 batch Setup.ini (it has one of the distinctive sections). */
export function isExchange55(doc: SetupIniDocument): boolean {
  return doc.sections.some((s) => EXCHANGE55_MARKERS.some((m) => m.toLowerCase() === s.name.toLowerCase()));
}

const TRUE_FALSE = /^(true|false)$/i;
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
  if (bad) return `it contains ${bad[0] === ':' ? 'a second ":"' : bad[0].charCodeAt(0) < 32 ? 'a control character' : `"${bad[0]}"`}, which Windows does not allow in a path`;
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
  const is55 = isExchange55(doc);
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
      diag('setupini.duplicate-section', s.line, s.open, s.close < 0 ? s.nameEnd : s.close + 1, `[${s.name}] appears a second time. The sources do not say whether Setup reads the first section, the last, or both; merge them into one.`, {
        related: [{ range: lineRange(first.line, first.open, first.close < 0 ? first.nameEnd : first.close + 1), message: `the first [${first.name}]` }],
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
      diag('setupini.duplicate-key', st.line, st.keyStart, st.keyEnd, `${st.key} is set twice in [${doc.sections[st.section].name}]. Setup uses only one value, and the sources do not say which (Windows INI readers usually take the first); keep one.`, {
        related,
      }),
    );
  }
  // Catalog
  for (const s of doc.sections) {
    if (s.repeats !== undefined) continue;
    if (!catalog.section(s.name)) {
      const why = is55
        ? 'The Exchange 5.5 batch Setup.ini documents [Product ID], [Paths], [Components], [Site], [Organization], [ServiceAccount], [Licensing], [SitePermissions] and [X.400] (KB 168490, KB 188625).'
        : 'The sections and keys of the Exchange 2000/2003 answer file written by setup /createunattend are not documented in the sources this tool uses (KB 312363), so none is catalogued and the file is not checked key by key.';
      out.push(diag('setupini.unknown-section', s.line, s.nameStart, s.nameEnd, `[${s.name}] is not in the catalog. ${why}`));
    }
  }
  for (const st of doc.settings) {
    const section = catalog.section(doc.sections[st.section].name);
    if (!section) continue;
    const key = catalog.key(section.name, st.key);
    if (!key) {
      const near = nearestCandidates(st.key, section.keys.map((k) => k.name), 2);
      const fixes: FixSpec[] = near.map((n) => ({ title: `Change to ${n}`, edits: [{ range: lineRange(st.line, st.keyStart, st.keyEnd), newText: n }], preferred: near.length === 1 }));
      out.push(
        diag('setupini.unknown-key', st.line, st.keyStart, st.keyEnd, `${st.key} is not in the catalog for [${section.name}]${near.length ? `; did you mean ${near.join(' or ')}?` : ''} The catalog lists ${section.keys.map((k) => k.name).join(', ')}.`, {
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
    if ((key?.type === 'secret' || isSecretKeyName(st.key)) && st.value !== '') {
      out.push(
        diag(
          'setupini.plain-text-secret',
          st.line,
          st.valueStart,
          st.valueEnd,
          `${st.key} holds a password in plain text: anyone who can read this file can read it. Setup writes passwords into answer files as plain text (with Autologon on, the Autologon password ends up in the file: disable Autologon before running setup /createunattend, KB 234562). Keep the file where only the installers can read it, blank the value, and delete the file after the installation.`,
          { data: { fixes: [{ title: `Blank the value of ${st.key}`, edits: [{ range: lineRange(st.line, st.valueStart, st.valueEnd), newText: '' }] }] } },
        ),
      );
    }
    if (key) continue;
    if (PRODUCT_KEY_NAME.test(st.key) && st.value !== '' && !isProductKey2003(st.value)) {
      out.push(diag('setupini.invalid-product-key', st.line, st.valueStart, st.valueEnd, `${st.key} is not an Exchange 2003 product key: it has 25 characters in five groups of five (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX).`));
    }
    if (!is55 && ORG_NAME.test(st.key)) {
      const p = organizationNameProblem(st.value);
      if (p) out.push(diag('setupini.invalid-organization-name', st.line, st.value ? st.valueStart : st.eq, st.value ? st.valueEnd : st.eq + 1, `The organization name is not valid: ${p}. Exchange 2003 organization names have 1 to 63 characters: A-Z, a-z, 0-9, space and hyphen.`));
    }
    if (!is55 && PATH_NAME.test(st.key) && /^[A-Za-z]:|[\\/]/.test(st.value)) {
      const p = pathProblem(st.value);
      if (p) out.push(diag('setupini.invalid-path', st.line, st.valueStart, st.valueEnd, `${st.key} is not a valid installation path: ${p}.`));
    }
  }
  if (is55) checkExchange55(doc, out);
  return out;
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
        out.push(diag('setupini.proxy-name-too-long', st.line, st.valueStart, st.valueEnd, `${key.name} has ${v.length} characters; proxy names have at most ${key.maxLength} (KB 198898).`));
      }
      break;
    case 'productid55':
    case 'cdkey55':
      if (v !== '' && key.pattern && !new RegExp(key.pattern).test(v)) {
        out.push(diag('setupini.invalid-product-key', st.line, st.valueStart, st.valueEnd, `${key.name} is not of the form ${key.form} (KB 188625).`));
      }
      break;
    default:
      break;
  }
}

function checkExchange55(doc: SetupIniDocument, out: Diagnostic[]): void {
  const perServer = doc.find('Licensing', 'PerServer');
  const perSeat = doc.find('Licensing', 'PerSeat');
  if (isTrue(perServer) && !doc.find('Licensing', 'PerServerUsers')) {
    out.push(diag('setupini.missing-required-key', perServer!.line, perServer!.keyStart, perServer!.valueEnd, 'PerServer=True needs PerServerUsers= (the number of licences) in [Licensing] (KB 168490, KB 188625).'));
  }
  const siteName = doc.find('Site', 'SiteName');
  if (siteName && !doc.find('Site', 'ExistingServerName') && !doc.find('ServiceAccount', 'AccountName')) {
    out.push(diag('setupini.missing-required-key', siteName.line, siteName.keyStart, siteName.valueEnd, 'SiteName without ExistingServerName creates a new site, which needs AccountName= (the service account) in [ServiceAccount] (KB 168490, KB 188625).'));
  }
  const services = doc.find('Components', 'Services');
  if (isTrue(services) && !isTrue(perSeat) && !isTrue(perServer)) {
    out.push(diag('setupini.no-license-mode', services!.line, services!.keyStart, services!.valueEnd, 'Services=True installs the server, so [Licensing] must set PerSeat=True or PerServer=True (KB 168490, KB 188625).'));
  }
}
