/** Hover for boot.ini: sections, [boot loader] keys and values, ARC paths, descriptions and every switch. */
import { DEFAULT_CONTEXT, ExchangeContext } from '../../core/catalog';
import { nearestCandidates } from '../../core/nearest';
import { AnalyzeOptions, Hover } from '../../core/language';
import { lineRange, Position } from '../../core/types';
import { describeArcPath } from './arcpath';
import { bootEntry, entriesNamedBy, entryFacts, SwitchUse } from './entries';
import { EXCHANGE_USERVA_MAX, EXCHANGE_USERVA_MIN } from './exchange';
import type { BootIniDocument, Entry, Section, Setting } from './parse';
import { documentedValue, loaderSetting, renderLoaderSetting, renderSwitch, SWITCH_NAMES } from './switches';
import { windowsLabel, windowsSource } from './windows';

const SECTION_TEXT: Record<string, string> = {
  'boot loader':
    '**[boot loader]**\n\nThe boot loader\'s own settings: `timeout=` (seconds the boot menu waits), `default=` (the ARC path of the entry that starts when nobody chooses) and, for Emergency Management Services on Windows Server 2003, `redirect=` and `redirectbaudrate=`.\n\nSources: KB 833721, Available switch options for the Windows XP and the Windows Server 2003 Boot.ini files',
  'operating systems':
    '**[operating systems]**\n\nOne line per entry of the boot menu: `PATH="Description" /switches`. Windows entries use an ARC path (`multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS`, KB 102873); entries that start another system use a drive path (`C:\\="Microsoft Windows"`, `C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons`).\n\nSources: KB 102873, BOOT.INI and ARC path naming conventions and usage; KB 833721, Available switch options for the Windows XP and the Windows Server 2003 Boot.ini files; Windows Driver Kit, Overview of the Boot.ini File (the Recovery Console entry)',
};

export function bootiniHover(doc: BootIniDocument, pos: Position, options: AnalyzeOptions = {}): Hover | undefined {
  const line = pos?.line;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 0 || line >= doc.lineCount) return undefined;
  const c = typeof pos.character === 'number' ? pos.character : 0;
  const rec = doc.records[line];
  const context = options.exchange?.context ?? DEFAULT_CONTEXT;
  const inside = (start: number, end: number): boolean => c >= start && c < Math.max(end, start + 1);
  if (rec.kind === 'header') {
    const s = doc.sections[rec.section];
    const end = s.close < 0 ? s.nameEnd : s.close + 1;
    if (!inside(s.open, end)) return undefined;
    return { contents: sectionHover(s), range: lineRange(line, s.open, end) };
  }
  if (rec.kind === 'setting' && rec.setting) return settingHover(doc, rec.setting, inside);
  if (rec.kind === 'entry' && rec.entry) return entryHover(doc, rec.entry, context, inside);
  return undefined;
}

function sectionHover(s: Section): string {
  return (
    SECTION_TEXT[s.kind] ??
    `**[${s.name}]**\n\nThe boot loader reads only [boot loader] and [operating systems], so it ignores this section and its lines. Other programs may keep their own settings in boot.ini under a section of their own; leave such a section to the program that wrote it.`
  );
}

function settingHover(doc: BootIniDocument, s: Setting, inside: (a: number, b: number) => boolean): Hover | undefined {
  const known = loaderSetting(s.key);
  if (inside(s.keyStart, s.keyEnd)) {
    if (!known) return { contents: `**${s.key}**\n\nNot a [boot loader] key; the loader reads only timeout, default, redirect and redirectbaudrate.`, range: lineRange(s.line, s.keyStart, s.keyEnd) };
    return { contents: `**${known.name}=**\n\n${renderLoaderSetting(known)}`, range: lineRange(s.line, s.keyStart, s.keyEnd) };
  }
  if (!known || !inside(s.valueStart, s.valueEnd)) return undefined;
  const range = lineRange(s.line, s.valueStart, s.valueEnd);
  if (known.name === 'default') {
    const named = entriesNamedBy(doc, s.value);
    const text = named.length
      ? `Starts the entry on line ${named[0].line + 1}${named[0].description !== undefined ? `, "${named[0].description}"` : ''}${named.length > 1 ? ` (${named.length} entries share this path; the sources do not say which of them starts)` : ''}.`
      : 'Names no entry of [operating systems].';
    return { contents: `**default=** \`${s.value}\`\n\n${text}`, range };
  }
  if (known.name === 'timeout') {
    const n = Number(s.value);
    const text = s.value === '-1' ? 'The boot menu waits until someone chooses an entry.' : /^\d+$/.test(s.value) ? (n === 0 ? 'The default entry starts at once, without waiting for a choice.' : `The boot menu waits ${n} second${n === 1 ? '' : 's'}.`) : 'Not a number of seconds.';
    return { contents: `**timeout=** \`${s.value}\`\n\n${text}`, range };
  }
  const v = documentedValue(known.values, s.value);
  return { contents: `**${known.name}=** \`${s.value}\`\n\n${v ? v.meaning : `Not a documented value (${known.valueForm}).`}`, range };
}

function entryHover(doc: BootIniDocument, entry: Entry, context: ExchangeContext, inside: (a: number, b: number) => boolean): Hover | undefined {
  const facts = entryFacts(entry, context);
  const line = entry.line;
  const use = facts.uses.find((u) => inside(u.token.start, u.token.end));
  if (use) return { contents: switchHover(use, facts.windows.release ? `${windowsLabel(facts.windows)}${windowsSource(facts.windows)}` : undefined), range: lineRange(line, use.token.start, use.token.end) };
  const isBoot = bootEntry(doc) === entry;
  if (inside(entry.pathStart, entry.pathEnd)) {
    const info = entry.pathInfo;
    const lines: string[] = [];
    if (info.kind === 'arc') {
      lines.push('**ARC path**', '', ...describeArcPath(info).map((l) => `- ${l}`));
      lines.push('', `Windows: ${windowsLabel(facts.windows)}${windowsSource(facts.windows)}`);
    } else if (info.kind === 'drive') {
      const recovery = /\\CMDCONS\\/i.test(entry.path);
      lines.push('**Drive path**', '', recovery ? 'Starts the Recovery Console from this boot sector file.' : `Starts another system from the boot sector saved on ${info.drive}\\ (for example MS-DOS or Windows 9x, from bootsect.dos).`);
    } else {
      lines.push('**Not a valid path**', '', `${info.problem}.`);
    }
    if (isBoot) lines.push('', 'This is the entry that starts when nobody chooses (`default=`).');
    lines.push('', 'Source: KB 102873, BOOT.INI and ARC path naming conventions and usage');
    return { contents: lines.join('\n'), range: lineRange(line, entry.pathStart, entry.pathEnd) };
  }
  if (entry.description !== undefined && inside(entry.descStart, entry.descEnd)) {
    const lines = ['**Description**', '', 'The text the boot menu shows for this entry.'];
    if (entry.pathInfo.kind === 'arc') {
      lines.push(
        '',
        facts.windows.from === 'description'
          ? `It names ${windowsLabel(facts.windows)}; the checks that depend on the Windows version use it.`
          : facts.windows.from === 'settings'
            ? `It names no Windows version, so the checks use the configured one: ${windowsLabel(facts.windows)}.`
            : 'It names no Windows version, and none is configured (exchangeConfig.windowsVersion, --windows-version): checks that depend on it are skipped.',
      );
    }
    if (isBoot) lines.push('', 'This is the entry that starts when nobody chooses (`default=`).');
    return { contents: lines.join('\n'), range: lineRange(line, entry.descStart, entry.descEnd) };
  }
  return undefined;
}

function switchHover(use: SwitchUse, windows: string | undefined): string {
  const { token, sw } = use;
  const written = `/${token.name}${token.separator ?? ''}${token.value ?? ''}`;
  if (!sw) {
    const near = nearestCandidates(token.name, SWITCH_NAMES, token.name.length <= 4 ? 1 : 2);
    return `**${written}**\n\nNot a switch any Windows version documents${near.length ? `; did you mean /${near.join(' or /')}?` : '.'}`;
  }
  const lines = [`**${written}**`];
  if (token.value !== undefined && token.value !== '') {
    const v = documentedValue(sw.values, token.value);
    if (v) lines.push('', `Meaning: **${v.meaning}**`);
    if (sw.name === '/USERVA' && /^\d+$/.test(token.value)) {
      const n = Number(token.value);
      lines.push('', `User address space: **${n} MB**; the kernel gets ${4096 - n} MB.${n >= EXCHANGE_USERVA_MIN && n <= EXCHANGE_USERVA_MAX ? ' Within 2970-3030, the range the Exchange 2003 store accepts.' : ' Outside 2970-3030, the range the Exchange 2003 store accepts (event 9665).'}`);
    }
  }
  if (windows) lines.push('', `This entry: ${windows}.`);
  lines.push('', '---', '', renderSwitch(sw));
  return lines.join('\n');
}
