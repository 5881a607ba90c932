/** The checks of a boot.ini file's layout: its sections (which, in what order, how often) and every line in them. */
import { nearestCandidates } from '../../core/nearest';
import { FixSpec, insertLinesBefore, replaceOn } from './edits';
import type { BootIniDocument, Section, SectionKind } from './parse';
import { trimEndChars } from '../../core/text';
import { Reporter } from './reporter';


const SECTION_NAMES: readonly SectionKind[] = ['boot loader', 'operating systems'];

export function checkSections(doc: BootIniDocument, r: Reporter): void {
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
      os ? (os.close === -1 ? os.nameEnd : os.close + 1) : line0.length,
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
  // The two section names are 14 edits apart, so no name is within 4 edits of both: there is one candidate at most.
  const [near] = nearestCandidates(s.name.trim(), SECTION_NAMES, 4);
  if (near === undefined) {
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
  if (doc.firstSection(near)) {
    r.add('bootini.unknown-section', s.line, s.nameStart, s.nameEnd, `[${s.name}] looks like [${near}], which this file already has; the loader ignores the lines below [${s.name}]. Move them into [${near}].`);
    return;
  }
  const fixes: FixSpec[] = [{ title: `Change to [${near}]`, preferred: true, edits: [replaceOn(s.line, s.nameStart, s.nameEnd, near)] }];
  r.add('bootini.unknown-section', s.line, s.nameStart, s.nameEnd, `[${s.name}] is not a boot.ini section, so the loader ignores the lines below it. Did you mean [${near}]?`, { fixes });
}

export function checkLines(doc: BootIniDocument, r: Reporter): void {
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
    } else if (rec.problem) {
      // What is left with a problem is an invalid line: the header problems are read above, other lines have none.
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
