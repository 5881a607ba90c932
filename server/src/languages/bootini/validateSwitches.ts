/**
 * The checks of an entry's switches against the switch catalog (server/data/catalog/bootini-switches.json): name,
 * value, the Windows versions that know it, duplicates, conflicts and requirements.
 */
import { skipBlanks } from '../../core/ini';
import { nearestCandidates } from '../../core/nearest';
import { FixSpec, removeSwitch, replaceOn } from './edits';
import { EntryFacts, SwitchUse } from './entries';
import type { BootIniDocument, SwitchToken } from './parse';
import { BootSwitch, conflictsOf, documentedValue, inUserCase, RELEASE_NAMES, switchNamed, SWITCH_NAMES, valuePattern, WindowsRelease } from './switches';
import { EntryWindows, windowsLabel, windowsSource } from './windows';
import { Reporter } from './reporter';


function display(use: SwitchUse): string {
  return `/${use.token.name}`;
}

/** How a switch's value is written, for messages. */
function valueForm(sw: BootSwitch): string {
  // Stryker disable next-line StringLiteral: only switches that take a value get here, and catalog.test.ts requires a valueForm on each of them
  return sw.valueForm ?? 'a value';
}

/** What follows a switch's name as written, for messages: "=3030", ":COM1", or "no value". */
function written(token: SwitchToken): string {
  return token.separator === undefined ? 'no value' : `${token.separator}${token.value}`;
}

export function checkSwitch(doc: BootIniDocument, facts: EntryFacts, use: SwitchUse, r: Reporter): void {
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
  // Stryker disable next-line ArrayDeclaration,StringLiteral: catalog.test.ts requires separators on every switch that takes a value, and the others return before seps is read
  const seps = sw.separators ?? ['='];
  if (sw.value === 'none') {
    // Stryker disable next-line BooleanLiteral: checkValue finds nothing to check on a switch that takes no value (catalog.test.ts: no valueKind, no pattern)
    if (token.separator === undefined) return false;
    r.add(
      'bootini.unexpected-switch-value',
      line,
      token.nameEnd,
      token.end,
      `${name} takes no value; "${token.separator}${token.value}" is not documented and has no documented effect. Write ${name} alone.`,
      { fixes: [{ title: `Write ${name} without a value`, preferred: true, edits: [replaceOn(line, token.nameEnd, token.end, '')] }] },
    );
    // Stryker disable next-line BooleanLiteral: as above, checkValue finds nothing to check on a switch that takes no value
    return false;
  }
  if (token.separator === undefined) {
    if (sw.value === 'optional') return false;
    const fixes: FixSpec[] = [];
    const example = sw.recommended ?? (sw.valueKind === 'enum' || !sw.values?.length ? undefined : sw.values[0].value);
    if (example !== undefined) fixes.push({ title: `Add ${seps[0]}${example}`, preferred: sw.recommended !== undefined, edits: [replaceOn(line, token.end, token.end, `${seps[0]}${example}`)] });
    fixes.push({ title: `Remove ${name}`, edits: [removeSwitch(doc, entry, token)] });
    r.add(
      'bootini.switch-value-missing',
      line,
      token.start,
      token.end,
      `${name} needs a value after "${seps[0]}": ${valueForm(sw)}${sw.values?.length ? `, for example ${sw.name}${seps[0]}${sw.recommended ?? sw.values[0].value}` : ''}. Without one the switch does not do what it is meant to; add a value, or remove the switch.`,
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
    // The word that starts after the blanks that end the switch, if it is not a switch itself.
    const next = entry.stray.find((s) => s.start === skipBlanks(doc.lines[line], token.end));
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
          ? `Nothing follows "${token.separator}": write ${name} alone, or add ${valueForm(sw)} after "${token.separator}".`
          : `Nothing follows "${token.separator}": ${name} needs ${valueForm(sw)} there. Add it, or remove the switch.`,
      { fixes },
    );
    return false;
  }
  return true;
}

function checkValue(facts: EntryFacts, use: SwitchUse, sw: BootSwitch, r: Reporter): void {
  const { entry } = facts;
  const { token } = use;
  // Stryker disable next-line StringLiteral: checkValue runs only after checkValueForm found a separator, and the parser sets a value with every separator
  const value = token.value ?? '';
  const line = entry.line;
  const name = display(use);
  const replaceValue = (v: string): FixSpec['edits'] => [replaceOn(line, token.valueStart, token.valueEnd, v)];
  if (sw.valueKind === 'integer') {
    if (!/^\d+$/.test(value)) {
      r.add('bootini.invalid-switch-value', line, token.valueStart, token.valueEnd, `${name}${token.separator}${value} is not a decimal number, so Windows cannot use it: ${sw.name} takes ${valueForm(sw)}. Write the number alone.`, {
        fixes: sw.recommended ? [{ title: `Set ${name}${token.separator}${sw.recommended}`, edits: replaceValue(sw.recommended) }] : [],
      });
      return;
    }
    const n = Number(value);
    const below = sw.min !== undefined && n < sw.min;
    const above = sw.max !== undefined && n > sw.max;
    if (!below && !above) return;
    const fixes: FixSpec[] = [];
    // A recommended value is the one Exchange 2003 expects (catalog.test.ts).
    if (sw.recommended) fixes.push({ title: `Set ${name}${token.separator}${sw.recommended} (what Exchange 2003 expects)`, preferred: true, edits: replaceValue(sw.recommended) });
    const bound = String(below ? sw.min : sw.max);
    // A recommended value lies strictly inside its range (catalog.test.ts), so it is never this bound.
    fixes.push({ title: `Set ${name}${token.separator}${bound}`, edits: replaceValue(bound) });
    // Every integer switch has a minimum (catalog.test.ts); some have a maximum too.
    const range = sw.max !== undefined ? `${sw.min} to ${sw.max}` : `at least ${sw.min}`;
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
    r.add('bootini.invalid-switch-value', line, token.valueStart, token.valueEnd, `${name}${token.separator}${value} is not of the form ${sw.name} takes, so Windows cannot use it. Write ${valueForm(sw)}.`);
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
    // A replaced switch is known to Windows NT 4.0 (catalog.test.ts), so this entry starts a later Windows, which knows
    // the successor.
    if (sw.replacedBy) {
      const successor = switchNamed(sw.replacedBy.slice(1));
      // Stryker disable next-line StringLiteral: the only successor, /FASTDETECT, takes a value and so has separators (catalog.test.ts)
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

export function checkDuplicates(doc: BootIniDocument, facts: EntryFacts, r: Reporter): void {
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
        : `${use.sw.name} appears twice on this entry with different values (${written(first.token)} and ${written(use.token)}); which one Windows uses is not documented. Keep one.`,
      {
        related: [{ line: facts.entry.line, start: first.token.start, end: first.token.end, message: 'The first one' }],
        fixes: [{ title: `Remove this ${display(use)}`, preferred: same, edits: [removeSwitch(doc, facts.entry, use.token)] }],
      },
    );
  }
}

export function checkConflicts(doc: BootIniDocument, facts: EntryFacts, r: Reporter): void {
  // One use per switch name, and each pair visited once (a before b): every contradiction is reported once.
  const known = [...facts.first.values()];
  for (let j = 0; j < known.length; j++) {
    const b = known[j];
    const opposites = conflictsOf(b.sw!);
    for (const a of known.slice(0, j)) {
      if (!opposites.has(a.sw!.name.toUpperCase())) continue;
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

const NODEBUG_REASON = ': /NODEBUG turns the kernel debugger off, while the other turns it on (/DEBUGPORT and /BAUDRATE imply /DEBUG)';

/** Why two switches contradict each other, by the pair's names in sorted order. */
const CONFLICT_REASONS = new Map<string, string>([
  ['/NOPAE /PAE', ': one loads the PAE kernel, the other forbids it (and with hardware DEP on, /NOPAE is ignored anyway)'],
  ['/EXECUTE /NOEXECUTE', ': both set the DEP policy, and they are alternatives (WDK)'],
  ['/CRASHDEBUG /DEBUG', ': they are alternative debugger modes (always active, or only after a crash)'],
]);

function conflictReason(a: string, b: string): string {
  if (a === '/NODEBUG' || b === '/NODEBUG') return NODEBUG_REASON;
  const reason = CONFLICT_REASONS.get([a, b].sort().join(' '));
  // Stryker disable next-line StringLiteral: every contradicting pair without /NODEBUG has a reason above (catalog.test.ts lists the pairs)
  return reason ?? '';
}

function requirementMet(facts: EntryFacts, req: string): boolean {
  const [name, value] = req.split('=');
  const use = facts.first.get(name.toUpperCase());
  if (!use) return false;
  // Stryker disable next-line MethodExpression,StringLiteral: the only required value, /DEBUGPORT=1394 (catalog.test.ts), is digits, which have no letter case and are never empty
  return value === undefined || (use.token.value ?? '').toUpperCase() === value.toUpperCase();
}

export function checkRequirements(doc: BootIniDocument, facts: EntryFacts, r: Reporter): void {
  for (const use of facts.first.values()) {
    const sw = use.sw!;
    // Stryker disable next-line MethodExpression: every switch with requirements has exactly one (catalog.test.ts), so some and every agree
    if (!sw.requires?.length || sw.requires.some((req) => requirementMet(facts, req))) continue;
    const req = sw.requires[0];
    const [reqName] = req.split('=');
    const present = facts.first.get(reqName.toUpperCase());
    // Stryker disable next-line StringLiteral: catalog.test.ts requires a requiresNote on every switch with requirements
    const why = sw.requiresNote ?? `it needs ${sw.requires.join(' or ')}`;
    const fixes: FixSpec[] = [];
    if (!present) fixes.push({ title: `Add ${req} before ${display(use)}`, edits: [replaceOn(facts.entry.line, use.token.start, use.token.start, `${req} `)] });
    fixes.push({ title: `Remove ${display(use)}`, edits: [removeSwitch(doc, facts.entry, use.token)] });
    r.add(
      'bootini.switch-ignored',
      facts.entry.line,
      use.token.start,
      use.token.end,
      `${display(use)} has no effect here: ${why}${present ? ` (this entry has ${present.sw!.name}${present.token.separator ?? ''}${present.token.value ?? ''})` : ''}. Add ${req}, or remove ${display(use)}.`,
      { fixes },
    );
  }
}

