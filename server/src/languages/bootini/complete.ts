/**
 * Completion for boot.ini: the two section headers, [boot loader] keys and their documented values (default= offers
 * the entries' paths), entry snippets with ARC paths, and in an entry's options every switch (with its "=" value as
 * a snippet) and the documented values after "=" or ":". Only the cursor's line and the parsed entries are read.
 */
import { DEFAULT_CONTEXT, ExchangeContext } from '../../core/catalog';
import { isIniBlank as isBlank, skipBlanks } from '../../core/ini';
import { AnalyzeOptions, CompletionItem } from '../../core/language';
import { lineRange, Position } from '../../core/types';
import { entryFacts, EntryFacts } from './entries';
import type { BootIniDocument, Entry, Setting } from './parse';
import { BOOTINI_CATALOG, BootSwitch, describeVersions, loaderSetting, renderLoaderSetting, renderSwitch, switchNamed, WindowsRelease } from './switches';

export function bootiniComplete(doc: BootIniDocument, position: Position, options: AnalyzeOptions = {}): CompletionItem[] {
  try {
    return completeAt(doc, position, options.exchange?.context ?? DEFAULT_CONTEXT);
  } catch {
    return [];
  }
}

/** The completion itself, without bootiniComplete's guard (exported so that tests see its exceptions). */
export function completeAt(doc: BootIniDocument, position: Position, context: ExchangeContext): CompletionItem[] {
  const line = position?.line;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 0 || line >= doc.lineCount) return [];
  const text = doc.lines[line];
  const ch = typeof position.character === 'number' && position.character > 0 ? Math.floor(position.character) : 0;
  const c = Math.min(ch, text.length);
  const before = text.slice(0, c);
  const t = skipBlanks(text);
  const rec = doc.records[line];
  if (/^[ \t]*\[[^\]]*$/.test(before)) return sectionItems(doc, line, t, text.indexOf(']', t) + 1 || text.length);
  if (rec.kind === 'comment' || rec.kind === 'header') return [];
  const lineIsEmpty = text.trim() === '';
  const kind = rec.section >= 0 ? doc.sections[rec.section].kind : undefined;
  if (kind === 'boot loader') return loaderItems(doc, line, text, t, c, rec.setting, lineIsEmpty);
  if (kind === 'operating systems') return entryItems(doc, line, text, t, c, rec.entry, lineIsEmpty, context);
  return lineIsEmpty ? sectionItems(doc, line, c, text.length) : [];
}

function sectionItems(doc: BootIniDocument, line: number, start: number, end: number): CompletionItem[] {
  const range = lineRange(line, start, end);
  return (['boot loader', 'operating systems'] as const).map((name, i) => {
    const present = doc.firstSection(name) !== undefined;
    return {
      label: `[${name}]`,
      kind: 'keyword' as const,
      detail: present ? 'section (already in the file)' : 'section',
      documentation: name === 'boot loader' ? 'timeout=, default= and, for Emergency Management Services, redirect= and redirectbaudrate=.' : 'One entry per line: PATH="Description" /switches.',
      range,
      filterText: `[${name}]`,
      sortText: `${present ? 1 : 0}${i}`,
    };
  });
}

/** Escapes text for use inside a snippet placeholder. */
function snippetText(s: string): string {
  return s.replace(/[\\$}]/g, (m) => `\\${m}`);
}

function choice(values: readonly string[]): string {
  return `\${1|${values.map((v) => v.replace(/[\\$}|,]/g, (m) => `\\${m}`)).join(',')}|}`;
}

// ---------------------------------------------------------------------------------------------------------------
// [boot loader]

function loaderItems(doc: BootIniDocument, line: number, text: string, t: number, c: number, setting: Setting | undefined, lineIsEmpty: boolean): CompletionItem[] {
  if (setting && c > setting.eq) return loaderValueItems(doc, setting, text, c);
  if (text.includes('=') || !/^[ \t]*[A-Za-z]*$/.test(text.slice(0, c))) return [];
  const present = new Set(doc.settings.filter((s) => s.line !== line).map((s) => s.key.toLowerCase()));
  const range = lineRange(line, t, text.length);
  const firstPath = doc.entries.find((e) => e.pathInfo.kind === 'arc')?.path ?? doc.entries[0]?.path ?? 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS';
  const items: CompletionItem[] = [];
  for (const s of BOOTINI_CATALOG.loaderSettings) {
    if (present.has(s.name)) continue;
    const values = s.values?.map((v) => v.value);
    const insertText =
      s.name === 'default' ? `default=\${1:${snippetText(firstPath)}}` : s.name === 'timeout' ? 'timeout=${1:30}' : values?.length ? `${s.name}=${choice(values)}` : `${s.name}=$1`;
    items.push({ label: `${s.name}=`, kind: 'value', detail: s.valueForm, documentation: renderLoaderSetting(s), insertText, isSnippet: true, range, filterText: s.name, sortText: `0${s.name}` });
  }
  if (lineIsEmpty) items.push(...sectionItems(doc, line, t, text.length).map((i) => ({ ...i, sortText: `1${i.sortText}` })));
  return items;
}

function loaderValueItems(doc: BootIniDocument, s: Setting, text: string, c: number): CompletionItem[] {
  const known = loaderSetting(s.key);
  if (!known) return [];
  const start = s.valueStart <= c ? s.valueStart : c;
  const range = lineRange(s.line, start, Math.max(text.trimEnd().length, c, start));
  if (known.name === 'default') {
    const seen = new Set<string>();
    const out: CompletionItem[] = [];
    for (const e of doc.entries) {
      if (seen.has(e.path.toUpperCase()) || e.path === '') continue;
      seen.add(e.path.toUpperCase());
      out.push({ label: e.path, kind: 'enum', detail: e.description !== undefined ? `"${e.description}" (line ${e.line + 1})` : `line ${e.line + 1}`, range, filterText: e.path, sortText: String(out.length).padStart(4, '0') });
    }
    return out;
  }
  return (known.values ?? []).map((v, i) => ({ label: v.value, kind: 'enum' as const, detail: v.meaning, range, filterText: v.value, sortText: String(i).padStart(3, '0') }));
}

// ---------------------------------------------------------------------------------------------------------------
// [operating systems]

function entrySnippets(line: number, t: number, end: number, context: ExchangeContext): CompletionItem[] {
  const range = lineRange(line, t, end);
  const description = context.windowsVersion === '2000' ? 'Microsoft Windows 2000 Advanced Server' : 'Windows Server 2003, Enterprise';
  const folder = context.windowsVersion === '2000' ? 'WINNT' : 'WINDOWS';
  const item = (label: string, detail: string, insertText: string, documentation: string, sortText: string): CompletionItem => ({
    label,
    kind: 'snippet',
    detail,
    documentation,
    insertText,
    isSnippet: true,
    range,
    filterText: label,
    sortText,
  });
  const items = [
    item(
      `multi(0)disk(0)rdisk(0)partition(1)\\${folder}`,
      'Windows entry on a disk the BIOS reaches',
      `multi(0)disk(0)rdisk(\${1:0})partition(\${2:1})\\\\\${3:${folder}}="\${4:${description}}" /fastdetect`,
      'multi(): the loader reads the disk through the BIOS; rdisk() is the disk (from 0), partition() the partition (from 1) (KB 102873).',
      '0',
    ),
    item(
      `scsi(0)disk(0)rdisk(0)partition(1)\\${folder}`,
      'Windows entry on a SCSI disk read through NTBOOTDD.SYS',
      `scsi(\${1:0})disk(\${2:0})rdisk(0)partition(\${3:1})\\\\\${4:${folder}}="\${5:${description}}" /fastdetect`,
      'scsi(): the loader reads the disk through NTBOOTDD.SYS; disk() is the SCSI ID, rdisk() the LUN (KB 102873).',
      '1',
    ),
    item(
      `signature(xxxxxxxx)disk(0)rdisk(0)partition(1)\\${folder}`,
      'Windows entry on the disk with this signature (Windows 2000 and later)',
      `signature(\${1:8b467c12})disk(0)rdisk(0)partition(\${2:1})\\\\\${3:${folder}}="\${4:${description}}" /fastdetect`,
      'signature(): 8 hexadecimal digits of the disk signature, for boot partitions the BIOS cannot reach (J. Savill, ITPro Today, "What are the long path names in boot.ini?").',
      '2',
    ),
    item(
      'C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons',
      'Recovery Console entry',
      'C:\\\\CMDCONS\\\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons',
      'The entry the Recovery Console installation adds.',
      '4',
    ),
  ];
  if (context.windowsVersion !== '2000' && (context.role === 'mailbox' || context.role === 'public-folder' || context.role === undefined)) {
    items.push(
      item(
        `multi(0)disk(0)rdisk(0)partition(1)\\${folder} /3GB /USERVA=3030`,
        'Exchange 2003 mailbox or public-folder server on Windows Server 2003',
        `multi(0)disk(0)rdisk(\${1:0})partition(\${2:1})\\\\\${3:${folder}}="\${4:${description}}" /fastdetect /3GB /USERVA=3030`,
        'For servers with 1 GB of RAM or more that host mailboxes or public folders (What\'s New in Exchange Server 2003, "Virtual Address Space Improvements"; KB 823440). Not for front-end servers.',
        '3',
      ),
    );
  }
  return items;
}

function entryItems(
  doc: BootIniDocument,
  line: number,
  text: string,
  t: number,
  c: number,
  entry: Entry | undefined,
  lineIsEmpty: boolean,
  context: ExchangeContext,
): CompletionItem[] {
  if (lineIsEmpty) return [...entrySnippets(line, t, text.length, context), ...sectionItems(doc, line, t, text.length).map((i) => ({ ...i, sortText: `9${i.sortText}` }))];
  if (!entry) {
    // A path being typed, before any "=".
    return /^[ \t]*[A-Za-z0-9()\\:.]*$/.test(text) ? entrySnippets(line, t, text.length, context) : [];
  }
  const optionsFrom = entry.eq === undefined ? entry.pathEnd : entry.quoted ? (entry.closed ? entry.descEnd : Infinity) : entry.descEnd;
  if (c < optionsFrom || (c === optionsFrom && entry.eq !== undefined && entry.quoted)) {
    // Typing the path of an entry that already has "=": nothing useful to offer.
    return entry.eq === undefined && c <= entry.pathEnd && /^[ \t]*[A-Za-z0-9()\\:.]*$/.test(text.slice(0, entry.pathEnd)) ? entrySnippets(line, t, entry.pathEnd, context) : [];
  }
  let ts = c;
  while (ts > optionsFrom && !isBlank(text[ts - 1])) ts--;
  let te = c;
  while (te < text.length && !isBlank(text[te])) te++;
  const typed = text.slice(ts, c);
  if (typed !== '' && typed[0] !== '/') return [];
  if (typed === '' && te > c && text[c] !== '/') return [];
  const facts = entryFacts(entry, context);
  const sep = typed.search(/[=:]/);
  if (sep > 0) {
    const sw = switchNamed(typed.slice(1, sep));
    return sw ? switchValueItems(sw, facts, lineRange(line, ts + sep + 1, te)) : [];
  }
  return switchItems(facts, ts, lineRange(line, ts, te));
}

function versionNote(sw: BootSwitch, release: WindowsRelease | undefined): string | undefined {
  if (!release || !sw.windowsOnly || !sw.windows) return undefined;
  return sw.windows.includes(release) || sw.windowsUnclear?.includes(release) ? undefined : `not known to this entry's Windows (${describeVersions(sw)})`;
}

function switchItems(facts: EntryFacts, tokenStart: number, range: ReturnType<typeof lineRange>): CompletionItem[] {
  const present = new Set(facts.uses.filter((u) => u.sw && u.token.start !== tokenStart).map((u) => u.sw!.name));
  const out: CompletionItem[] = [];
  for (const sw of BOOTINI_CATALOG.switches) {
    if (present.has(sw.name)) continue;
    const sep = sw.separators?.[0] ?? '=';
    let insertText = sw.name;
    let isSnippet = false;
    if (sw.value === 'required') {
      isSnippet = true;
      const values = sw.values?.map((v) => v.value) ?? [];
      insertText =
        sw.valueKind === 'enum' && values.length
          ? `${sw.name}${sep}${choice(values)}`
          : `${sw.name}${sep}\${1:${snippetText(sw.recommended ?? values[0] ?? '')}}`;
    }
    const note = versionNote(sw, facts.windows.release);
    const form = sw.value === 'none' ? 'no value' : `${sw.value === 'optional' ? 'optional ' : ''}${sep}${sw.valueForm ?? 'value'}`;
    out.push({
      label: sw.name,
      kind: 'keyword',
      detail: note ? `${form}; ${note}` : form,
      documentation: renderSwitch(sw),
      insertText,
      isSnippet,
      range,
      filterText: sw.name,
      // Switches this Windows does not know come last.
      sortText: `${note ? 1 : 0}${sw.name}`,
    });
  }
  return out;
}

function switchValueItems(sw: BootSwitch, facts: EntryFacts, range: ReturnType<typeof lineRange>): CompletionItem[] {
  const values = [...(sw.values ?? [])];
  if (sw.recommended && !values.some((v) => v.value === sw.recommended)) values.unshift({ value: sw.recommended, meaning: 'recommended' });
  const release = facts.windows.release;
  return values.map((v, i) => {
    const unknown = release && v.windows && !v.windows.includes(release);
    return {
      label: v.value,
      kind: 'enum' as const,
      detail: unknown ? `${v.meaning} (not on this entry's Windows)` : v.meaning,
      range,
      filterText: v.value,
      sortText: `${unknown ? 1 : 0}${String(i).padStart(3, '0')}`,
    };
  });
}
