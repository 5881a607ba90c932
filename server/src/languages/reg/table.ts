/**
 * The scan results of every line of a .reg document, one typed array per field (a struct of arrays). A large
 * export has hundreds of thousands of lines: kept as one object per line, their records were most of what a parse
 * left on the garbage-collected heap, and copying them from one generation to the next was most of the time the
 * collector took. Typed arrays hold the same numbers outside that heap. Decoded names and strings are not kept at
 * all: RegDocument decodes them from the line when they are asked for, and makes a LineRecord only for a line
 * someone asks about (RegDocument.record).
 */
import { CONT, Kind, KIND_MASK, LineDiag, LineRecord } from './lineRecord';
import { canonicalInto } from './scanHex';

/** A value line whose quoted name has escapes, so that its decoded name is shorter than nameEnd - nameStart - 2. */
export const NAME_ESCAPED = 0x80;
/** The scanner set the record's name (it is not null). */
export const HAS_NAME = 0x2000;
/** The scanner set the record's str (it is not undefined). */
export const HAS_STR = 0x4000;
/** The line has diagnostics of its own. */
export const HAS_DIAGS = 0x8000;
/** The bits a LineRecord holds (kind and flags); the others are the table's own. */
const RECORD_BITS = 0x1f1f;

/** Lines inserted into the diagnostics list per splice call. */
const CHUNK = 8192;

/** Reused by setCanonical, so that canonical continuation lines are stored without a record per line. */
const canonical = new LineRecord();

export class LineTable {
  /** Number of lines. */
  length: number;
  private capacity: number;
  /** Kind, LineRecord flags, and NAME_ESCAPED, HAS_NAME, HAS_STR, HAS_DIAGS. */
  bits!: Uint16Array;
  nameStart!: Int32Array;
  nameEnd!: Int32Array;
  /** A float array: types run from -2 to 0xffffffff. */
  type!: Float64Array;
  dataStart!: Int32Array;
  dataEnd!: Int32Array;
  bytesStart!: Int32Array;
  byteCount!: Int32Array;
  tail!: Int32Array;
  dword!: Uint32Array;
  /** The diagnostics of each line (read only where HAS_DIAGS is set); made when the first line has some. */
  private diagList: (LineDiag[] | undefined)[] | undefined = undefined;

  constructor(length: number) {
    this.length = length;
    this.capacity = Math.max(length, 1);
    this.allocate(this.capacity, 0);
  }

  kind(line: number): Kind {
    return this.bits[line] & KIND_MASK;
  }

  /** The line leaves hex data open (LineRecord.cont). */
  cont(line: number): boolean {
    return (this.bits[line] & CONT) !== 0;
  }

  diags(line: number): LineDiag[] | undefined {
    return this.bits[line] & HAS_DIAGS ? (this.diagList as (LineDiag[] | undefined)[])[line] : undefined;
  }

  /** Stores the scanner's record of a line. Only numbers are copied: the record can be reset and scanned into again. */
  set(line: number, rec: LineRecord): void {
    let bits = rec.bits;
    if (rec.name !== null) {
      bits |= HAS_NAME;
      const kind = bits & KIND_MASK;
      if ((kind === Kind.Value || kind === Kind.ValueRejected) && rec.name.length !== rec.nameEnd - rec.nameStart - 2) bits |= NAME_ESCAPED;
    }
    if (rec.str !== undefined) bits |= HAS_STR;
    if (rec.diags !== undefined) {
      bits |= HAS_DIAGS;
      (this.diagList ??= new Array<LineDiag[] | undefined>(this.length).fill(undefined))[line] = rec.diags;
    } else if (this.diagList !== undefined) this.diagList[line] = undefined;
    this.bits[line] = bits;
    this.nameStart[line] = rec.nameStart;
    this.nameEnd[line] = rec.nameEnd;
    this.type[line] = rec.type;
    this.dataStart[line] = rec.dataStart;
    this.dataEnd[line] = rec.dataEnd;
    this.bytesStart[line] = rec.bytesStart;
    this.byteCount[line] = rec.byteCount;
    this.tail[line] = rec.tail;
    this.dword[line] = rec.dword;
  }

  /** Stores a hex continuation line in regedit's own layout (canonicalLayout's result). */
  setCanonical(line: number, layout: number): void {
    // What set() stores for the record canonicalInto() fills, written directly (most lines of a large export).
    canonical.reset();
    canonicalInto(layout, canonical);
    this.bits[line] = canonical.bits;
    this.nameStart[line] = 0;
    this.nameEnd[line] = 0;
    this.type[line] = -2;
    this.dataStart[line] = 0;
    this.dataEnd[line] = 0;
    this.bytesStart[line] = canonical.bytesStart;
    this.byteCount[line] = -1;
    this.tail[line] = 0;
    this.dword[line] = 0;
    if (this.diagList !== undefined) this.diagList[line] = undefined;
  }

  /** Fills a fresh record with the numbers and flags of a line (not its name, str or diagnostics). */
  fill(line: number, rec: LineRecord): void {
    rec.bits = this.bits[line] & RECORD_BITS;
    rec.nameStart = this.nameStart[line];
    rec.nameEnd = this.nameEnd[line];
    rec.type = this.type[line];
    rec.dataStart = this.dataStart[line];
    rec.dataEnd = this.dataEnd[line];
    rec.bytesStart = this.bytesStart[line];
    rec.byteCount = this.byteCount[line];
    rec.tail = this.tail[line];
    rec.dword = this.dword[line];
    rec.diags = this.diags(line);
  }

  /**
   * Replaces `removed` lines at `at` by `added` lines, whose fields the caller then sets (until it does, they hold
   * whatever was there).
   */
  splice(at: number, removed: number, added: number): void {
    const oldLength = this.length;
    const newLength = oldLength - removed + added;
    if (newLength > this.capacity) {
      this.capacity = newLength + (newLength >> 2) + 16;
      this.allocate(this.capacity, oldLength);
    }
    if (added !== removed) {
      const from = at + removed;
      const to = at + added;
      this.bits.copyWithin(to, from, oldLength);
      this.nameStart.copyWithin(to, from, oldLength);
      this.nameEnd.copyWithin(to, from, oldLength);
      this.type.copyWithin(to, from, oldLength);
      this.dataStart.copyWithin(to, from, oldLength);
      this.dataEnd.copyWithin(to, from, oldLength);
      this.bytesStart.copyWithin(to, from, oldLength);
      this.byteCount.copyWithin(to, from, oldLength);
      this.tail.copyWithin(to, from, oldLength);
      this.dword.copyWithin(to, from, oldLength);
    }
    this.length = newLength;
    if (this.diagList !== undefined && added !== removed) {
      const list = this.diagList;
      list.splice(at, removed);
      // In chunks, so that a large insertion is not spread into too many arguments.
      for (let k = 0; k < added; k += CHUNK) list.splice(at + k, 0, ...new Array<undefined>(Math.min(CHUNK, added - k)).fill(undefined));
    }
  }

  /** (Re)allocates every array with room for `capacity` lines, keeping the first `keep`. */
  private allocate(capacity: number, keep: number): void {
    const grow = <T extends Uint16Array | Int32Array | Uint32Array | Float64Array>(old: T | undefined, make: (n: number) => T): T => {
      const next = make(capacity);
      if (old !== undefined && keep > 0) next.set(old.subarray(0, keep) as never);
      return next;
    };
    this.bits = grow(this.bits as Uint16Array | undefined, (n) => new Uint16Array(n));
    this.nameStart = grow(this.nameStart as Int32Array | undefined, (n) => new Int32Array(n));
    this.nameEnd = grow(this.nameEnd as Int32Array | undefined, (n) => new Int32Array(n));
    this.type = grow(this.type as Float64Array | undefined, (n) => new Float64Array(n));
    this.dataStart = grow(this.dataStart as Int32Array | undefined, (n) => new Int32Array(n));
    this.dataEnd = grow(this.dataEnd as Int32Array | undefined, (n) => new Int32Array(n));
    this.bytesStart = grow(this.bytesStart as Int32Array | undefined, (n) => new Int32Array(n));
    this.byteCount = grow(this.byteCount as Int32Array | undefined, (n) => new Int32Array(n));
    this.tail = grow(this.tail as Int32Array | undefined, (n) => new Int32Array(n));
    this.dword = grow(this.dword as Uint32Array | undefined, (n) => new Uint32Array(n));
  }
}
