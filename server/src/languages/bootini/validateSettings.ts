/** The checks of the [boot loader] settings: timeout, default, redirect and redirectbaudrate. */
import { nearestCandidates } from '../../core/nearest';
import { deleteLine, FixSpec, replaceOn } from './edits';
import { entriesNamedBy, settingNamed } from './entries';
import type { BootIniDocument, Setting } from './parse';
import { LOADER_KEYS } from './switches';
import { Reporter } from './reporter';


const REDIRECT_PORTS = ['COM1', 'COM2', 'COM3', 'COM4', 'USEBIOSSETTINGS'];
const REDIRECT_RATES = ['9600', '19200', '57600', '115200'];

export function checkSettings(doc: BootIniDocument, r: Reporter): void {
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
export function checkZeroTimeout(doc: BootIniDocument, r: Reporter): void {
  const timeout = settingNamed(doc, 'timeout');
  const dflt = settingNamed(doc, 'default');
  if (!timeout || !dflt || !/^0+$/.test(timeout.value)) return;
  // Set twice, which value counts is not documented (bootini.duplicate-key says so).
  if (doc.settings.filter((s) => /^(?:timeout|default)$/i.test(s.key)).length > 2) return;
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
  // Every allowed value has 4 characters or more, so an empty value is near none of them.
  const near = nearestCandidates(s.value, allowed, 3);
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
