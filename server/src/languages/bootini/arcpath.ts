/**
 * ARC paths as KB 102873 defines them: multi(X)disk(Y)rdisk(Z)partition(W)\folder, scsi(X)disk(Y)rdisk(Z)partition(W)\folder
 * and (Windows 2000 and later) signature(8 hex digits)disk(Y)rdisk(Z)partition(W)\folder; and the drive paths of
 * entries that start another system (C:\="Microsoft Windows", C:\CMDCONS\BOOTSECT.DAT="Recovery Console").
 */

export type ArcPartName = 'multi' | 'scsi' | 'signature' | 'disk' | 'rdisk' | 'partition';

export interface ArcPart {
  /** Lower case. */
  name: ArcPartName;
  /** The number between the parentheses, as written. */
  value: string;
  /** Positions on the line: the whole part, and the value inside the parentheses. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

export type PathInfo =
  | { kind: 'arc'; parts: ArcPart[]; folder: string; folderStart: number; folderEnd: number }
  | { kind: 'drive'; drive: string }
  | { kind: 'invalid'; start: number; end: number; problem: string };

const ADAPTERS = ['multi', 'scsi', 'signature'];
const ORDER: ArcPartName[] = ['disk', 'rdisk', 'partition'];
// Sticky: tried at one position only (never moved along the text), and parsePath calls it at most four times, each
// from where the previous part ended; [A-Za-z]* and [^()]* cannot take each other's characters, so one call is linear.
// eslint-disable-next-line regexp/no-super-linear-move
const PART = /([A-Za-z]*)\(([^()]*)\)/y;

/** Reads the path `text`, which starts at `offset` on its line; positions in the result are line positions. */
export function parsePath(text: string, offset: number): PathInfo {
  const end = offset + text.length;
  if (/^[A-Za-z]:\\/.test(text)) return { kind: 'drive', drive: text.slice(0, 2).toUpperCase() };
  if (/^[A-Za-z]:/.test(text)) return { kind: 'invalid', start: offset, end, problem: `a drive path needs a backslash after "${text.slice(0, 2)}" (for example C:\\)` };
  const parts: ArcPart[] = [];
  let p = 0;
  for (let i = 0; i < 4; i++) {
    PART.lastIndex = p;
    const m = PART.exec(text);
    const expected = i === 0 ? 'multi(…), scsi(…) or signature(…)' : `${ORDER[i - 1]}(…)`;
    if (!m) {
      const what = p >= text.length ? 'the path ends' : `"${text.slice(p, Math.min(text.length, p + 12))}" follows`;
      const problem =
        i === 0 ? 'it is neither an ARC path (multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS) nor a drive path (C:\\)' : `${expected} must follow ${parts[i - 1].name}(${parts[i - 1].value}), but ${what}`;
      // The whole path when nothing usable is left, otherwise the part that is not what was expected.
      if (i === 0 || p >= text.length) return { kind: 'invalid', start: offset, end, problem };
      return { kind: 'invalid', start: offset + p, end: offset + p + partLength(text, p), problem };
    }
    const name = m[1].toLowerCase();
    const ok = i === 0 ? ADAPTERS.includes(name) : name === ORDER[i - 1];
    const start = offset + p;
    const partEnd = start + m[0].length;
    if (!ok) {
      return { kind: 'invalid', start, end: partEnd, problem: `${expected} is expected here, not ${m[1] || '(nothing)'}(…)` };
    }
    parts.push({ name: name as ArcPartName, value: m[2], start, end: partEnd, valueStart: start + m[1].length + 1, valueEnd: partEnd - 1 });
    p += m[0].length;
  }
  const folder = text.slice(p);
  if (!folder.startsWith('\\') || folder.replace(/\\/g, '') === '') {
    const last = parts[3];
    return {
      kind: 'invalid',
      start: folder === '' ? last.start : offset + p,
      end,
      problem: folder === '' ? `the Windows folder is missing after partition(${last.value}) (for example \\WINDOWS or \\WINNT)` : 'the Windows folder must follow partition(…) with a backslash, as in \\WINDOWS',
    };
  }
  return { kind: 'arc', parts, folder, folderStart: offset + p, folderEnd: end };
}

/** Length of the text at p up to and including the next ")" (or to the end), for a range on an unexpected part. */
function partLength(text: string, p: number): number {
  const close = text.indexOf(')', p);
  return close < 0 ? text.length - p : close + 1 - p;
}

export interface ArcProblem {
  start: number;
  end: number;
  message: string;
  /** invalid-arc-path (false) or unusual-arc-path (true). */
  unusual: boolean;
}

/** The numbering rules of KB 102873 for a syntactically valid ARC path. */
export function arcProblems(path: Extract<PathInfo, { kind: 'arc' }>): ArcProblem[] {
  const out: ArcProblem[] = [];
  const [adapter, disk, , partition] = path.parts;
  for (const part of path.parts) {
    if (part.name === 'signature') {
      if (!/^[0-9A-Fa-f]{8}$/.test(part.value)) {
        out.push({ start: part.valueStart, end: part.valueEnd, unusual: false, message: `signature() takes the disk signature as exactly 8 hexadecimal digits (for example signature(8b467c12)), not "${part.value}"` });
      }
    } else if (!/^\d+$/.test(part.value)) {
      out.push({ start: part.valueStart, end: part.valueEnd, unusual: false, message: `${part.name}() takes a decimal number, not "${part.value}"` });
    }
  }
  if (out.length > 0) return out;
  if (Number(partition.value) === 0) {
    out.push({ start: partition.valueStart, end: partition.valueEnd, unusual: false, message: 'partition numbers start at 1 (disk, rdisk and adapter numbers start at 0), so partition(0) names no partition' });
  }
  if (adapter.name === 'multi' && Number(disk.value) !== 0) {
    out.push({ start: disk.valueStart, end: disk.valueEnd, unusual: false, message: `with multi() the disk number is always 0 (the disk is chosen by rdisk()), not ${disk.value}` });
  }
  if (adapter.name === 'multi' && Number(adapter.value) !== 0) {
    out.push({ start: adapter.valueStart, end: adapter.valueEnd, unusual: true, message: `KB 102873 says the adapter number of multi() should always be 0, not ${adapter.value}` });
  }
  return out;
}

/** What each part of an ARC path means, for hover. */
export function describeArcPath(path: Extract<PathInfo, { kind: 'arc' }>): string[] {
  const [adapter, disk, rdisk, partition] = path.parts;
  const lines: string[] = [];
  if (adapter.name === 'multi') lines.push(`\`multi(${adapter.value})\` the loader reads the disk through the BIOS (INT 13); adapter ${adapter.value} (should always be 0)`);
  else if (adapter.name === 'scsi') lines.push(`\`scsi(${adapter.value})\` the loader reads the disk through NTBOOTDD.SYS (the SCSI driver in the root of the system partition); adapter ${adapter.value} as that driver counts them`);
  else lines.push(`\`signature(${adapter.value})\` the disk whose signature is ${adapter.value} (Windows 2000 and later; for boot partitions the BIOS cannot reach)`);
  lines.push(
    adapter.name === 'multi'
      ? `\`disk(${disk.value})\` always 0 with multi()`
      : `\`disk(${disk.value})\` the SCSI ID of the disk`,
  );
  lines.push(adapter.name === 'multi' ? `\`rdisk(${rdisk.value})\` disk ${rdisk.value} on the adapter (counted from 0)` : `\`rdisk(${rdisk.value})\` logical unit (LUN) ${rdisk.value}, almost always 0`);
  lines.push(`\`partition(${partition.value})\` partition ${partition.value} (counted from 1: primary partitions first, then logical drives; extended and unused entries are not counted)`);
  lines.push(`\`${path.folder}\` the Windows folder on that partition`);
  return lines;
}

/** How default= and entry paths are compared: the loader does not distinguish letter case. */
export function pathKey(path: string): string {
  return path.trim().toUpperCase();
}
