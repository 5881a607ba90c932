/** Hover for .reg files: what a key line does, and a value's data decoded the way the registry will hold it. */
import { registryIndex } from '../../core/catalogLoad';
import { describeDword, renderRegistryEntry } from '../../core/catalogRender';
import { AnalyzeOptions, Hover } from '../../core/language';
import { lineRange, Position } from '../../core/types';
import type { RegDocument } from './document';
import { Kind, REG_BINARY, REG_DWORD, REG_DWORD_BIG_ENDIAN, REG_EXPAND_SZ, REG_MULTI_SZ, REG_NONE, REG_QWORD, REG_SZ } from './lineRecord';
import { matchRoot } from './scanKey';
import { bytesToText, displayName, entryBytes, typeName, ValueEntry } from './section';
import { valueData } from './valueData';
import { keyContextAt } from './validate';
import { trimEndChars } from '../../core/text';

export function regHover(doc: RegDocument, pos: Position, options: AnalyzeOptions = {}): Hover | undefined {
  if (pos.line < 0 || pos.line >= doc.lineCount) return undefined;
  const sIndex = doc.sectionIndexAt(pos.line);
  const section = doc.sections[sIndex];
  const rec = doc.record(pos.line);
  if (pos.line === 0) {
    const text = doc.lineText(0);
    const what =
      doc.header === 'v5'
        ? 'Registry Editor version 5 file (Windows 2000, XP, Server 2003). regedit exports it as UTF-16LE with a byte order mark.'
        : doc.header === 'v4'
          ? 'REGEDIT4 file (Windows NT 4.0 and 98 format, still imported by Windows 2000/2003). It is read as ANSI text.'
          : doc.header === 'win31'
            ? 'Windows 3.1 registration file: only HKEY_CLASSES_ROOT default values.'
            : 'Not a header regedit accepts.';
    return { contents: `**Header**\n\n${what}`, range: lineRange(0, 0, text.length) };
  }
  if (rec.kind === Kind.Key || rec.kind === Kind.KeyDelete) {
    const path = rec.name ?? '';
    const root = matchRoot(path);
    const a = section.analysis();
    const lines = [`**${rec.kind === Kind.KeyDelete ? 'Deletes key' : 'Key'}** \`${path}\``, ''];
    if (root) lines.push(`Root: ${root}`);
    if (rec.kind === Kind.KeyDelete) lines.push('', 'Importing the file deletes this key with all its subkeys and values.');
    else {
      const sets = a.entries.filter((e) => e.valid && e.type >= 0).length;
      const dels = a.entries.filter((e) => e.valid && e.type === -1).length;
      lines.push(`Importing creates the key if it is missing; this section sets ${sets} value${sets === 1 ? '' : 's'}${dels ? ` and deletes ${dels}` : ''}.`);
    }
    return { contents: lines.join('\n'), range: lineRange(pos.line, rec.nameStart, rec.nameEnd) };
  }
  // Find the value entry that covers this line (a value line or one of its continuation lines).
  const a = section.analysis();
  const rel = pos.line - section.start;
  const entry = a.entries.find((e) => e.rel <= rel && rel <= e.lastRel);
  if (!entry) return undefined;
  const first = section.start + entry.rel;
  const valueRec = doc.record(first);
  const ctx = keyContextAt(doc, sIndex);
  let md = describeValue(doc, entry, first, section.start + entry.lastRel);
  const keyLine = ctx.key === undefined ? `\n\n_Not imported: ${ctx.why}._` : '';
  const registry = options.exchange?.registry ?? registryIndex();
  const known = ctx.key !== undefined && entry.name !== null ? registry.lookup(ctx.key, entry.name) : undefined;
  if (known) {
    const data = entry.valid && entry.type >= 0 ? valueData(doc, first, section.start + entry.lastRel) : undefined;
    const meaning = data?.dword !== undefined ? describeDword(known, data.dword) : undefined;
    md += `${meaning ? `\n\nMeaning: **${meaning}**` : ''}\n\n---\n\n${renderRegistryEntry(known)}`;
  }
  return {
    contents: md + keyLine,
    range: lineRange(pos.line, pos.line === first ? valueRec.nameStart : 0, doc.lineLength(pos.line)),
  };
}

function describeValue(doc: RegDocument, entry: ValueEntry, first: number, last: number): string {
  const rec = doc.record(first);
  const head = `**${displayName(entry.name)}**`;
  if (!entry.valid) return `${head}\n\nregedit does not import this line (see the problem reported on it).`;
  if (entry.type === -1) return `${head}\n\nImporting the file **deletes** this value.`;
  const lines = [`${head}: ${typeName(entry.type)}`, ''];
  const isHex = doc.isHexData(first);
  if (!isHex && entry.type === REG_DWORD) {
    lines.push(`Decimal **${rec.dword}**, hexadecimal 0x${rec.dword.toString(16).padStart(8, '0')}`);
    return lines.join('\n');
  }
  if (!isHex && entry.type === REG_SZ) {
    lines.push(rec.str === '' ? 'Empty string' : codeBlock(rec.str ?? ''));
    return lines.join('\n');
  }
  const bytes = entryBytes(doc, first, last);
  lines.push(`${bytes.length} byte${bytes.length === 1 ? '' : 's'}`, '');
  lines.push(decodeBytesFor(entry.type, bytes, doc.unicode));
  return lines.join('\n');
}

function codeBlock(text: string): string {
  const fence = text.includes('```') ? '~~~~' : '```';
  return `${fence}text\n${text}\n${fence}`;
}

export function decodeBytesFor(type: number, bytes: number[], unicode: boolean): string {
  switch (type) {
    case REG_SZ:
    case REG_EXPAND_SZ: {
      const text = trimEndChars(bytesToText(bytes, unicode), '\0');
      const note = type === REG_EXPAND_SZ ? '\n\nEnvironment variables such as %SystemRoot% are expanded when a program reads the value.' : '';
      return (text === '' ? 'Empty string' : codeBlock(text.replace(/\0/g, '\\0'))) + note;
    }
    case REG_MULTI_SZ: {
      const text = bytesToText(bytes, unicode);
      const parts = text.split('\0');
      // The list ends at the first empty string.
      const end = parts.indexOf('');
      const items = end < 0 ? parts : parts.slice(0, end);
      if (items.length === 0) return 'Empty list';
      return `${items.length} string${items.length === 1 ? '' : 's'}:\n\n${items.map((s, k) => `${k + 1}. \`${s.replace(/`/g, 'ˋ')}\``).join('\n')}`;
    }
    case REG_DWORD:
    case REG_DWORD_BIG_ENDIAN:
      if (bytes.length === 4) {
        const v = type === REG_DWORD ? (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0 : ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
        return `Decimal **${v}**, hexadecimal 0x${v.toString(16).padStart(8, '0')}`;
      }
      return hexPreview(bytes);
    case REG_QWORD:
      if (bytes.length === 8) {
        let v = 0n;
        for (let k = 7; k >= 0; k--) v = (v << 8n) | BigInt(bytes[k]);
        return `Decimal **${v}**, hexadecimal 0x${v.toString(16).padStart(16, '0')}`;
      }
      return hexPreview(bytes);
    case REG_NONE:
    case REG_BINARY:
    default:
      return hexPreview(bytes);
  }
}

function hexPreview(bytes: number[]): string {
  if (bytes.length === 0) return 'No data';
  const shown = bytes.slice(0, 64);
  const rows: string[] = [];
  for (let k = 0; k < shown.length; k += 16) {
    const row = shown.slice(k, k + 16);
    const hex = row.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = row.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${k.toString(16).padStart(4, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return codeBlock(rows.join('\n')) + (bytes.length > 64 ? `\n\n…and ${bytes.length - 64} more bytes` : '');
}
