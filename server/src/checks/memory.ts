/**
 * Checks across a boot.ini and the .reg exports of the same server (external-facts §2 and §2.1, event 9665; seed-facts
 * sections 3 and 7). The Exchange 2003 store checks its memory configuration at start-up and logs event 9665 when it
 * is not optimal: part of that configuration is in boot.ini (the Windows version, /3GB, /USERVA) and part in the
 * registry (SystemPages, HeapDeCommitFreeBlockThreshold). Each file alone cannot tell; this module reads both.
 *
 * The only module allowed to import several languages.
 */
import './codes';
import { ExchangeContext, isExchange2003OrLater } from '../core/catalog';
import { codeInfo } from '../core/codes';
import { ExchangeKnowledge } from '../core/language';
import { applySeverityOverrides } from '../core/severity';
import { Diagnostic, lineRange, Range, RelatedInformation, SOURCE } from '../core/types';
import { bootEntry, entryFacts } from '../languages/bootini/entries';
import type { BootIniDocument, Entry, SwitchToken } from '../languages/bootini/parse';
import { EntryWindows, windowsLabel } from '../languages/bootini/windows';
import type { RegDocument } from '../languages/reg/document';
import { valueData } from '../languages/reg/valueData';
import { Kind } from '../languages/reg/lineRecord';
import { dataContentEnd } from '../languages/reg/scanValue';
import { sectionKeys } from '../languages/reg/validate';

export const CROSS_MEMORY_CODE = 'cross.memory-config';

const SYSTEM_PAGES_ID = 'session-manager.memory-management.system-pages';
const HEAP_ID = 'session-manager.heap-decommit-free-block-threshold';
/** What the Exchange 2003 store accepts (external-facts §2.1; KB 815372). */
export const SYSTEM_PAGES_2000_MIN = 24000;
export const SYSTEM_PAGES_2000_MAX = 31000;
export const HEAP_THRESHOLD = 0x00040000;


export interface BootIniFile {
  uri: string;
  doc: BootIniDocument;
}

export interface RegFile {
  uri: string;
  doc: RegDocument;
}

/** The memory part of a boot.ini: the entry that starts by default, its Windows and its memory switches. */
export interface BootMemory {
  uri: string;
  entry?: Entry;
  windows: EntryWindows;
  threeGb?: SwitchToken;
  userva?: SwitchToken;
}

/** The last value of that name regedit writes (a deletion removes it again). */
export interface RegValue {
  uri: string;
  line: number;
  /** The data on the value's first line. */
  range: Range;
  /** The DWORD, or undefined when the value is not a DWORD (the .reg checks report that). */
  dword?: number;
}

export interface RegMemory {
  systemPages?: RegValue;
  heap?: RegValue;
}

export function bootMemory(boot: BootIniFile, context: ExchangeContext): BootMemory {
  const entry = bootEntry(boot.doc);
  if (!entry) return { uri: boot.uri, windows: { from: 'unknown' } };
  const facts = entryFacts(entry, context);
  return { uri: boot.uri, entry, windows: facts.windows, threeGb: facts.first.get('/3GB')?.token, userva: facts.first.get('/USERVA')?.token };
}

/** SystemPages and HeapDeCommitFreeBlockThreshold as the .reg files write them (later files and lines win). */
export function regMemory(regs: readonly RegFile[], exchange: ExchangeKnowledge): RegMemory {
  const out: RegMemory = {};
  for (const { uri, doc } of regs) {
    const keys = sectionKeys(doc);
    for (let i = 0; i < doc.sections.length; i++) {
      const key = keys[i];
      if (key === undefined) continue;
      const s = doc.sections[i];
      for (const v of s.analysis().entries) {
        if (!v.valid) continue;
        const entry = exchange.registry.lookup(key, v.name ?? '');
        const which = entry?.id === SYSTEM_PAGES_ID ? 'systemPages' : entry?.id === HEAP_ID ? 'heap' : undefined;
        if (!which) continue;
        const line = s.start + v.rel;
        const rec = doc.record(line);
        if (rec.kind !== Kind.Value || v.type === -1) {
          delete out[which];
          continue;
        }
        const lastLine = s.start + v.lastRel;
        const text = doc.lines[line];
        const end = dataContentEnd(text, rec.dataStart, lastLine === line ? rec.dataEnd : text.length);
        const data = valueData(doc, line, lastLine);
        out[which] = { uri, line, range: lineRange(line, rec.dataStart, end), dword: data.dword };
      }
    }
  }
  return out;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

function show(n: number): string {
  return `${n} (${hex(n)})`;
}

/** "Windows Server 2003, Enterprise Edition (as the boot.ini entry's description says)". */
function windowsWithSource(w: EntryWindows): string {
  const source = w.from === 'description' ? ' (as its description says)' : w.from === 'settings' ? ' (the configured Windows version)' : '';
  return `${windowsLabel(w)}${source}`;
}

interface Finding {
  on: RegValue;
  message: string;
  related: RelatedInformation[];
}

function findings(boot: BootMemory, reg: RegMemory, context: ExchangeContext): Finding[] {
  const out: Finding[] = [];
  if (!isExchange2003OrLater(context.exchangeVersion) || !boot.entry) return out;
  const entry = boot.entry;
  const label = windowsWithSource(boot.windows);
  const threeGbRelated = (): RelatedInformation[] =>
    boot.threeGb ? [{ uri: boot.uri, range: lineRange(entry.line, boot.threeGb.start, boot.threeGb.end), message: '/3GB on the entry boot.ini starts by default' }] : [];
  const entryRelated = (): RelatedInformation[] => {
    const described = boot.windows.from === 'description' && entry.description !== undefined;
    const range = described ? lineRange(entry.line, entry.descStart, entry.descEnd) : lineRange(entry.line, entry.pathStart, entry.pathEnd);
    return [{ uri: boot.uri, range, message: `the entry boot.ini starts by default: ${windowsLabel(boot.windows)}` }];
  };
  const sp = reg.systemPages;
  if (sp?.dword !== undefined) {
    const n = sp.dword;
    if (boot.windows.release === '2000' && boot.threeGb && (n < SYSTEM_PAGES_2000_MIN || n > SYSTEM_PAGES_2000_MAX)) {
      out.push({
        on: sp,
        // 001:1686-1698; ExBPA event 9665 flag 0x4; KB 815372.
        message: `SystemPages is ${show(n)}, but the boot.ini beside it starts ${label} with /3GB: there the Exchange 2003 store logs event 9665 outside ${SYSTEM_PAGES_2000_MIN}-${SYSTEM_PAGES_2000_MAX}. Set SystemPages within that range and restart.`,
        related: [...threeGbRelated(), ...entryRelated()],
      });
    } else if (boot.windows.release === '2003' && n !== 0) {
      out.push({
        on: sp,
        // ExBPA event 9665 flag 0x8; KB 815372.
        message: `SystemPages is ${show(n)}, but the boot.ini beside it starts ${label}: there the Exchange 2003 store logs event 9665 unless SystemPages is 0. Set SystemPages to 0, then restart.`,
        related: entryRelated(),
      });
    }
  }
  const heap = reg.heap;
  if (heap?.dword !== undefined && heap.dword !== HEAP_THRESHOLD && boot.threeGb) {
    out.push({
      on: heap,
      // 001:1698; ExBPA event 9665 flag 0x10 and the HeapDeCommitFreeBlockThreshold article; KB 815372.
      message: `HeapDeCommitFreeBlockThreshold is ${show(heap.dword)}, and the boot.ini beside it sets /3GB: the Exchange 2003 store logs event 9665 unless it is ${show(HEAP_THRESHOLD)}, the only supported value. Set it to 0x00040000, then restart.`,
      related: threeGbRelated(),
    });
  }
  return out;
}

/**
 * A file's own diagnostics plus the cross-file ones, in line order, without saying the same thing twice: where a cross-file finding
 * stands on a registry value, the single-file range or allowed-value warning on that same value is dropped (the
 * cross-file message says more: which boot.ini entry, which switch, which event).
 */
export function withCross(own: readonly Diagnostic[], cross: readonly Diagnostic[]): Diagnostic[] {
  if (cross.length === 0) return [...own];
  const superseded = new Set(['reg.value-out-of-range', 'reg.value-not-allowed']);
  const at = new Set(cross.map((d) => `${d.range.start.line}:${d.range.start.character}`));
  const merged = [...own.filter((d) => !(superseded.has(d.code) && at.has(`${d.range.start.line}:${d.range.start.character}`))), ...cross];
  // In line order, as each file's own diagnostics are (the sort is stable: equal positions keep their order).
  return merged.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export interface CrossOptions {
  exchange: ExchangeKnowledge;
  severityOverrides?: Readonly<Record<string, string>>;
}

/**
 * The cross-file memory diagnostics of one .reg file, given the boot.ini of the same server (and, optionally, the
 * other .reg files of that server: a value another file writes is reported on that file, not this one).
 */
export function checkMemoryConfig(boot: BootIniFile, reg: RegFile, options: CrossOptions, others: readonly RegFile[] = []): Diagnostic[] {
  // The file is judged as if imported last, so its own values decide and the others need not be read (see
  // checkMemoryFolder): the time does not grow with the number of other files.
  void others;
  return checkMemoryFolder(boot, [reg], options).get(reg.uri) ?? [];
}

/**
 * The cross-file memory diagnostics of every .reg file of one server, by URI (files without findings are absent), in
 * time linear in the number of files. Each file is checked as if imported last (as checkMemoryConfig does): its own
 * last SystemPages and HeapDeCommitFreeBlockThreshold are the values judged on it, and a value another file writes is
 * reported on that file. The findings of a file depend only on its own values and the boot.ini, so each file is read
 * once, and the boot.ini once for all.
 */
export function checkMemoryFolder(boot: BootIniFile, regs: readonly RegFile[], options: CrossOptions): Map<string, Diagnostic[]> {
  const context = options.exchange.context;
  const info = codeInfo(CROSS_MEMORY_CODE);
  const b = bootMemory(boot, context);
  const byUri = new Map<string, Diagnostic[]>();
  if (!isExchange2003OrLater(context.exchangeVersion) || !b.entry) return byUri;
  const seen = new Set<string>();
  // A URI given twice is checked once, as its last copy (checkMemoryConfig puts the file checked last).
  for (let k = regs.length - 1; k >= 0; k--) {
    const reg = regs[k];
    if (seen.has(reg.uri)) continue;
    seen.add(reg.uri);
    const out: Diagnostic[] = [];
    for (const f of findings(b, regMemory([reg], options.exchange), context)) {
      const d: Diagnostic = { range: f.on.range, severity: info.severity, code: CROSS_MEMORY_CODE, message: f.message, source: SOURCE };
      if (f.related.length) d.related = f.related;
      out.push(d);
    }
    const kept = applySeverityOverrides(out, options.severityOverrides);
    if (kept.length) byUri.set(reg.uri, kept);
  }
  return byUri;
}

function fileName(uri: string): string {
  const query = uri.search(/[?#]/);
  const path = query < 0 ? uri : uri.slice(0, query);
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A one-page markdown report of the server's memory configuration, as boot.ini and the .reg files set it. */
export function memoryReport(boot: BootIniFile, regs: readonly RegFile[], exchange: ExchangeKnowledge): string {
  const context = exchange.context;
  const b = bootMemory(boot, context);
  const reg = regMemory(regs, exchange);
  const lines: string[] = ['# Memory configuration report', ''];
  lines.push(`Files: boot.ini \`${fileName(boot.uri)}\`; registry exports ${regs.length ? regs.map((r) => `\`${fileName(r.uri)}\``).join(', ') : '(none)'}.`, '');
  lines.push('## boot.ini', '');
  if (!b.entry) lines.push('- Entry: none (boot.ini lists no Windows entry).');
  else {
    lines.push(`- Entry (line ${b.entry.line + 1}): \`${boot.doc.lines[b.entry.line].trim()}\``);
    const source = b.windows.from === 'description' ? "from the entry's description" : b.windows.from === 'settings' ? 'from the configured Windows version (the description does not say)' : 'unknown: neither the description nor the settings say';
    lines.push(`- Windows version: ${windowsLabel(b.windows)} (${source})`);
  }
  lines.push(`- /3GB: ${b.threeGb ? 'yes' : 'no'}`);
  lines.push(`- /USERVA: ${b.userva ? `\`/${b.userva.name}${b.userva.separator ?? ''}${b.userva.value ?? ''}\`` : 'not set'}`);
  lines.push('', '## Registry', '');
  const where = (v: RegValue): string => `\`${fileName(v.uri)}\` line ${v.line + 1}`;
  const sp = reg.systemPages;
  lines.push(`- SystemPages: ${sp ? (sp.dword !== undefined ? `${show(sp.dword)} (${where(sp)})` : `not a DWORD (${where(sp)})`) : 'not in these files'}`);
  const heap = reg.heap;
  lines.push(`- HeapDeCommitFreeBlockThreshold: ${heap ? (heap.dword !== undefined ? `${show(heap.dword)} (${where(heap)})` : `not a DWORD (${where(heap)})`) : 'not in these files'}`);

  const problems: { flag: string; text: string; change: string }[] = [];
  /** What the sources say beyond the problems found, where they disagree or depend on the role. */
  const notes: string[] = [];
  if (b.entry && isExchange2003OrLater(context.exchangeVersion)) {
    const r = b.windows.release;
    // Flag 0x1 (ExBPA, external-facts §2.1) and 001:1693 agree on Windows 2000 Advanced Server and Datacenter Server.
    if (!b.threeGb && r === '2000' && b.windows.edition !== 'server') {
      if (context.role === undefined || context.role === 'mailbox' || context.role === 'public-folder') {
        problems.push({ flag: '0x1', text: 'no /3GB on Windows 2000 (Advanced Server or Datacenter Server)', change: 'Add /3GB to the default entry in boot.ini (servers that host mailboxes or public folders).' });
      } else {
        notes.push('Without /3GB the store logs event 9665 (flag 0x1) on Windows 2000 Advanced Server and Datacenter Server with 1 GB of RAM or more, whatever the role; Exchange guidance still keeps /3GB off servers without mailboxes or public folders.');
      }
    }
    // 001:1693 vs the ExBPA flag table (seed-facts ⚠D14, external-facts §2.1): say both.
    if (!b.threeGb && r === '2003') {
      notes.push("Without /3GB: *What's New in Exchange Server 2003* says the store logs event 9665 on any server with 1 GB of RAM or more, while the Exchange Server Analyzer article \"Sub-optimal Memory Settings\" lists that condition only for Windows 2000 Advanced Server and Datacenter Server.");
    }
    if (b.threeGb && r === '2003' && !b.userva) problems.push({ flag: '0x2', text: '/3GB without /USERVA', change: 'Add /USERVA=3030 after /3GB in boot.ini.' });
    if (b.threeGb && r === '2003' && b.userva?.value !== undefined && /^\d+$/.test(b.userva.value) && (Number(b.userva.value) < 2970 || Number(b.userva.value) > 3030)) {
      problems.push({ flag: '/USERVA', text: `/USERVA=${b.userva.value} outside 2970-3030`, change: 'Set /USERVA=3030 in boot.ini.' });
    }
    for (const f of findings(b, reg, context)) {
      const isHeap = heap !== undefined && f.on === heap;
      if (isHeap) problems.push({ flag: '0x10', text: `HeapDeCommitFreeBlockThreshold is ${hex(heap.dword!)}, not 0x00040000`, change: 'Set HeapDeCommitFreeBlockThreshold to 0x00040000.' });
      else if (r === '2000') problems.push({ flag: '0x4', text: `SystemPages is ${sp!.dword}, outside ${SYSTEM_PAGES_2000_MIN}-${SYSTEM_PAGES_2000_MAX} with /3GB on Windows 2000`, change: `Set SystemPages to a value from ${SYSTEM_PAGES_2000_MIN} to ${SYSTEM_PAGES_2000_MAX} (30000 is usual).` });
      else problems.push({ flag: '0x8', text: `SystemPages is ${sp!.dword}, not 0, on Windows Server 2003`, change: 'Set SystemPages to 0.' });
    }
  }
  lines.push('', '## Event 9665', '');
  // The check is new in Exchange 2003 (What's New, 001:1686).
  if (!isExchange2003OrLater(context.exchangeVersion)) lines.push("The configured Exchange version is Exchange 2000, whose store does not run this start-up check (it is new in Exchange 2003, as *What's New in Exchange Server 2003* describes it).");
  else if (!b.entry) lines.push('Without a Windows entry in boot.ini the check cannot be judged.');
  else if (problems.length === 0) lines.push('From these files, the Exchange 2003 store would not log event 9665 for the settings checked here.');
  else {
    lines.push('At start-up the Exchange 2003 store would log event 9665 (the memory configuration of this server is not optimal), because of:', '');
    for (const p of problems) lines.push(`- ${p.text}${p.flag.startsWith('0x') ? ` (flag ${p.flag})` : ''}`);
  }
  if (b.entry && isExchange2003OrLater(context.exchangeVersion)) {
    lines.push('', 'The /3GB and /USERVA conditions apply to servers with 1 GB of RAM or more.');
    for (const n of notes) lines.push('', n);
  }
  lines.push('', '## What to change', '');
  if (problems.length === 0) lines.push('Nothing in these files.');
  else {
    for (const p of problems) lines.push(`- ${p.change}`);
    lines.push('- Then restart the server.');
  }
  // Evidence: 001:1672-1698, external-facts §2.1-2.3.
  lines.push(
    '',
    `Sources: KB 815372, How to optimize memory usage in Exchange Server 2003; Exchange Server Analyzer article "Sub-optimal Memory Settings" (the event 9665 flags); What's New in Exchange Server 2003, "Virtual Address Space Improvements".`,
    '',
  );
  return lines.join('\n');
}
