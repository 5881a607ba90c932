/**
 * The checks of a boot.ini file: its sections and lines, the [boot loader] settings, and every entry's path,
 * description and switches (against server/data/catalog/bootini-switches.json). The Exchange memory rules are in
 * exchange.ts. Every diagnostic says what is wrong, what it does, and what to do; its quick fixes travel in `data`.
 */
import { ExchangeContext } from '../../core/catalog';
import { codeInfo } from '../../core/codes';
import { nearestCandidates } from '../../core/nearest';
import { Diagnostic, lineRange, SOURCE } from '../../core/types';
import { arcProblems } from './arcpath';
import { deleteLine, FixSpec, insertLinesAfter, insertLinesBefore, removeSwitch, replaceOn } from './edits';
import { bootEntry, entriesNamedBy, entryFacts, EntryFacts, settingNamed, SwitchUse } from './entries';
import { checkExchangeMemory } from './exchange';
import type { BootIniDocument, Entry, Section, SectionKind, Setting } from './parse';
import {
  BootSwitch,
  conflictsOf,
  documentedValue,
  inUserCase,
  LOADER_KEYS,
  RELEASE_NAMES,
  switchNamed,
  SWITCH_NAMES,
  valuePattern,
  WindowsRelease,
} from './switches';
import { EntryWindows, windowsLabel, windowsSource } from './windows';
import { trimEndChars } from '../../core/text';

export interface Related {
  line: number;
  start: number;
  end: number;
  message: string;
}

/** Collects diagnostics for one document. */
export class Reporter {
  readonly out: Diagnostic[] = [];

  add(code: string, line: number, start: number, end: number, message: string, extra: { fixes?: FixSpec[]; related?: Related[] } = {}): void {
    const info = codeInfo(code);
    const d: Diagnostic = { range: lineRange(line, start, end), severity: info.severity, code, message, source: SOURCE };
    if (info.tags) d.tags = [...info.tags];
    if (extra.related?.length) d.related = extra.related.map((r) => ({ range: lineRange(r.line, r.start, r.end), message: r.message }));
    if (extra.fixes?.length) d.data = { fixes: extra.fixes };
    this.out.push(d);
  }
}

export interface ValidateOptions {
  context: ExchangeContext;
}

/** Every diagnostic of the document in position order (the language service applies overrides and the cap). */
export function validateBootIni(doc: BootIniDocument, options: ValidateOptions): Diagnostic[] {
  const r = new Reporter();
  checkSections(doc, r);
  checkLines(doc, r);
  checkSettings(doc, r);
  checkZeroTimeout(doc, r);
  const redirect = settingNamed(doc, 'redirect');
  const boot = bootEntry(doc);
  for (const entry of doc.entries) {
    const facts = entryFacts(entry, options.context);
    checkEntry(doc, facts, r, redirect !== undefined);
    checkExchangeMemory(doc, facts, options.context, boot, r);
  }
  return r.out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

// ---------------------------------------------------------------------------------------------------------------
// Sections and lines

const SECTION_NAMES: readonly SectionKind[] = ['boot loader', 'operating systems'];

function checkSections(doc: BootIniDocument, r: Reporter): void {
  const bootLoader = doc.firstSection('boot loader');
  const os = doc.firstSection('operating systems');
  const line0 = doc.lines[0];
  if (!bootLoader) {
    const first = doc.entries.find((e) => e.pathInfo.kind === 'arc') ?? doc.entries[0];
    const lines = ['[boot loader]', 'timeout=30'];
    if (first) lines.push(`default=${first.path}`);
    const at = os ? os.line : 0;
    r.add(
      'bootini.missing-boot-loader',
      at,
      os ? os.open : 0,
      os ? (os.close < 0 ? os.nameEnd : os.close + 1) : line0.length,
      'This boot.ini has no [boot loader] section, so it sets neither timeout= (how long the menu waits) nor default= (the entry that starts). Add the section before [operating systems].',
      { fixes: [{ title: `Add a [boot loader] section (timeout=30${first ? `, default=${first.path}` : ''})`, edits: [insertLinesBefore(doc, at, lines)] }] },
    );
  }
  if (!os) {
    r.add(
      'bootini.no-operating-systems',
      0,
      0,
      line0.length,
      'This boot.ini has no [operating systems] section, so the boot menu has no entry to start. Add the section with one line per Windows installation, such as multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows".',
    );
  } else if (doc.entries.length === 0) {
    r.add(
      'bootini.no-operating-systems',
      os.line,
      os.nameStart,
      os.nameEnd,
      'The [operating systems] section lists no entry, so the boot menu has nothing to start. Add one line per Windows installation, for example multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect.',
    );
  }
  for (const s of doc.sections) {
    if (s.repeats !== undefined) {
      const first = doc.sections[s.repeats];
      r.add(
        'bootini.duplicate-section',
        s.line,
        s.nameStart,
        s.nameEnd,
        `[${s.name}] appears a second time (first on line ${first.line + 1}); boot.ini has each section once. Move these lines into the first [${first.name}].`,
        { related: [{ line: first.line, start: first.nameStart, end: first.nameEnd, message: 'The first one' }] },
      );
    } else if (s.kind === 'unknown') {
      checkUnknownSection(doc, s, r);
    }
  }
}

function checkUnknownSection(doc: BootIniDocument, s: Section, r: Reporter): void {
  const near = nearestCandidates(s.name.trim(), SECTION_NAMES, 4);
  if (near.length === 0) {
    // Other programs keep their own sections in boot.ini; the loader skips them, so there is nothing to fix.
    r.add(
      'bootini.other-section',
      s.line,
      s.nameStart,
      s.nameEnd,
      `The boot loader ignores [${s.name}] and its lines: it reads only [boot loader] and [operating systems]. If a program keeps its settings here, leave them.`,
    );
    return;
  }
  const missing = near.filter((n) => !doc.firstSection(n));
  const fixes: FixSpec[] = missing.map((n) => ({ title: `Change to [${n}]`, preferred: missing.length === 1, edits: [replaceOn(s.line, s.nameStart, s.nameEnd, n)] }));
  r.add(
    'bootini.unknown-section',
    s.line,
    s.nameStart,
    s.nameEnd,
    missing.length
      ? `[${s.name}] is not a boot.ini section, so the loader ignores the lines below it. Did you mean [${missing.join('] or [')}]?`
      : `[${s.name}] looks like [${near[0]}], which this file already has; the loader ignores the lines below [${s.name}]. Move them into [${near[0]}].`,
    { fixes },
  );
}

function checkLines(doc: BootIniDocument, r: Reporter): void {
  for (let i = 0; i < doc.lineCount; i++) {
    const rec = doc.records[i];
    const text = doc.lines[i];
    if (rec.kind === 'outside') {
      // Blanks are spaces and tabs only, as the parser counts them.
      const start = text.search(/[^ \t]/);
      const end = trimEndChars(text, ' \t').length;
      r.add(
        'bootini.outside-section',
        i,
        start,
        end,
        'This line comes before the first section header, so nothing reads it. Move it under [boot loader] or [operating systems], or start it with ; to make it a comment.',
        { fixes: [{ title: 'Turn the line into a comment', edits: [replaceOn(i, start, start, '; ')] }] },
      );
    } else if (rec.kind === 'header' && rec.problem) {
      const p = rec.problem;
      if (p.what === 'missing-bracket') {
        r.add('bootini.invalid-line', i, p.start, p.end, 'The section header has no closing ]. Write it as [boot loader] or [operating systems].', {
          fixes: [{ title: 'Add the closing "]"', preferred: true, edits: [replaceOn(i, p.end, p.end, ']')] }],
        });
      } else {
        const s = doc.sections[rec.section];
        r.add('bootini.invalid-line', i, p.start, p.end, `Text after the header [${s.name}]: a header stands alone on its line. Move the text to a line of its own (or start it with ; on its own line as a comment).`, {
          fixes: [{ title: 'Remove the text after the header', preferred: true, edits: [replaceOn(i, s.close + 1, text.length, '')] }],
        });
      }
    } else if (rec.kind === 'invalid' && rec.problem) {
      const p = rec.problem;
      const fixes: FixSpec[] = [{ title: 'Turn the line into a comment', edits: [replaceOn(i, p.start, p.start, '; ')] }];
      if (p.what === 'setting-without-equals') {
        const looksLikeEntry = /^(?:(?:multi|scsi|signature)\(|[A-Za-z]:\\)/i.test(text.slice(p.start));
        r.add(
          'bootini.invalid-line',
          i,
          p.start,
          p.end,
          looksLikeEntry
            ? 'This looks like an entry of [operating systems], but it is under [boot loader], where every line is key=value (timeout=30, default=…). Move it below the [operating systems] header.'
            : 'In [boot loader] every line is key=value (timeout=30, default=…); this one has no "=", so nothing reads it. Correct it, or start it with ; to make it a comment.',
          { fixes },
        );
      } else {
        r.add(
          'bootini.invalid-line',
          i,
          p.start,
          p.end,
          'In [operating systems] every line is an entry, PATH="Description" /switches; this one is not, so the boot menu does not offer it. Correct it, or start it with ; to make it a comment.',
          { fixes },
        );
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// [boot loader]

const REDIRECT_PORTS = ['COM1', 'COM2', 'COM3', 'COM4', 'USEBIOSSETTINGS'];
const REDIRECT_RATES = ['9600', '19200', '57600', '115200'];

function checkSettings(doc: BootIniDocument, r: Reporter): void {
  const seen = new Map<string, Setting>();
  for (const s of doc.settings) {
    const key = s.key.toLowerCase();
    if (!LOADER_KEYS.includes(key)) {
      const near = nearestCandidates(s.key, LOADER_KEYS, s.key.length <= 5 ? 2 : 3).filter((n) => !seen.has(n));
      r.add(
        'bootini.unknown-key',
        s.line,
        s.keyStart,
        s.keyEnd,
        `"${s.key}" is not a [boot loader] key: the loader reads only timeout, default, redirect and redirectbaudrate, so this line has no effect${near.length ? `. Did you mean ${near.join(' or ')}?` : '.'}`,
        { fixes: near.map((n) => ({ title: `Change to ${n}`, preferred: near.length === 1, edits: [replaceOn(s.line, s.keyStart, s.keyEnd, n)] })) },
      );
      continue;
    }
    const earlier = seen.get(key);
    if (earlier) {
      const same = earlier.value.toUpperCase() === s.value.toUpperCase();
      r.add(
        'bootini.duplicate-key',
        s.line,
        s.keyStart,
        s.keyEnd,
        `${key}= is set a second time (first on line ${earlier.line + 1}${same ? ', to the same value' : `, to ${earlier.value || 'nothing'}`}); which one counts is not documented. Keep one.`,
        {
          related: [{ line: earlier.line, start: earlier.keyStart, end: earlier.keyEnd, message: 'The first one' }],
          fixes: [{ title: 'Remove this line', preferred: same, edits: [deleteLine(doc, s.line)] }],
        },
      );
      continue;
    }
    seen.set(key, s);
    if (key === 'timeout') checkTimeout(s, r);
    else if (key === 'redirect' || key === 'redirectbaudrate') checkRedirect(s, key, r);
    else if (key === 'default') checkDefault(doc, s, r);
  }
}

function valueRange(s: Setting): [number, number] {
  return s.value === '' ? [s.eq, s.eq + 1] : [s.valueStart, s.valueEnd];
}

function checkTimeout(s: Setting, r: Reporter): void {
  if (/^(?:-1|\d+)$/.test(s.value)) return;
  const [start, end] = valueRange(s);
  const digits = /^\d+/.exec(s.value)?.[0];
  const fixes: FixSpec[] = [];
  if (digits) fixes.push({ title: `Set timeout=${Number(digits)}`, preferred: true, edits: [replaceOn(s.line, s.valueStart, s.valueEnd, String(Number(digits)))] });
  fixes.push({ title: 'Set timeout=30', edits: [replaceOn(s.line, s.valueStart, s.valueEnd, '30')] });
  r.add(
    'bootini.invalid-timeout',
    s.line,
    start,
    end,
    `timeout=${s.value ? ` "${s.value}"` : ''} is not a number of seconds: write a whole number, 0 or more (0 starts the default entry at once), or -1 to wait until someone chooses.`,
    { fixes },
  );
}

/** timeout=0 starts the default entry without showing the menu; when that entry is not Windows, Windows never starts unattended. */
function checkZeroTimeout(doc: BootIniDocument, r: Reporter): void {
  const timeout = settingNamed(doc, 'timeout');
  const dflt = settingNamed(doc, 'default');
  if (!timeout || !dflt || !/^0+$/.test(timeout.value)) return;
  // Set twice, which value counts is not documented (bootini.duplicate-key says so).
  if (doc.settings.filter((s) => /^(?:timeout|default)$/i.test(s.key)).length !== 2) return;
  const target = entriesNamedBy(doc, dflt.value)[0];
  if (!target || target.pathInfo.kind !== 'drive') return;
  const windows = [...new Map(doc.entries.filter((e) => e.pathInfo.kind === 'arc').map((e) => [e.path.toUpperCase(), e.path])).values()];
  const fixes: FixSpec[] = windows.slice(0, 5).map((p) => ({ title: `Set default=${p}`, preferred: windows.length === 1, edits: [replaceOn(dflt.line, dflt.valueStart, dflt.valueEnd, p)] }));
  fixes.push({ title: 'Set timeout=30', edits: [replaceOn(timeout.line, timeout.valueStart, timeout.valueEnd, '30')] });
  const name = target.description !== undefined ? `"${target.description}"` : target.path;
  r.add(
    'bootini.zero-timeout-default-not-windows',
    timeout.line,
    timeout.valueStart,
    timeout.valueEnd,
    `timeout=0 starts the default entry without showing the menu, and default= names ${name}, which is not Windows: the computer starts it every time. Point default= at the Windows entry, or give the menu time.`,
    { fixes, related: [{ line: target.line, start: target.pathStart, end: target.pathEnd, message: 'The entry default= names' }] },
  );
}

function checkRedirect(s: Setting, key: 'redirect' | 'redirectbaudrate', r: Reporter): void {
  const allowed = key === 'redirect' ? REDIRECT_PORTS : REDIRECT_RATES;
  if (allowed.includes(s.value.toUpperCase())) return;
  const [start, end] = valueRange(s);
  const near = s.value ? nearestCandidates(s.value, allowed, 3) : [];
  r.add(
    'bootini.invalid-redirect',
    s.line,
    start,
    end,
    key === 'redirect'
      ? `redirect=${s.value} is not a port Emergency Management Services can use: write COM1, COM2, COM3, COM4 or USEBIOSSETTINGS (KB 833721). Without a valid port, entries with /REDIRECT get no console redirection.`
      : `redirectbaudrate=${s.value} is not a speed Emergency Management Services accepts: write 9600 (the default), 19200, 57600 or 115200 (KB 833721).`,
    { fixes: near.map((n) => ({ title: `Change to ${n}`, preferred: near.length === 1, edits: [replaceOn(s.line, s.valueStart, s.valueEnd, n)] })) },
  );
}

function checkDefault(doc: BootIniDocument, s: Setting, r: Reporter): void {
  if (doc.entries.length === 0 || entriesNamedBy(doc, s.value).length > 0) return;
  const paths = [...new Map(doc.entries.map((e) => [e.path.toUpperCase(), e.path])).values()];
  const near = s.value ? nearestCandidates(s.value, paths, 4) : [];
  const candidates = near.length ? near : paths.slice(0, 5);
  const [start, end] = valueRange(s);
  r.add(
    'bootini.default-not-found',
    s.line,
    start,
    end,
    `default= names no entry of [operating systems]${s.value ? '' : ' (it is empty)'}, so it does not choose the entry that starts. Write the path as in the entry's line (letter case aside)${near.length === 1 ? `; did you mean ${near[0]}?` : '.'}`,
    {
      fixes: candidates.map((p) => ({ title: `Set default=${p}`, preferred: candidates.length === 1, edits: [replaceOn(s.line, s.valueStart, s.valueEnd, p)] })),
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Entries

function checkEntry(doc: BootIniDocument, facts: EntryFacts, r: Reporter, hasRedirectPort: boolean): void {
  const { entry } = facts;
  checkPath(entry, r);
  checkDescription(doc, entry, facts.windows, r);
  checkStray(doc, entry, r);
  for (const use of facts.uses) checkSwitch(doc, facts, use, r);
  checkDuplicates(doc, facts, r);
  checkConflicts(doc, facts, r);
  checkRequirements(doc, facts, r);
  const redirect = facts.first.get('/REDIRECT');
  if (redirect && !hasRedirectPort) {
    const loader = doc.firstSection('boot loader');
    const fixes: FixSpec[] = [];
    if (loader) {
      const last = lastSettingLine(doc, loader);
      fixes.push({ title: 'Add redirect=USEBIOSSETTINGS to [boot loader]', edits: [insertLinesAfter(doc, last, ['redirect=USEBIOSSETTINGS'])] });
      fixes.push({ title: 'Add redirect=COM1 to [boot loader]', edits: [insertLinesAfter(doc, last, ['redirect=COM1'])] });
    }
    r.add(
      'bootini.redirect-without-port',
      entry.line,
      redirect.token.start,
      redirect.token.end,
      '/REDIRECT turns on Emergency Management Services for this entry, but [boot loader] names no port, so nothing is redirected. Add redirect=COM1 (to COM4) or redirect=USEBIOSSETTINGS to [boot loader].',
      { fixes },
    );
  }
}

/** The last line of a section that is not blank or a comment (the header line when there is none). */
function lastSettingLine(doc: BootIniDocument, s: Section): number {
  for (let i = s.lastLine; i > s.line; i--) {
    const k = doc.records[i].kind;
    if (k !== 'blank' && k !== 'comment') return i;
  }
  return s.line;
}

function checkPath(entry: Entry, r: Reporter): void {
  const info = entry.pathInfo;
  if (info.kind === 'invalid') {
    const start = info.start;
    const end = Math.max(info.end, start);
    r.add(
      'bootini.invalid-arc-path',
      entry.line,
      start,
      end,
      `This entry's path is not valid: ${info.problem}, so the entry cannot start. Correct it: Windows entries use an ARC path, other systems a drive path such as C:\\.`,
    );
    return;
  }
  if (info.kind !== 'arc') return;
  for (const p of arcProblems(info)) {
    r.add(
      p.unusual ? 'bootini.unusual-arc-path' : 'bootini.invalid-arc-path',
      entry.line,
      p.start,
      p.end,
      p.unusual
        ? `Unusual ARC path: ${p.message} (with multi() the loader reads the disk through the BIOS). Check that this is the disk Windows is on, and write multi(0) if it is.`
        : `Invalid ARC path: ${p.message}. The loader looks for Windows in the wrong place; correct the path (and default= if it names this entry).`,
    );
  }
}

function checkDescription(doc: BootIniDocument, entry: Entry, windows: EntryWindows, r: Reporter): void {
  const line = entry.line;
  const suggested = windows.release === '2003' ? 'Windows Server 2003' : windows.release === '2000' ? 'Microsoft Windows 2000 Server' : 'Microsoft Windows';
  if (entry.eq === undefined) {
    r.add(
      'bootini.invalid-description',
      line,
      entry.pathStart,
      entry.pathEnd,
      'This entry has no ="Description" after its path. Every entry is written PATH="Description" /switches: the description is what the boot menu shows. Add one.',
      { fixes: [{ title: `Add ="${suggested}"`, edits: [replaceOn(line, entry.pathEnd, entry.pathEnd, `="${suggested}"`)] }] },
    );
    return;
  }
  if (entry.description === undefined) {
    r.add('bootini.invalid-description', line, entry.eq, entry.eq + 1, 'Nothing follows "=": every entry is written PATH="Description" /switches, and the description is what the boot menu shows. Add one in double quotes.', {
      fixes: [{ title: `Add "${suggested}"`, edits: [replaceOn(line, entry.eq + 1, entry.eq + 1, `"${suggested}"`)] }],
    });
    return;
  }
  if (entry.quoted && !entry.closed) {
    // Put the missing quote before the first switch, if the text has one.
    const text = doc.lines[line];
    const m = /[ \t]\//.exec(text.slice(entry.descStart + 1, entry.descEnd));
    let at = m ? entry.descStart + 1 + m.index : entry.descEnd;
    while (at > entry.descStart + 1 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
    r.add(
      'bootini.invalid-description',
      line,
      entry.descStart,
      entry.descEnd,
      'The description has no closing double quote, so everything after it, switches included, is read as description and no switch takes effect. Close the quote after the description.',
      { fixes: [{ title: 'Add the closing quote', preferred: true, edits: [replaceOn(line, at, at, '"')] }] },
    );
    return;
  }
  if (!entry.quoted) {
    r.add(
      'bootini.invalid-description',
      line,
      entry.descStart,
      entry.descEnd,
      'The description is not in double quotes. Entries are written PATH="Description" /switches (KB 833721, KB 102873); put the description in quotes.',
      { fixes: [{ title: 'Put the description in double quotes', preferred: true, edits: [replaceOn(line, entry.descStart, entry.descStart, '"'), replaceOn(line, entry.descEnd, entry.descEnd, '"')] }] },
    );
  }
}

function checkStray(doc: BootIniDocument, entry: Entry, r: Reporter): void {
  for (const s of entry.stray) {
    if (s.text.startsWith(';')) {
      r.add(
        'bootini.stray-text',
        entry.line,
        s.start,
        entry.contentEnd,
        'boot.ini has no end-of-line comments: a ; comment must stand on a line of its own, and here it is read as part of the entry\'s options. Move the comment to its own line above the entry.',
        { fixes: [{ title: 'Remove the comment from the entry', edits: [replaceOn(entry.line, trimBefore(doc, entry.line, s.start), entry.contentEnd, '')] }] },
      );
      break;
    }
    const m = /^[-\\]?([A-Za-z0-9]+)(?:[=:].*)?$/.exec(s.text);
    const known = m ? switchNamed(m[1]) : undefined;
    const fixes: FixSpec[] = [];
    if (known && m) {
      const hasPrefix = s.text[0] === '-' || s.text[0] === '\\';
      fixes.push({ title: `Write /${m[1]}`, preferred: true, edits: [replaceOn(entry.line, s.start, s.start + (hasPrefix ? 1 : 0), '/')] });
    }
    fixes.push({ title: `Remove "${s.text}"`, edits: [replaceOn(entry.line, trimBefore(doc, entry.line, s.start), s.end, '')] });
    r.add(
      'bootini.stray-text',
      entry.line,
      s.start,
      s.end,
      known
        ? `"${s.text}" is not a switch because it does not start with "/"; did you mean ${known.name}? Every option after the description is written /NAME or /NAME=value.`
        : `"${s.text}" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description's text inside the quotes.`,
      { fixes },
    );
  }
}

function trimBefore(doc: BootIniDocument, line: number, at: number): number {
  const text = doc.lines[line];
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at;
}

// ---------------------------------------------------------------------------------------------------------------
// Switches

function display(use: SwitchUse): string {
  return `/${use.token.name}`;
}

function checkSwitch(doc: BootIniDocument, facts: EntryFacts, use: SwitchUse, r: Reporter): void {
  const { entry } = facts;
  const { token, sw } = use;
  const line = entry.line;
  if (!sw) {
    if (token.name === '') {
      r.add('bootini.unknown-switch', line, token.start, token.end, 'A "/" without a switch name after it. Remove it, or write the switch name right after the slash.', {
        fixes: [{ title: 'Remove it', preferred: true, edits: [removeSwitch(doc, entry, token)] }],
      });
      return;
    }
    const near = nearestCandidates(token.name, SWITCH_NAMES, token.name.length <= 4 ? 1 : 2);
    r.add(
      'bootini.unknown-switch',
      line,
      token.start,
      token.nameEnd,
      `/${token.name} is not a switch any Windows version documents${near.length ? `; did you mean /${near.join(' or /')}?` : '.'} Windows ignores switches it does not know, so this one has no effect.`,
      {
        fixes: [
          ...near.map((n) => ({ title: `Change to /${inUserCase(n, token.name)}`, preferred: near.length === 1, edits: [replaceOn(line, token.nameStart, token.nameEnd, inUserCase(n, token.name))] })),
          { title: `Remove /${token.name}`, edits: [removeSwitch(doc, entry, token)] },
        ],
      },
    );
    return;
  }
  if (checkValueForm(doc, facts, use, sw, r)) checkValue(facts, use, sw, r);
  checkVersion(doc, facts, use, sw, r);
}

/** The form of the value (present, absent, separator); true when the value itself can be checked. */
function checkValueForm(doc: BootIniDocument, facts: EntryFacts, use: SwitchUse, sw: BootSwitch, r: Reporter): boolean {
  const { entry } = facts;
  const { token } = use;
  const line = entry.line;
  const name = display(use);
  const seps = sw.separators ?? ['='];
  if (sw.value === 'none') {
    if (token.separator === undefined) return false;
    r.add(
      'bootini.unexpected-switch-value',
      line,
      token.nameEnd,
      token.end,
      `${name} takes no value; "${token.separator}${token.value}" is not documented and has no documented effect. Write ${name} alone.`,
      { fixes: [{ title: `Write ${name} without a value`, preferred: true, edits: [replaceOn(line, token.nameEnd, token.end, '')] }] },
    );
    return false;
  }
  if (token.separator === undefined) {
    if (sw.value === 'optional') return false;
    const fixes: FixSpec[] = [];
    const example = sw.recommended ?? (sw.valueKind === 'enum' ? undefined : sw.values?.[0]?.value);
    if (example !== undefined) fixes.push({ title: `Add ${seps[0]}${example}`, preferred: sw.recommended !== undefined, edits: [replaceOn(line, token.end, token.end, `${seps[0]}${example}`)] });
    fixes.push({ title: `Remove ${name}`, edits: [removeSwitch(doc, entry, token)] });
    r.add(
      'bootini.switch-value-missing',
      line,
      token.start,
      token.end,
      `${name} needs a value after "${seps[0]}": ${sw.valueForm ?? 'see its description'}${sw.values?.length ? `, for example ${sw.name}${seps[0]}${sw.recommended ?? sw.values[0].value}` : ''}. Without one the switch does not do what it is meant to; add a value, or remove the switch.`,
      { fixes },
    );
    return false;
  }
  if (!seps.includes(token.separator)) {
    r.add(
      'bootini.invalid-switch-value',
      line,
      token.nameEnd,
      token.nameEnd + 1,
      `${name} takes its value after "${seps[0]}", not "${token.separator}": write ${name}${seps[0]}${token.value}.`,
      { fixes: [{ title: `Write ${name}${seps[0]}${token.value}`, preferred: true, edits: [replaceOn(line, token.nameEnd, token.nameEnd + 1, seps[0])] }] },
    );
    return false;
  }
  if (token.value === '') {
    // "/safeboot: minimal" (the form KB 833721 prints): the value is the next word, cut off by the blank.
    const next = entry.stray.find((s) => s.start > token.end && doc.lines[line].slice(token.end, s.start).trim() === '');
    const fixes: FixSpec[] = [];
    if (next && sw.value === 'required') fixes.push({ title: `Write ${name}${token.separator}${next.text}`, preferred: true, edits: [replaceOn(line, token.end, next.start, '')] });
    if (sw.recommended) fixes.push({ title: `Add ${sw.recommended}`, preferred: !next, edits: [replaceOn(line, token.end, token.end, sw.recommended)] });
    if (sw.value === 'optional') fixes.push({ title: `Write ${name} without "${token.separator}"`, preferred: !next, edits: [replaceOn(line, token.nameEnd, token.end, '')] });
    r.add(
      'bootini.switch-value-missing',
      line,
      token.start,
      token.end,
      next
        ? `Nothing follows "${token.separator}": the blank before "${next.text}" ends the switch, so ${name} has no value and "${next.text}" is a separate word. Remove the blank.`
        : sw.value === 'optional'
          ? `Nothing follows "${token.separator}": write ${name} alone, or add ${sw.valueForm ?? 'a value'} after "${token.separator}".`
          : `Nothing follows "${token.separator}": ${name} needs ${sw.valueForm ?? 'a value'} there. Add it, or remove the switch.`,
      { fixes },
    );
    return false;
  }
  return true;
}

function checkValue(facts: EntryFacts, use: SwitchUse, sw: BootSwitch, r: Reporter): void {
  const { entry } = facts;
  const { token } = use;
  const value = token.value ?? '';
  const line = entry.line;
  const name = display(use);
  const replaceValue = (v: string): FixSpec['edits'] => [replaceOn(line, token.valueStart, token.valueEnd, v)];
  if (sw.valueKind === 'integer') {
    if (!/^\d+$/.test(value)) {
      r.add('bootini.invalid-switch-value', line, token.valueStart, token.valueEnd, `${name}${token.separator}${value} is not a decimal number, so Windows cannot use it: ${sw.name} takes ${sw.valueForm ?? 'a number'}. Write the number alone.`, {
        fixes: sw.recommended ? [{ title: `Set ${name}${token.separator}${sw.recommended}`, edits: replaceValue(sw.recommended) }] : [],
      });
      return;
    }
    const n = Number(value);
    const below = sw.min !== undefined && n < sw.min;
    const above = sw.max !== undefined && n > sw.max;
    if (!below && !above) return;
    const fixes: FixSpec[] = [];
    if (sw.recommended) fixes.push({ title: `Set ${name}${token.separator}${sw.recommended}${sw.exchange ? ' (what Exchange 2003 expects)' : ''}`, preferred: true, edits: replaceValue(sw.recommended) });
    const bound = String(below ? sw.min : sw.max);
    if (bound !== sw.recommended) fixes.push({ title: `Set ${name}${token.separator}${bound}`, edits: replaceValue(bound) });
    const range = sw.min !== undefined && sw.max !== undefined ? `${sw.min} to ${sw.max}` : below ? `at least ${sw.min}` : `at most ${sw.max}`;
    r.add(
      'bootini.switch-value-out-of-range',
      line,
      token.valueStart,
      token.valueEnd,
      `${name}${token.separator}${value} is outside the range ${sw.name} accepts, ${range}${sw.unit ? ` ${sw.unit}` : ''}, so Windows does not use it as written.${sw.name === '/USERVA' ? ' For Exchange 2003 write /USERVA=3030.' : ''}`,
      { fixes },
    );
    return;
  }
  if (sw.valueKind === 'enum') {
    if (documentedValue(sw.values, value)) return;
    const allowed = (sw.values ?? []).map((v) => v.value);
    const near = nearestCandidates(value, allowed, 3);
    r.add(
      'bootini.invalid-switch-value',
      line,
      token.valueStart,
      token.valueEnd,
      `${name}${token.separator}${value} is not one of the values ${sw.name} takes, so Windows does not apply it. Write one of ${allowed.join(', ')}${near.length ? `; did you mean ${near.join(' or ')}?` : '.'}${sw.name === '/SAFEBOOT' && value.toLowerCase() === 'disrepair' ? ' (KB 833721 misprints dsrepair as "disrepair".)' : ''}`,
      { fixes: near.map((v) => ({ title: `Change to ${v}`, preferred: near.length === 1, edits: replaceValue(v) })) },
    );
    return;
  }
  if (valuePattern(sw)?.test(value) === false) {
    r.add('bootini.invalid-switch-value', line, token.valueStart, token.valueEnd, `${name}${token.separator}${value} is not of the form ${sw.name} takes, so Windows cannot use it. Write ${sw.valueForm ?? 'the documented form'}.`);
  }
}

function versionProblem(releases: readonly WindowsRelease[] | undefined, sp: Partial<Record<WindowsRelease, number>> | undefined, w: EntryWindows): string | undefined {
  if (!releases || !w.release) return undefined;
  const list = releases.map((r) => `${RELEASE_NAMES[r]}${sp?.[r] ? ` SP${sp[r]}` : ''}`).join(' and ');
  if (!releases.includes(w.release)) return `known only to ${list}${sp ? ' and later' : ''}`;
  const needed = sp?.[w.release];
  if (needed !== undefined && w.servicePack !== undefined && w.servicePack < needed) return `known only from ${RELEASE_NAMES[w.release]} SP${needed} on`;
  return undefined;
}

function checkVersion(doc: BootIniDocument, facts: EntryFacts, use: SwitchUse, sw: BootSwitch, r: Reporter): void {
  const { entry, windows } = facts;
  const { token } = use;
  const line = entry.line;
  const label = (): string => `${windowsLabel(windows)}${windowsSource(windows)}`;
  // Where the sources are silent on the entry's Windows, say nothing.
  const unclear = windows.release !== undefined && sw.windowsUnclear?.includes(windows.release);
  const problem = sw.windowsOnly && !unclear ? versionProblem(sw.windows, sw.servicePack, windows) : undefined;
  if (problem) {
    const fixes: FixSpec[] = [];
    if (sw.replacedBy && windows.release && windows.release !== 'nt4') {
      const successor = switchNamed(sw.replacedBy.slice(1));
      const sep = successor?.separators?.[0] ?? '=';
      const newName = inUserCase(sw.replacedBy.slice(1), token.name);
      fixes.push({
        title: `Write /${newName}${token.separator ? `${sep}${token.value}` : ''}`,
        preferred: true,
        edits: [replaceOn(line, token.nameStart, token.separator ? token.nameEnd + 1 : token.nameEnd, `${newName}${token.separator ? sep : ''}`)],
      });
    }
    fixes.push({ title: `Remove ${display(use)}`, edits: [removeSwitch(doc, entry, token)] });
    r.add(
      'bootini.switch-not-for-version',
      line,
      token.start,
      token.nameEnd,
      `${sw.name} is ${problem}; this entry starts ${label()}, which does not know it.${sw.replacedBy ? ` There it is called ${sw.replacedBy}.` : ''} Remove it, or correct the description.`,
      { fixes },
    );
    return;
  }
  // Values that only some versions know (/DEBUGPORT=1394, /DEBUGPORT=USB).
  const v = token.value !== undefined ? documentedValue(sw.values, token.value) : undefined;
  const valueProblem = v ? versionProblem(v.windows, undefined, windows) : undefined;
  if (valueProblem && v) {
    r.add(
      'bootini.switch-not-for-version',
      line,
      token.valueStart,
      token.valueEnd,
      `${display(use)}${token.separator}${token.value}: ${v.value} is ${valueProblem}; this entry starts ${label()}. Use a value this Windows knows (a COM port), or correct the description.`,
    );
  }
}

function checkDuplicates(doc: BootIniDocument, facts: EntryFacts, r: Reporter): void {
  for (const use of facts.uses) {
    if (!use.sw) continue;
    const first = facts.first.get(use.sw.name.toUpperCase());
    if (!first || first === use) continue;
    const same = (first.token.value ?? '').toUpperCase() === (use.token.value ?? '').toUpperCase() && first.token.separator === use.token.separator;
    r.add(
      'bootini.duplicate-switch',
      facts.entry.line,
      use.token.start,
      use.token.end,
      same
        ? `${use.sw.name} appears twice on this entry; the second one adds nothing. Remove it.`
        : `${use.sw.name} appears twice on this entry with different values (${first.token.separator ?? ''}${first.token.value ?? ''} and ${use.token.separator ?? ''}${use.token.value ?? ''}); which one Windows uses is not documented. Keep one.`,
      {
        related: [{ line: facts.entry.line, start: first.token.start, end: first.token.end, message: 'The first one' }],
        fixes: [{ title: `Remove this ${display(use)}`, preferred: same, edits: [removeSwitch(doc, facts.entry, use.token)] }],
      },
    );
  }
}

function checkConflicts(doc: BootIniDocument, facts: EntryFacts, r: Reporter): void {
  const reported = new Set<string>();
  const known = [...facts.first.values()];
  for (let j = 0; j < known.length; j++) {
    const b = known[j];
    const opposites = conflictsOf(b.sw!);
    for (let i = 0; i < j; i++) {
      const a = known[i];
      if (!opposites.has(a.sw!.name.toUpperCase())) continue;
      const pair = [a.sw!.name, b.sw!.name].sort().join(' ');
      if (reported.has(pair)) continue;
      reported.add(pair);
      r.add(
        'bootini.conflicting-switches',
        facts.entry.line,
        b.token.start,
        b.token.end,
        `${b.sw!.name} contradicts ${a.sw!.name} on the same entry${conflictReason(a.sw!.name, b.sw!.name)}. Keep the one you mean.`,
        {
          related: [{ line: facts.entry.line, start: a.token.start, end: a.token.end, message: `The ${a.sw!.name} it contradicts` }],
          fixes: [
            { title: `Remove ${display(b)}`, edits: [removeSwitch(doc, facts.entry, b.token)] },
            { title: `Remove ${display(a)}`, edits: [removeSwitch(doc, facts.entry, a.token)] },
          ],
        },
      );
    }
  }
}

function conflictReason(a: string, b: string): string {
  const pair = new Set([a, b]);
  if (pair.has('/PAE') && pair.has('/NOPAE')) return ': one loads the PAE kernel, the other forbids it (and with hardware DEP on, /NOPAE is ignored anyway)';
  if (pair.has('/NOEXECUTE') && pair.has('/EXECUTE')) return ': both set the DEP policy, and they are alternatives (WDK)';
  if (pair.has('/NODEBUG')) return ': /NODEBUG turns the kernel debugger off, while the other turns it on (/DEBUGPORT and /BAUDRATE imply /DEBUG)';
  if (pair.has('/CRASHDEBUG') && pair.has('/DEBUG')) return ': they are alternative debugger modes (always active, or only after a crash)';
  return '';
}

function requirementMet(facts: EntryFacts, req: string): boolean {
  const [name, value] = req.split('=');
  const use = facts.first.get(name.toUpperCase());
  if (!use) return false;
  return value === undefined || (use.token.value ?? '').toUpperCase() === value.toUpperCase();
}

function checkRequirements(doc: BootIniDocument, facts: EntryFacts, r: Reporter): void {
  for (const use of facts.first.values()) {
    const sw = use.sw!;
    if (!sw.requires?.length || sw.requires.some((req) => requirementMet(facts, req))) continue;
    const req = sw.requires[0];
    const [reqName] = req.split('=');
    const present = facts.first.get(reqName.toUpperCase());
    const fixes: FixSpec[] = [];
    if (!present) fixes.push({ title: `Add ${req} before ${display(use)}`, edits: [replaceOn(facts.entry.line, use.token.start, use.token.start, `${req} `)] });
    fixes.push({ title: `Remove ${display(use)}`, edits: [removeSwitch(doc, facts.entry, use.token)] });
    r.add(
      'bootini.switch-ignored',
      facts.entry.line,
      use.token.start,
      use.token.end,
      `${display(use)} has no effect here: ${sw.requiresNote ?? `it needs ${sw.requires.join(' or ')}`}${present ? ` (this entry has ${present.sw!.name}${present.token.separator ?? ''}${present.token.value ?? ''})` : ''}. Add ${req}, or remove ${display(use)}.`,
      { fixes },
    );
  }
}
