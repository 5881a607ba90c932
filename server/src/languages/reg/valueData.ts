/**
 * The data of a .reg value as the registry will hold it (a number for dwords, text for strings), read from the
 * scanned lines or from the bytes of hex data: what the catalog's checks and the analyzer's conditions compare.
 */
import type { RegDocument } from './document';
import { REG_DWORD, REG_EXPAND_SZ, REG_SZ } from './lineRecord';
import { bytesToText, entryBytes } from './section';
import { trimEndChars } from '../../core/text';

/** The data of a value as the registry will hold it: a number for dwords, text for strings. */
export interface ValueData {
  type: number;
  dword?: number;
  text?: string;
}

export function valueData(doc: RegDocument, line: number, lastLine: number): ValueData {
  const scan = doc.scan;
  const type = scan.type[line];
  const isHex = doc.isHexData(line);
  if (!isHex) {
    if (type === REG_DWORD) return { type, dword: scan.dword[line] };
    if (type === REG_SZ) return { type, text: doc.str(line) ?? '' };
    return { type };
  }
  const bytes = entryBytes(doc, line, lastLine);
  if (type === REG_DWORD && bytes.length === 4) return { type, dword: (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0 };
  if (type === REG_SZ || type === REG_EXPAND_SZ) {
    return { type, text: trimEndChars(bytesToText(bytes, doc.unicode), '\0') };
  }
  return { type };
}
