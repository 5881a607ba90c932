import { defineCodes } from '../../core/codes';

/**
 * Every diagnostic the .reg language reports. Codes are permanent; each has its page in docs/codes/<code>.md.
 * Behaviour described as "regedit does X" follows Wine's Windows-verified regedit conformance tests
 * (external-facts section 6); where only Wine's implementation is known, the message says so.
 */
defineCodes({
  // Encoding (only the CLI and hosts that know the file's bytes can report these)
  'reg.utf8-bom': { severity: 'error', summary: 'The file starts with a UTF-8 byte order mark; regedit reads it as ANSI text, so the header does not match and nothing is imported.' },
  'reg.utf16-without-bom': { severity: 'error', summary: 'UTF-16 text without the FF FE byte order mark; regedit reads it as ANSI and rejects the file.' },
  'reg.utf16-big-endian': { severity: 'error', summary: 'UTF-16 big-endian text; regedit only reads UTF-16 little-endian (FF FE) or ANSI.' },
  'reg.utf8-non-ascii': { severity: 'warning', summary: 'UTF-8 text with non-ASCII characters on a line regedit reads (comments do not count); regedit reads files without FF FE as ANSI, so those characters change.' },
  'reg.truncated-utf16': { severity: 'error', summary: 'A UTF-16 file with an odd number of bytes: it was cut short, and the last byte is lost.' },
  'reg.nul-character': { severity: 'error', summary: 'A NUL character inside a line; regedit stops reading the line there.' },
  // Header
  'reg.invalid-header': { severity: 'error', summary: 'The first line is not a header regedit accepts; the whole file is rejected.' },
  'reg.header-imports-nothing': { severity: 'error', summary: 'A header that starts with REGEDIT but is not exactly REGEDIT4: regedit reports success and imports nothing.' },
  'reg.win31-format': { severity: 'information', summary: 'A bare REGEDIT header selects the Windows 3.1 format, which only sets default values under HKEY_CLASSES_ROOT.' },
  'reg.win31-line-ignored': { severity: 'warning', summary: 'In the Windows 3.1 format, a line that does not start with HKEY_CLASSES_ROOT is ignored.' },
  // Key lines
  'reg.key-blank-after-bracket': { severity: 'error', summary: 'A blank after [ or [-: regedit ignores the key line.' },
  'reg.key-missing-closing-bracket': { severity: 'error', summary: 'A key line without ]: regedit ignores it.' },
  'reg.key-missing-opening-bracket': { severity: 'error', summary: 'A key path without [: regedit ignores the line.' },
  'reg.key-abbreviated-root': { severity: 'error', summary: 'HKLM, HKCU and the like are not understood in .reg files: the key is not opened.' },
  'reg.key-unknown-root': { severity: 'error', summary: 'The key path does not start with a registry root regedit knows: the key is not opened.' },
  'reg.key-dyn-data': { severity: 'warning', summary: 'HKEY_DYN_DATA exists only on Windows 9x; on Windows 2000 and Server 2003 the key cannot be opened.' },
  'reg.key-trailing-blank': { severity: 'warning', summary: 'Blanks before ] become part of the key name, creating a different key.' },
  'reg.key-bracket-in-name': { severity: 'warning', summary: 'The key name runs to the last ] on the line, so it contains a ].' },
  'reg.key-delete-root': { severity: 'error', summary: 'A deletion line names a bare root (or no key); regedit refuses it.' },
  'reg.key-name-too-long': { severity: 'error', summary: 'A key name segment longer than 255 characters; the key cannot be created.' },
  // Value lines
  'reg.value-name-unterminated': { severity: 'error', summary: 'The value name has no closing quote; the line is ignored.' },
  'reg.value-name-unquoted': { severity: 'error', summary: 'A value name without quotes; regedit ignores the line.' },
  'reg.value-missing-equals': { severity: 'error', summary: 'No = after the value name; the line is ignored.' },
  'reg.value-name-too-long': { severity: 'error', summary: 'A value name longer than 16,383 characters; the value cannot be written.' },
  'reg.value-without-key': { severity: 'error', summary: 'Values with no open key (before any key line, or after a key deletion): they are written nowhere. One finding per run of such values; below a key line that cannot be opened, that line\'s finding lists them.' },
  'reg.data-missing': { severity: 'error', summary: 'Nothing after =; the value is not imported.' },
  'reg.data-unknown-type': { severity: 'error', summary: 'The data does not start with ", dword:, hex: or hex(N):; the value is not imported.' },
  'reg.string-unterminated': { severity: 'error', summary: 'String data without a closing quote; the value is not imported.' },
  'reg.string-trailing-text': { severity: 'error', summary: 'Text after the closing quote that is not a ; comment; the value is not imported.' },
  'reg.string-null-escape': { severity: 'error', summary: 'The escape \\0 makes regedit reject the whole line.' },
  'reg.string-unknown-escape': { severity: 'warning', summary: 'A backslash escape other than \\\\ and \\"; regedit warns and keeps the character.' },
  'reg.delete-trailing-text': { severity: 'error', summary: 'Text after =- that is not a ; comment; the value is not deleted.' },
  'reg.dword-empty': { severity: 'error', summary: 'dword: without digits; the value is not imported.' },
  'reg.dword-only-comment': { severity: 'warning', summary: 'dword: followed only by a ; comment; Wine\'s reference regedit imports 0, Windows is unverified.' },
  'reg.dword-too-long': { severity: 'error', summary: 'More than 8 hex digits after dword:; the value is not imported.' },
  'reg.dword-invalid': { severity: 'error', summary: 'dword: data that is not 1 to 8 hex digits optionally followed by a ; comment; the value is not imported.' },
  'reg.hex-type-invalid': { severity: 'error', summary: 'The type in hex(N): is not a hexadecimal number up to ffffffff without 0x; the value is not imported.' },
  'reg.hex-type-unusual': { severity: 'warning', summary: 'A hex(N): type written with blanks, a sign or no digits, which regedit\'s number parser tolerates but never writes.' },
  'reg.hex-byte-invalid': { severity: 'error', summary: 'Hex data that is not comma-separated bytes 00 to ff; the value is not imported.' },
  'reg.hex-byte-unusual': { severity: 'warning', summary: 'A byte written in a form regedit tolerates but never writes (sign, 0x, three or more digits).' },
  'reg.hex-backslash-without-comma': { severity: 'error', summary: 'A line continuation \\ not preceded by a comma; the value is not imported.' },
  'reg.hex-continuation-invalid': { severity: 'error', summary: 'Text after the continuation \\ that is not a ; comment; the value is not imported.' },
  'reg.hex-continuation-swallowed': { severity: 'error', summary: 'After ,\\ regedit expected more hex bytes; it discards the value and skips this line too.' },
  'reg.line-ignored': { severity: 'warning', summary: 'A line regedit ignores because it is neither a key, a value, a comment nor blank.' },
  // Meaning of the data
  'reg.hex-size-mismatch': { severity: 'information', summary: 'hex(4)/hex(5) data that is not 4 bytes, or hex(b) data that is not 8 bytes; regedit stores it as given, and Windows writes such values itself.' },
  'reg.hex-string-invalid': { severity: 'warning', summary: 'hex(1)/hex(2)/hex(7) data in a UTF-16 file that is not valid UTF-16 text (an unpaired surrogate; an odd byte count is reported as information); regedit imports it as given.' },
  'reg.hex-string-encoding-mismatch': { severity: 'warning', summary: 'hex(1)/hex(2)/hex(7) bytes that look like UTF-16 text in a file regedit reads as ANSI; the stored text gets a NUL after every character.' },
  'reg.multi-sz-unterminated': { severity: 'warning', summary: 'hex(7) data that does not end with an empty string (two NUL characters), in ANSI and UTF-16 files alike; regedit adds at most one NUL and stores the list unterminated.' },
  // Exchange knowledge (the registry catalog)
  'reg.deprecated-e2k-tuning': { severity: 'warning', summary: 'Exchange 2000 tuning that Exchange 2003 ignores or that now does harm; remove it (or turn it into a deletion entry so that importing the file cleans the server).', tags: ['deprecated'] },
  'reg.wrong-type': { severity: 'warning', summary: 'A known Exchange value written with another registry type than the documented one (for example a string where a DWORD is read).' },
  'reg.value-out-of-range': { severity: 'warning', summary: 'A known Exchange DWORD value outside its documented range (for the configured Windows version, or for every Windows version when none is configured).' },
  'reg.value-not-allowed': { severity: 'warning', summary: 'A known Exchange value that is not one of its documented values; where a source says what such a value does, the message says it too.' },
  'reg.undefined-bits': { severity: 'warning', summary: 'A bit mask (such as OWA segmentation) with bits that stand for no documented feature.' },
  'reg.invalid-format': { severity: 'warning', summary: 'String data that does not have the documented shape (GUID, drive letter, extension, MIME type or host list, ValidPorts).' },
  'reg.do-not-modify': { severity: 'warning', summary: 'A value that Setup writes and that must not be changed has another value.' },
  'reg.level2-blocked-by-level1': { severity: 'information', summary: 'An OWA Level 2 attachment type that the Level 1 list also names: Level 1 wins and the attachment is blocked outright.' },
  'reg.not-for-this-version': { severity: 'information', summary: 'A value documented only for other Exchange versions than the one configured (for example an Exchange 2003 setting on Exchange 2000).' },
  'reg.not-for-this-role': { severity: 'information', summary: 'A value that belongs on servers of another role than the one configured (for example a front-end setting on a mailbox server).' },
  'reg.discouraged-setting': { severity: 'information', summary: 'A valid setting or value that the documentation advises against (outside troubleshooting, or outside a recommended range).' },
  // The Exchange Server Analyzer's rules (the catalog's `analyzer` field), one code per kind of finding
  'reg.analyzer-error': { severity: 'error', summary: 'A value the Exchange Server Analyzer (ExBPA) reports as an error; the message names the article and what it recommends.' },
  'reg.analyzer-warning': { severity: 'warning', summary: 'A value the Exchange Server Analyzer (ExBPA) reports as a warning; the message names the article and what it recommends.' },
  'reg.analyzer-information': { severity: 'information', summary: 'A value the Exchange Server Analyzer (ExBPA) reports as a non-default configuration or a best practice (the message says which), with what the article recommends.' },
  // Across the file
  'reg.duplicate-value': { severity: 'warning', summary: 'The same value is set or deleted twice under one key; only the later line has an effect.', tags: ['unnecessary'] },
  'reg.duplicate-key': { severity: 'information', summary: 'The same key is opened twice; its values are spread over two places.' },
  'reg.set-then-deleted': { severity: 'warning', summary: 'Values are set under a key that a later line deletes; the settings are lost.' },
  'reg.deleted-then-set': { severity: 'information', summary: 'A key is deleted and later recreated in the same file.' },
});
