/**
 * Key lines (`[KEY]`, `[-KEY]`): which root a key path names (regedit matches it case-insensitively), abbreviated
 * and misspelt roots, and everything regedit does with the text between the brackets.
 */
import { nearestCandidates } from '../../core/nearest';
import { REGISTRY_ROOTS, ROOT_ABBREVIATIONS } from '../../core/registryRoots';
import { trimEndChars } from '../../core/text';
import { isBlank, SPACE, TAB } from './chars';
import { Kind, LineRecord } from './lineRecord';

/** The root a key path starts with, as regedit matches it: case-insensitively, followed by `\` or the end. */
export function matchRoot(path: string): string | undefined {
  for (const root of REGISTRY_ROOTS) {
    // A path shorter than the root fails startsWithUpper (charCodeAt past the end is NaN).
    if (startsWithUpper(path, root)) {
      if (path.length === root.length || path.charCodeAt(root.length) === 0x5c) return root;
    }
  }
  return undefined;
}

/** `text` starts with `upper` (an upper-case ASCII word), ignoring ASCII case, without allocating. */
function startsWithUpper(text: string, upper: string): boolean {
  for (let i = 0; i < upper.length; i++) {
    let c = text.charCodeAt(i);
    const lower =
      c >= 0x61 &&
      // Stryker disable next-line EqualityOperator: no root contains "Z", so a "z" mismatches with < as with <=
      c <= 0x7a;
    if (lower) c -= 0x20;
    if (c !== upper.charCodeAt(i)) return false;
  }
  return true;
}

export function expandAbbreviation(path: string): string | undefined {
  const slash = path.indexOf('\\');
  // Stryker disable next-line EqualityOperator: when slash is 0 the first part is empty, and neither "" nor the whole path (it starts with "\\") is an abbreviation
  const first = (slash < 0 ? path : path.slice(0, slash)).toUpperCase();
  const full = ROOT_ABBREVIATIONS[first];
  // Stryker disable next-line EqualityOperator: when slash is 0 full is undefined (see above), so this branch is not reached
  return full ? full + (slash < 0 ? '' : path.slice(slash)) : undefined;
}

export function scanKey(text: string, open: number, end: number, rec: LineRecord): void {
  const p = open + 1;
  // At the end of the line this is NaN (past the text) or 0 (the NUL that ends it): no blank and no "-".
  const c = text.charCodeAt(p);
  if (c === SPACE || c === TAB) {
    rec.kind = Kind.KeyIgnored;
    rec.diag(
      'reg.key-blank-after-bracket',
      open,
      end,
      'regedit ignores this key line because a blank follows "[": the key is not created, and the values below go to the previously opened key, if any. Remove the blank after "[".',
    );
    return;
  }
  const close = text.lastIndexOf(']', end - 1);
  if (close < p) {
    rec.kind = Kind.KeyIgnored;
    rec.diag(
      'reg.key-missing-closing-bracket',
      open,
      end,
      'regedit ignores this key line because it has no closing "]": the key is not created, and the values below go to the previously opened key, if any. Add "]" after the key path.',
      { insertAt: end },
    );
    return;
  }
  const isDelete = c === 0x2d; /* - */
  const nameStart = isDelete ? p + 1 : p;
  const name = text.slice(nameStart, close);
  rec.name = name;
  rec.nameStart = nameStart;
  rec.nameEnd = close;
  // Only a deletion gets here with a blank first: a blank right after "[" returned above.
  const firstChar = name.charCodeAt(0);
  if (firstChar === SPACE || firstChar === TAB) {
    rec.kind = Kind.KeyUnopened;
    rec.diag(
      'reg.key-blank-after-bracket',
      open,
      close + 1,
      'regedit deletes nothing here because a blank follows "[-" (it only closes the open key). Remove the blank after "[-".',
    );
    return;
  }
  const root = matchRoot(name);
  if (!root) {
    rec.kind = Kind.KeyUnopened;
    const slash = name.indexOf('\\');
    const first = slash < 0 ? name : name.slice(0, slash);
    const full = expandAbbreviation(name);
    const consequence = isDelete
      ? (name[0] === 'H' || name[0] === 'h')
        ? 'regedit refuses the deletion (Wine\'s reference implementation stops the whole import at this line)'
        : 'regedit deletes nothing and closes the open key'
      : 'the key is not opened, and the values below it are written nowhere';
    if (slash === 0) {
      // "[\HKEY_LOCAL_MACHINE\…]": the part before the first backslash, the root, is empty.
      const rest = matchRoot(name.slice(1));
      rec.diag(
        'reg.key-unknown-root',
        nameStart,
        nameStart + 1,
        `The key path starts with "\\", so its root is empty: ${consequence}. A key path begins with its root${rest ? `: remove the "\\" before ${rest}` : ', e.g. HKEY_LOCAL_MACHINE'}.`,
        rest ? { replacement: '' } : undefined,
      );
    } else if (full) {
      rec.diag(
        'reg.key-abbreviated-root',
        nameStart,
        nameStart + first.length,
        `"${first}" is an abbreviation that .reg files do not understand (it is INF and reg.exe syntax): ${consequence}. Write ${full.slice(0, full.length - (name.length - first.length))}.`,
        { replacement: full.slice(0, full.length - (name.length - first.length)) },
      );
    } else {
      // The roots nearest to the misspelt one (at most 3 edits away); when two are equally near, both are named
      // (instead of the list of all roots) and no fix picks one.
      const near = nearestCandidates(first, REGISTRY_ROOTS, 3);
      rec.diag(
        'reg.key-unknown-root',
        nameStart,
        nameStart + first.length,
        `"${first}" is not a registry root: ${consequence}. ${near.length > 1 ? `Did you mean ${near.join(' or ')}?` : `Roots are HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS and HKEY_CURRENT_CONFIG${near.length ? `; did you mean ${near[0]}?` : '.'}`}`,
        near.length === 1 ? { replacement: near[0] } : undefined,
      );
    }
    return;
  }
  if (root === 'HKEY_DYN_DATA') {
    rec.diag(
      'reg.key-dyn-data',
      nameStart,
      nameStart + root.length,
      'HKEY_DYN_DATA exists only on Windows 95/98/Me; on Windows 2000 and Windows Server 2003 this key cannot be opened, so nothing under it is imported.',
    );
  }
  const afterRoot = name.slice(root.length + 1);
  if (isDelete) {
    if (trimEndChars(afterRoot, '\\') === '') {
      rec.kind = Kind.KeyUnopened;
      rec.diag(
        'reg.key-delete-root',
        open,
        close + 1,
        `regedit refuses to delete the root ${root} (Wine's reference implementation also stops the import at this line). Name the subkey to delete.`,
      );
      return;
    }
    rec.kind = Kind.KeyDelete;
  } else {
    rec.kind = Kind.Key;
  }
  // A segment over 255 characters makes RegCreateKeyEx fail.
  // Stryker disable next-line ArithmeticOperator: from root.length - 1 the first segment is the root's last letter, 1 long
  let segStart = root.length + 1;
  // Stryker disable next-line EqualityOperator: a segment starting at the end of the name is empty, never too long
  while (segStart <= name.length) {
    let segEnd = name.indexOf('\\', segStart);
    // Stryker disable next-line EqualityOperator: indexOf answers -1 or a position at or after segStart, which is past the root, so segEnd is never 0
    if (segEnd < 0) segEnd = name.length;
    if (segEnd - segStart > 255) {
      if (!isDelete) rec.kind = Kind.KeyUnopened;
      rec.diag(
        'reg.key-name-too-long',
        nameStart + segStart,
        nameStart + segEnd,
        `This key name is ${segEnd - segStart} characters long; the registry allows at most 255, so the key cannot be ${isDelete ? 'deleted' : 'created and the values below are written nowhere'}. Shorten the name.`,
      );
      break;
    }
    segStart = segEnd + 1;
  }
  const lastChar = name.charCodeAt(name.length - 1);
  if (isBlank(lastChar)) {
    let b = name.length;
    // Stops at the root's last letter at the latest.
    while (isBlank(name.charCodeAt(b - 1))) b--;
    rec.diag(
      'reg.key-trailing-blank',
      nameStart + b,
      close,
      'The blank before "]" becomes part of the key name, so regedit creates a different key whose name ends with a blank. Remove it unless that is really intended.',
      { deleteFrom: nameStart + b, deleteTo: close },
    );
  }
  const inner = name.indexOf(']');
  if (inner !== -1) {
    rec.diag(
      'reg.key-bracket-in-name',
      nameStart + inner,
      close,
      'regedit takes everything up to the last "]" on the line as the key name, so this name contains "]" and the text after it. Put comments on their own line starting with ";".',
    );
  }
}
