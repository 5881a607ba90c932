/**
 * What the Registry Editor export scanner records for each line: the line kinds, the value types, the flags packed
 * with the kind, and LineRecord (the document keeps the same fields in typed arrays, table.ts).
 */

export const enum Kind {
  Header,
  Blank,
  /** `;` at line start (after blanks). */
  Comment,
  /** `#` at line start: regedit skips it like any line with an unknown first character. */
  HashComment,
  /** Any other line regedit skips. */
  Ignored,
  /** `[KEY]`: opens (creates) the key. */
  Key,
  /** `[-KEY]`: deletes the key tree and closes the open key. */
  KeyDelete,
  /** A line starting with `[` that regedit ignores; the previously open key stays open. */
  KeyIgnored,
  /** A key line that closes the open key without opening another (unknown root, failed deletion). */
  KeyUnopened,
  Value,
  /** A value line regedit rejects (name or data malformed). */
  ValueRejected,
  HexContinuation,
  /** Blank or `;` line between hex continuation lines. */
  ContinuationGap,
  /** The line after `,\` that is not hex data: regedit drops the pending value and skips this line. */
  Swallowed,
  /** Windows 3.1 format line (`HKEY_CLASSES_ROOT\path = value`). */
  Win31,
}

export const REG_NONE = 0;
export const REG_SZ = 1;
export const REG_EXPAND_SZ = 2;
export const REG_BINARY = 3;
export const REG_DWORD = 4;
export const REG_DWORD_BIG_ENDIAN = 5;
export const REG_MULTI_SZ = 7;
export const REG_QWORD = 11;

export interface LineDiag {
  code: string;
  start: number;
  end: number;
  message: string;
  data?: unknown;
}

export type HeaderKind = 'v5' | 'v4' | 'win31' | 'fuzzy' | 'invalid';

/** The kind in LineRecord.bits (the bits above 0x1f up to 0xff are free for LineTable). */
export const KIND_MASK = 0x1f;
export const CONT = 0x100;
export const REJECTED = 0x200;
export const ENDS_WITH_COMMA = 0x400;
export const SURROGATE_BYTE = 0x800;
export const SHARED = 0x1000;

/**
 * What the scanner found on one line. The document keeps these fields in typed arrays (LineTable) and makes a
 * LineRecord only for a line someone asks about (RegDocument.record); the scanner itself fills one reused record
 * per line (reset), so that scanning a large export allocates no object per line.
 */
export class LineRecord {
  /** The kind and the flags below, packed (read them through the accessors). */
  bits = 0;
  diags: LineDiag[] | undefined = undefined;
  /** Hex value and continuation lines: where the bytes start on this line, and how many there are. */
  bytesStart = 0;
  byteCount = 0;
  /** Hex lines: the last (up to) four bytes on the line, the last one lowest, as a signed 32-bit number. */
  tail = 0;

  /** Key lines: the text between `[` (or `[-`) and the last `]`. Value lines: the decoded name, null for `@`. */
  name: string | null = null;
  nameStart = 0;
  nameEnd = 0;
  /** Value lines: registry type number, -1 for a deletion, -2 when unknown. */
  type = -2;
  /** Value lines: where the data (after `=` and blanks) starts and ends (trailing blanks trimmed). */
  dataStart = 0;
  dataEnd = 0;
  /** dword value, or decoded string data. */
  dword = 0;
  str: string | undefined = undefined;

  get kind(): Kind {
    return this.bits & KIND_MASK;
  }
  set kind(k: Kind) {
    this.bits = (this.bits & ~KIND_MASK) | k;
  }
  /** The line leaves hex data open: regedit reads the next non-blank, non-comment line as more bytes. */
  get cont(): boolean {
    return this.flag(CONT);
  }
  set cont(v: boolean) {
    this.setFlag(CONT, v);
  }
  /** The value on this line (or, for continuation lines, the value they belong to) is not imported. */
  get rejected(): boolean {
    return this.flag(REJECTED);
  }
  set rejected(v: boolean) {
    this.setFlag(REJECTED, v);
  }
  /** The last hex byte on the line is followed by a comma but no backslash. */
  get endsWithComma(): boolean {
    return this.flag(ENDS_WITH_COMMA);
  }
  set endsWithComma(v: boolean) {
    this.setFlag(ENDS_WITH_COMMA, v);
  }
  /** Hex lines: some byte is d8-df, the high byte of a UTF-16 surrogate. */
  get surrogateByte(): boolean {
    return this.flag(SURROGATE_BYTE);
  }
  set surrogateByte(v: boolean) {
    this.setFlag(SURROGATE_BYTE, v);
  }
  /**
   * An empty line, or a hex continuation line in regedit's own layout (what regedit exports): its byteCount
   * (-1), tail and surrogateByte are not filled in; hexCount() and the like read them from the line.
   */
  get shared(): boolean {
    return this.flag(SHARED);
  }

  private flag(bit: number): boolean {
    return (this.bits & bit) !== 0;
  }
  private setFlag(bit: number, on: boolean): void {
    this.bits = on ? this.bits | bit : this.bits & ~bit;
  }

  /** Back to a fresh record, to scan the next line into it. */
  reset(): void {
    this.bits = 0;
    this.diags = undefined;
    this.bytesStart = 0;
    this.byteCount = 0;
    this.tail = 0;
    this.name = null;
    this.nameStart = 0;
    this.nameEnd = 0;
    this.type = -2;
    this.dataStart = 0;
    this.dataEnd = 0;
    this.dword = 0;
    this.str = undefined;
  }

  diag(code: string, start: number, end: number, message: string, data?: unknown): void {
    const d: LineDiag = { code, start, end, message };
    if (data !== undefined) d.data = data;
    (this.diags ??= []).push(d);
  }
}

/** The registry's name of a value type number (-1 stands for a deletion). */
export function typeName(type: number): string {
  switch (type) {
    case -1:
      return 'deletion';
    case 0:
      return 'REG_NONE';
    case 1:
      return 'REG_SZ';
    case 2:
      return 'REG_EXPAND_SZ';
    case 3:
      return 'REG_BINARY';
    case 4:
      return 'REG_DWORD';
    case 5:
      return 'REG_DWORD_BIG_ENDIAN';
    case 6:
      return 'REG_LINK';
    case 7:
      return 'REG_MULTI_SZ';
    case 8:
      return 'REG_RESOURCE_LIST';
    case 9:
      return 'REG_FULL_RESOURCE_DESCRIPTOR';
    case 10:
      return 'REG_RESOURCE_REQUIREMENTS_LIST';
    case 11:
      return 'REG_QWORD';
    default:
      return `type 0x${type.toString(16)}`;
  }
}
