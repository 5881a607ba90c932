/** The checks of each entry of [operating systems]: its ARC path, its description, stray text, and its switches (validateSwitches.ts). */
import { arcProblems } from './arcpath';
import { FixSpec, insertLinesAfter, replaceOn } from './edits';
import { EntryFacts } from './entries';
import type { BootIniDocument, Entry, Section } from './parse';
import { switchNamed } from './switches';
import { EntryWindows } from './windows';
import { Reporter } from './reporter';
import { checkConflicts, checkDuplicates, checkRequirements, checkSwitch } from './validateSwitches';


export function checkEntry(doc: BootIniDocument, facts: EntryFacts, r: Reporter, hasRedirectPort: boolean): void {
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
  let i = s.lastLine;
  // The header line is neither blank nor a comment: the walk stops there at the latest.
  while (doc.records[i].kind === 'blank' || doc.records[i].kind === 'comment') i--;
  return i;
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
    const m = /[ \t]\//.exec(text.slice(entry.descStart, entry.descEnd));
    let at = m ? entry.descStart + m.index : entry.descEnd;
    // The opening quote is not a blank: the walk stops after it at the latest.
    while (text[at - 1] === ' ' || text[at - 1] === '\t') at--;
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
  // Before column 0 there is no character (undefined), so the walk stops there at the latest.
  while (text[at - 1] === ' ' || text[at - 1] === '\t') at--;
  return at;
}
