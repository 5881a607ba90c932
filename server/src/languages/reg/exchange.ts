/**
 * Exchange knowledge applied to .reg files: every value the catalog knows is checked for being Exchange 2000
 * tuning that Exchange 2003 no longer wants, for its type, its documented values or range, and the values Setup
 * writes. Only values regedit would actually import are checked (syntax errors come first).
 */
import { appliesTo, EXCHANGE_VERSION_NAMES, ExchangeContext, ExchangeVersion, isExchange2003OrLater, RegistryEntry, WindowsConstraint } from '../../core/catalog';
import { recommendedRange } from '../../core/catalogRender';
import { RegistryCatalogIndex } from '../../core/catalogIndex';
import { codeInfo } from '../../core/codes';
import { Severity } from '../../core/types';
import type { RegDocument } from './document';
import { Kind, REG_SZ } from './lineRecord';
import { dataContentEnd } from './scanValue';
import { displayName, SectionDiag, typeName, ValueEntry } from './section';
import { analyzerHits, SEVERITY_RANK } from './analyzer';
import { valueData } from './valueData';

export interface ExchangeFinding extends SectionDiag {
  /** Absolute line of the value. */
  line: number;
  /** Lower than the code's default where the catalog entry is uncertain. */
  severity?: Severity;
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'information', information: 'hint', hint: 'hint' };

const TYPE_NUMBER: Record<RegistryEntry['type'], number[]> = {
  REG_SZ: [1],
  REG_EXPAND_SZ: [2],
  REG_MULTI_SZ: [7],
  REG_DWORD: [4],
  REG_QWORD: [11],
  REG_BINARY: [3],
};

function versionName(v: ExchangeVersion): string {
  return EXCHANGE_VERSION_NAMES[v];
}

export { appliesTo };

export function restartPhrase(restart: string): string {
  if (restart === 'dynamic') return 'The change takes effect without a restart.';
  if (restart === 'reboot') return 'Then restart the server.';
  return `Then restart ${restart}.`;
}

function show(v: number): string {
  return `${v} (0x${v.toString(16).padStart(8, '0')})`;
}

/** Messages stay short: the finding and what to do. Longer variants fall back to a shorter form past this length. */
const MESSAGE_TARGET = 250;

function windowsName(w: string): string {
  return w === '2003' ? 'Windows Server 2003' : 'Windows 2000';
}

/** A Windows-specific constraint in words: "0", "24000 to 31000". */
function windowsRule(c: WindowsConstraint): string {
  const parts: string[] = [];
  if (c.allowed) parts.push(c.allowed.map((a) => String(a.value)).join(' or '));
  if (c.min !== undefined || c.max !== undefined) parts.push(`${c.min ?? 0} to ${c.max ?? 'any'}`);
  return parts.join(' or ');
}

function meetsWindows(c: WindowsConstraint, n: number): boolean {
  if (c.allowed && c.allowed.some((a) => a.value === n)) return true;
  if (c.min === undefined && c.max === undefined) return false;
  return (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);
}

/** Checks one imported value against its catalog entry. */
function checkValue(doc: RegDocument, entry: RegistryEntry, v: ValueEntry, line: number, lastLine: number, ctx: ExchangeContext, out: ExchangeFinding[]): void {
  const scan = doc.scan;
  const name = displayName(v.name);
  const at = (code: string, start: number, end: number, message: string, data?: unknown): void => {
    const finding: ExchangeFinding = { line, rel: 0, start, end, code, message, data: { entryId: entry.id, ...(data as object | undefined) } };
    if (entry.confidence === 'uncertain') {
      // Where the sources disagree or are unclear, say so, one level more quietly.
      finding.severity = LOWER[codeInfo(code).severity];
      finding.message += ' (Sources uncertain; see the hover.)';
    }
    out.push(finding);
  };
  const nameRange: [number, number] = [scan.nameStart[line], scan.nameEnd[line]];
  const lineText = doc.lineText(line);
  const dataStart = scan.dataStart[line];
  const dataRange: [number, number] = [dataStart, dataContentEnd(lineText, dataStart, lastLine === line ? scan.dataEnd[line] : lineText.length)];

  if (entry.status === 'deprecated' && isExchange2003OrLater(ctx.exchangeVersion)) {
    if (v.type === -1) return; // already a deletion: exactly the clean-up
    at(
      'reg.deprecated-e2k-tuning',
      ...nameRange,
      `${name} is Exchange 2000 tuning${entry.replacedBy ? `: ${entry.replacedBy}` : ' that the catalog marks obsolete on Exchange 2003'}. ${entry.action ?? 'Remove it.'}${entry.restart ? ` ${restartPhrase(entry.restart)}` : ''}`,
    );
    return;
  }
  if (v.type === -1) return;

  if (entry.status !== 'deprecated' && entry.versions?.length && !appliesTo(entry.versions, ctx.exchangeVersion)) {
    at(
      'reg.not-for-this-version',
      ...nameRange,
      `${name} is documented only for ${entry.versions.map((v) => (v === '2000' ? versionName(v) : `${versionName(v)}${v === '2003sp2' ? '' : ' and later'}`)).join(' and ')}; this server is set to ${versionName(ctx.exchangeVersion)} (exchangeConfig.exchangeVersion). Remove it unless this version needs it, or correct the setting.`,
    );
    return;
  }
  if (ctx.role && entry.roles?.length && !entry.roles.includes(ctx.role)) {
    at(
      'reg.not-for-this-role',
      ...nameRange,
      `${name} belongs on ${entry.roles.join(' or ')} ${entry.roles.length === 1 && entry.roles[0] === 'client' ? 'computers' : 'servers'}; this file is for a ${ctx.role} server (setting exchangeConfig.serverRole), where it has no effect. Set it where it belongs.`,
    );
  }

  const expected = TYPE_NUMBER[entry.type];
  // Where no source states the type, another type is not reported as wrong (the analyzer's numeric conditions then
  // simply do not apply).
  if (entry.typeNotStated && !expected.includes(v.type)) return;
  if (!expected.includes(v.type)) {
    const data = valueData(doc, line, lastLine);
    const asNumber = data.text !== undefined && /^\s*\d+\s*$/.test(data.text) ? Number(data.text) : undefined;
    at(
      'reg.wrong-type',
      ...dataRange,
      `${name} is documented as ${entry.type}, but this line writes ${typeName(v.type)}, which Exchange may ignore or misread. Write it as ${entry.type === 'REG_DWORD' ? 'dword:xxxxxxxx' : entry.type === 'REG_SZ' ? 'a quoted string' : entry.type}.`,
      { convert: entry.type === 'REG_DWORD' && asNumber !== undefined && asNumber <= 0xffffffff ? asNumber : entry.type === 'REG_SZ' && data.dword !== undefined ? String(data.dword) : undefined },
    );
    return;
  }

  const data = valueData(doc, line, lastLine);
  if (entry.type === 'REG_DWORD' && data.dword !== undefined) {
    const n = data.dword;
    if (entry.status === 'do-not-modify' && typeof entry.setupValue === 'number' && n !== entry.setupValue) {
      at(
        'reg.do-not-modify',
        ...dataRange,
        `${name} is ${show(n)}, but Setup writes ${show(entry.setupValue)} and the documentation says not to change it. Set it back to ${entry.setupValue}.`,
        { setDword: entry.setupValue },
      );
      return;
    }
    if (entry.allowed && !entry.allowed.some((a) => a.value === n)) {
      // Say what a source says such a value does, and nothing where no source says.
      const consequence = entry.otherValues ? ` ${entry.otherValues}` : '';
      const full = `${name} is ${n}, which is not one of the documented values (${entry.allowed.map((a) => `${a.value}: ${a.meaning}`).join('; ')}).${consequence} Use a documented value.`;
      at(
        'reg.value-not-allowed',
        ...dataRange,
        full.length <= MESSAGE_TARGET ? full : `${name} is ${n}, which is not one of the documented values (${entry.allowed.map((a) => a.value).join(', ')}; see the hover).${consequence} Use a documented value.`,
      );
      return;
    }
    if ((entry.min !== undefined && n < entry.min) || (entry.max !== undefined && n > entry.max)) {
      const unit = entry.unit ? ` ${entry.unit}` : '';
      const range = entry.min !== undefined && entry.max !== undefined ? `${entry.min} to ${entry.max}${unit}` : entry.min !== undefined ? `at least ${entry.min}${unit}` : `at most ${entry.max}${unit}`;
      const nearest = entry.min !== undefined && n < entry.min ? entry.min : (entry.max as number);
      at(
        'reg.value-out-of-range',
        ...dataRange,
        `${name} is ${n}${unit}, outside the documented range (${range}). Set a value in the range, for example ${nearest}.`,
        { setDword: nearest },
      );
      return;
    }
    if (entry.bits) {
      const all = entry.bits.find((b) => b.mask === 0xffffffff);
      const union = entry.bits.filter((b) => b.mask !== 0xffffffff).reduce((acc, b) => (acc | b.mask) >>> 0, 0);
      const undefinedBits = (n & ~union) >>> 0;
      if (undefinedBits !== 0 && !(all && n === 0xffffffff)) {
        at(
          'reg.undefined-bits',
          ...dataRange,
          `${name} is 0x${n.toString(16).padStart(8, '0')}, which sets bits that stand for no feature (0x${undefinedBits.toString(16).padStart(8, '0')}). The value must be a sum of the documented feature masks${all ? ` (or 0xffffffff for ${all.name})` : ''}. Remove the undefined bits.`,
          { setDword: (n & union) >>> 0 },
        );
        return;
      }
    }
  }
  const windows = ctx.windowsVersion;
  const win = windows ? entry.windows?.[windows] : undefined;
  if (!windows && entry.windows && data.dword !== undefined) {
    // The Windows version is unknown, but a value that no Windows version accepts is wrong on this server either way.
    const rules = Object.entries(entry.windows).filter((x): x is [string, WindowsConstraint] => x[1] !== undefined);
    const n = data.dword;
    if (rules.length >= 2 && rules.every(([, c]) => !meetsWindows(c, n))) {
      at(
        'reg.value-out-of-range',
        ...dataRange,
        `${name} is ${n}, which is wrong for Exchange on every Windows version: ${rules.map(([w, c]) => `${windowsRule(c)} on ${windowsName(w)}`).join(', ')}. Set the value for this server's Windows version.`,
      );
      return;
    }
  }
  if (win && data.dword !== undefined) {
    const n = data.dword;
    const on = `on ${windowsName(windows as string)}`;
    if (win.allowed && !win.allowed.some((a) => a.value === n)) {
      at(
        'reg.value-not-allowed',
        ...dataRange,
        `${name} is ${n}, but ${on} it must be ${win.allowed.map((a) => `${a.value} (${a.meaning})`).join(' or ')}. Set it to ${win.allowed.map((a) => a.value).join(' or ')}.`,
        win.allowed.length === 1 && typeof win.allowed[0].value === 'number' ? { setDword: win.allowed[0].value } : undefined,
      );
      return;
    }
    if ((win.min !== undefined && n < win.min) || (win.max !== undefined && n > win.max)) {
      const nearest = win.min !== undefined && n < win.min ? win.min : (win.max as number);
      at(
        'reg.value-out-of-range',
        ...dataRange,
        `${name} is ${n}, but ${on} it must be ${win.min ?? 0} to ${win.max ?? 'any'}. Set a value in the range, for example ${nearest}.`,
        { setDword: nearest },
      );
      return;
    }
  }
  const recommended = entry.recommended;
  if (recommended && data.dword !== undefined) {
    const n = data.dword;
    const low = recommended.min !== undefined && n < recommended.min;
    if (low || (recommended.max !== undefined && n > recommended.max)) {
      const unit = entry.unit ? ` ${entry.unit}` : '';
      const nearest = low ? (recommended.min as number) : (recommended.max as number);
      at(
        'reg.discouraged-setting',
        ...dataRange,
        `${name} is ${n}${unit}; the recommended value is ${recommendedRange(entry)}: ${recommended.reason}. Consider ${nearest}.`,
        { setDword: nearest },
      );
      return;
    }
  }
  const discouraged = entry.discouragedValues?.find((x) => x.value === (data.dword ?? data.text));
  if (discouraged) {
    at('reg.discouraged-setting', ...dataRange, `${name} is ${String(discouraged.value)}: ${discouraged.reason}`);
    return;
  }
  if (data.text !== undefined && entry.format) {
    const problem = formatProblem(entry, data.text);
    if (problem) {
      at('reg.invalid-format', ...dataRange, `${name}: ${problem}`);
      return;
    }
  }
  if (entry.status === 'discouraged') {
    at(
      'reg.discouraged-setting',
      ...nameRange,
      `${name} is valid, but discouraged: ${entry.action ?? entry.description.split('\n')[0]}`,
    );
  }
}

/**
 * The catalog's own findings on a value together with the Exchange Server Analyzer's, one statement per value where
 * they say the same: the analyzer's most severe finding is reported when it is more severe than every finding of the
 * catalog's own checks, and then replaces a "discouraged" finding on the value (the hover gives both statements with
 * their sources). Otherwise the catalog's findings stand and the analyzer's statement is in the hover.
 */
function withAnalyzer(doc: RegDocument, entry: RegistryEntry, v: ValueEntry, line: number, lastLine: number, ctx: ExchangeContext, own: ExchangeFinding[]): ExchangeFinding[] {
  if (v.type === -1) return own;
  // Exchange 2000 tuning reported as obsolete: removing it is also what the analyzer's rules on it come to.
  if (own.some((f) => f.code === 'reg.deprecated-e2k-tuning' || f.code === 'reg.wrong-type')) return own;
  const data = valueData(doc, line, lastLine);
  const hits = analyzerHits(entry, displayName(v.name), data, ctx);
  if (hits.length === 0) return own;
  const severityOf = (f: { code: string; severity?: Severity }): Severity => f.severity ?? codeInfo(f.code).severity;
  const uncertain = entry.confidence === 'uncertain';
  const ranked = hits.map((h) => ({ h, severity: uncertain ? LOWER[codeInfo(h.code).severity] : codeInfo(h.code).severity }));
  const top = Math.max(...ranked.map((r) => SEVERITY_RANK[r.severity]));
  const ownTop = Math.max(-1, ...own.map((f) => SEVERITY_RANK[severityOf(f)]));
  if (top <= ownTop) return own;
  const scan = doc.scan;
  const lineText = doc.lineText(line);
  const dataStart = scan.dataStart[line];
  const dataEnd = dataContentEnd(lineText, dataStart, lastLine === line ? scan.dataEnd[line] : lineText.length);
  const kept = own.filter((f) => f.code !== 'reg.discouraged-setting');
  for (const { h, severity } of ranked) {
    if (SEVERITY_RANK[severity] !== top) continue;
    const finding: ExchangeFinding = { line, rel: 0, start: dataStart, end: dataEnd, code: h.code, message: h.message, data: h.data };
    if (uncertain) {
      finding.severity = severity;
      finding.message += ' (Sources uncertain; see the hover.)';
    }
    kept.push(finding);
    break;
  }
  return kept;
}

const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

export function formatProblem(entry: RegistryEntry, text: string): string | undefined {
  switch (entry.format) {
    case 'guid':
      return GUID.test(text.trim()) ? undefined : `"${text}" is not a GUID (like {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}). Write the GUID of the object it names.`;
    case 'drive-letter':
      return /^[A-Za-z]$/.test(text.trim()) ? undefined : `"${text}" is not a single drive letter. Write one letter, such as M.`;
    case 'extension-list': {
      const items = text.split(',');
      const bad = items.find((x) => x === '' || /[.\s]/.test(x));
      if (bad !== undefined) return `the list must be extensions without dots or blanks, separated by commas; "${bad}" is not one. Write, for example, exe,vbs,js.`;
      const dup = items.find((x, k) => items.findIndex((y) => y.toLowerCase() === x.toLowerCase()) !== k);
      if (dup) return `"${dup}" is listed twice. Remove the duplicate.`;
      return undefined;
    }
    case 'mime-list': {
      const items = text.split(',');
      // An entry that Setup itself writes (the Level 1 default holds x-internet-signup without a type/) is never reported.
      const setupWrites = new Set((entry.defaultWhenAbsent ?? '').split(/[\s:,]+/));
      const bad = items.find((x) => !setupWrites.has(x) && !/^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/.test(x));
      return bad !== undefined ? `the list must be MIME types (type/subtype) separated by commas; "${bad}" is not in that form. Write, for example, application/x-msdownload.` : undefined;
    }
    case 'host-list': {
      const items = text.split(',');
      const bad = items.find((x) => !/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(x));
      return bad !== undefined ? `the list must be host names separated by commas (no blanks, no URLs); "${bad}" is not one. Write, for example, mail.contoso.com,webmail.contoso.com.` : undefined;
    }
    case 'valid-ports': {
      const items = text.split(';').filter((x) => x !== '');
      const bad = items.find((x) => !/^[A-Za-z0-9][A-Za-z0-9.-]*:\d{1,5}(-\d{1,5})?$/.test(x));
      if (bad !== undefined) return `each entry must be host:port or host:first-last, separated by semicolons; "${bad}" is not, so the RPC proxy refuses connections to it. The documented form is ExchangeServer:6001-6002;ExchangeServerFQDN:6001-6002;ExchangeServer:6004;ExchangeServerFQDN:6004;`;
      // The documented pattern opens 6001-6002 (store, DSReferral) and 6004 (DSProxy) on each Exchange server.
      const odd = items.find((x) => {
        const [first, last = first] = x.split(':')[1].split('-').map(Number);
        return first > last || first < 6001 || last > 6004 || (first <= 6003 && last >= 6003);
      });
      if (odd !== undefined) return `"${odd}" opens other ports than the documented 6001-6002 and 6004 (RPC over HTTP: store, DSReferral and DSProxy); the RPC proxy then forwards to ports Exchange does not use, or leaves out one it needs. Use host:6001-6002 and host:6004 for each Exchange server (NetBIOS name and internal FQDN).`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** OWA attachment lists: an entry in the Level 2 list that the Level 1 list also names is blocked outright. */
const LEVEL_PAIRS: [string, string][] = [
  ['level1filetypes', 'level2filetypes'],
  ['level1mimetypes', 'level2mimetypes'],
];

function checkLevelLists(doc: RegDocument, sectionStart: number, entries: readonly ValueEntry[], known: ReadonlyMap<string, RegistryEntry>, out: ExchangeFinding[]): void {
  const byName = new Map<string, ValueEntry>();
  for (const v of entries) if (v.valid && v.type === REG_SZ && v.name !== null) byName.set(v.name.toLowerCase(), v);
  for (const [l1, l2] of LEVEL_PAIRS) {
    const one = byName.get(l1);
    const two = byName.get(l2);
    if (!one || !two || !known.has(l1) || !known.has(l2)) continue;
    const first = doc.str(sectionStart + one.rel) ?? '';
    const second = doc.record(sectionStart + two.rel);
    const blocked = new Set(first.split(',').map((x) => x.trim().toLowerCase()));
    const both = (second.str ?? '').split(',').filter((x) => x !== '' && blocked.has(x.trim().toLowerCase()));
    if (both.length === 0) continue;
    const line = sectionStart + two.rel;
    const oneRec = doc.record(sectionStart + one.rel);
    out.push({
      line,
      rel: 0,
      start: second.dataStart,
      end: second.dataEnd,
      code: 'reg.level2-blocked-by-level1',
      message: `${both.map((x) => `"${x}"`).join(', ')} ${both.length === 1 ? 'is' : 'are'} also in ${displayName(one.name)}, and Level 1 wins: Outlook Web Access blocks such attachments outright instead of letting users save them. Remove ${both.length === 1 ? 'it' : 'them'} from one of the two lists, depending on which behaviour you want.`,
      related: [{ rel: sectionStart + one.rel - line, start: oneRec.nameStart, end: oneRec.nameEnd, message: 'the Level 1 list' }],
    });
  }
}

/** Exchange findings for every section whose key the catalog knows. */
export function checkExchange(doc: RegDocument, keys: readonly (string | undefined)[], index: RegistryCatalogIndex, ctx: ExchangeContext): ExchangeFinding[] {
  const out: ExchangeFinding[] = [];
  for (let i = 0; i < doc.sections.length; i++) {
    const key = keys[i];
    if (key === undefined) continue;
    const known = index.valuesUnder(key);
    if (!known) continue;
    const s = doc.sections[i];
    for (const v of s.analysis().entries) {
      if (!v.valid) continue;
      const entry = known.get((v.name ?? '').toLowerCase());
      if (!entry) continue;
      const line = s.start + v.rel;
      if (doc.scan.kind(line) !== Kind.Value) continue;
      if (!entry.analyzer?.length) {
        checkValue(doc, entry, v, line, s.start + v.lastRel, ctx, out);
        continue;
      }
      const own: ExchangeFinding[] = [];
      checkValue(doc, entry, v, line, s.start + v.lastRel, ctx, own);
      out.push(...withAnalyzer(doc, entry, v, line, s.start + v.lastRel, ctx, own));
    }
    checkLevelLists(doc, s.start, s.analysis().entries, known, out);
  }
  return out;
}
