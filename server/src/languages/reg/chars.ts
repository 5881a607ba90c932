/** Character classes of the scanner: blanks and hex digits, by char code, without regular expressions. */

export const SPACE = 0x20;
export const TAB = 0x09;

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

const HEX = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) HEX[0x30 + c] = c;
for (let c = 0; c < 6; c++) HEX[0x61 + c] = HEX[0x41 + c] = 10 + c;

export function hexValue(c: number): number {
  return c < 128 ? HEX[c] : -1;
}

export function isHexDigit(c: number): boolean {
  return hexValue(c) >= 0;
}

export function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Where the token starting at `from` ends: at the next comma or blank, after at least one character. */
export function findTokenEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || isBlank(c)) break;
    i++;
  }
  return Math.max(i, from + 1 <= end ? from + 1 : end);
}
