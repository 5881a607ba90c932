/**
 * Whole-result tests of the entry checks (validateEntries.ts): paths, descriptions, stray text and /REDIRECT. Each case
 * compares the complete diagnostic list of its file (code, severity, range, message), the fixes offered (title,
 * preferred, edits) and the related lines, so that a finding gained or lost anywhere, a changed range or message fails
 * the test. Each branch gets its own case.
 */
import { context, expectWhole } from '../../../helpers/bootini';

/** 43 characters: "=" after it is at column 43. */
const PATH = 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS';

/** A boot.ini whose default= names PATH (lines 0-3), with these entries from line 4 on. */
function file(...entries: string[]): string[] {
  return ['[boot loader]', 'timeout=30', `default=${PATH}`, '[operating systems]', ...entries];
}

describe('bootini entries: whole results', () => {
  it('an invalid path: not a path, a drive without its backslash, an empty path, a part out of order', () => {
    expectWhole(
      file(`${PATH}="Windows Server 2003, Enterprise" /fastdetect`, `WINDOWS="W" /fastdetect`, `C:WINDOWS="W"`, `="W"`, `multi(0)disk(0)partition(1)\\WINDOWS="W"`, `multi(0)disk(0)rdisk(0)="W"`),
      [['bootini.invalid-arc-path', 'error', 5, 0, 7, 'This entry\'s path is not valid: it is neither an ARC path (multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS) nor a drive path (C:\\), so the entry cannot start. Correct it: Windows entries use an ARC path, other systems a drive path such as C:\\.'], ['bootini.invalid-arc-path', 'error', 6, 0, 9, 'This entry\'s path is not valid: a drive path needs a backslash after "C:" (for example C:\\), so the entry cannot start. Correct it: Windows entries use an ARC path, other systems a drive path such as C:\\.'], ['bootini.invalid-arc-path', 'error', 7, 0, 1, 'This entry\'s path is not valid: the entry has no path before "=", so the entry cannot start. Correct it: Windows entries use an ARC path, other systems a drive path such as C:\\.'], ['bootini.invalid-arc-path', 'error', 8, 15, 27, 'This entry\'s path is not valid: rdisk(…) is expected here, not partition(…), so the entry cannot start. Correct it: Windows entries use an ARC path, other systems a drive path such as C:\\.'], ['bootini.invalid-arc-path', 'error', 9, 0, 23, 'This entry\'s path is not valid: partition(…) must follow rdisk(0), but the path ends, so the entry cannot start. Correct it: Windows entries use an ARC path, other systems a drive path such as C:\\.']],
      [],
      [],
    );
  });
  it('ARC numbering: partition(0), a disk number with multi(), an adapter number other than 0 (unusual), bad numbers and signatures', () => {
    expectWhole(
      file(`${PATH}="Windows Server 2003, Enterprise" /fastdetect`, `multi(0)disk(0)rdisk(0)partition(0)\\WINDOWS="W"`, `multi(1)disk(2)rdisk(0)partition(1)\\WINDOWS="W"`, `multi(0)disk(0)rdisk(x)partition(1)\\WINDOWS="W"`, `signature(8b46)disk(0)rdisk(0)partition(1)\\WINDOWS="W"`),
      [['bootini.invalid-arc-path', 'error', 5, 33, 34, 'Invalid ARC path: partition numbers start at 1 (disk, rdisk and adapter numbers start at 0), so partition(0) names no partition. The loader looks for Windows in the wrong place; correct the path (and default= if it names this entry).'], ['bootini.unusual-arc-path', 'warning', 6, 6, 7, 'Unusual ARC path: KB 102873 says the adapter number of multi() should always be 0, not 1 (with multi() the loader reads the disk through the BIOS). Check that this is the disk Windows is on, and write multi(0) if it is.'], ['bootini.invalid-arc-path', 'error', 6, 13, 14, 'Invalid ARC path: with multi() the disk number is always 0 (the disk is chosen by rdisk()), not 2. The loader looks for Windows in the wrong place; correct the path (and default= if it names this entry).'], ['bootini.invalid-arc-path', 'error', 7, 21, 22, 'Invalid ARC path: rdisk() takes a decimal number, not "x". The loader looks for Windows in the wrong place; correct the path (and default= if it names this entry).'], ['bootini.invalid-arc-path', 'error', 8, 10, 14, 'Invalid ARC path: signature() takes the disk signature as exactly 8 hexadecimal digits (for example signature(8b467c12)), not "8b46". The loader looks for Windows in the wrong place; correct the path (and default= if it names this entry).']],
      [],
      [],
    );
  });
  it('a description missing: no "=", nothing after "=", only blanks and a switch after "=" (the suggestion without a known Windows)', () => {
    expectWhole(
      file(`${PATH} /fastdetect`, `${PATH}=`, `${PATH}=  /fastdetect`),
      [['bootini.invalid-description', 'error', 4, 0, 43, 'This entry has no ="Description" after its path. Every entry is written PATH="Description" /switches: the description is what the boot menu shows. Add one.'], ['bootini.invalid-description', 'error', 5, 43, 44, 'Nothing follows "=": every entry is written PATH="Description" /switches, and the description is what the boot menu shows. Add one in double quotes.'], ['bootini.invalid-description', 'error', 6, 43, 44, 'Nothing follows "=": every entry is written PATH="Description" /switches, and the description is what the boot menu shows. Add one in double quotes.']],
      [['bootini.invalid-description', 4, 'Add ="Microsoft Windows"', false, [[4, 43, 4, 43, '="Microsoft Windows"']]], ['bootini.invalid-description', 5, 'Add "Microsoft Windows"', false, [[5, 44, 5, 44, '"Microsoft Windows"']]], ['bootini.invalid-description', 6, 'Add "Microsoft Windows"', false, [[6, 44, 6, 44, '"Microsoft Windows"']]]],
      [],
    );
  });
  it('a description missing on Windows Server 2003 (the configured version): the suggestion names it', () => {
    expectWhole(
      file(`${PATH} /fastdetect`, `${PATH}=`),
      [['bootini.invalid-description', 'error', 4, 0, 43, 'This entry has no ="Description" after its path. Every entry is written PATH="Description" /switches: the description is what the boot menu shows. Add one.'], ['bootini.invalid-description', 'error', 5, 43, 44, 'Nothing follows "=": every entry is written PATH="Description" /switches, and the description is what the boot menu shows. Add one in double quotes.']],
      [['bootini.invalid-description', 4, 'Add ="Windows Server 2003"', false, [[4, 43, 4, 43, '="Windows Server 2003"']]], ['bootini.invalid-description', 5, 'Add "Windows Server 2003"', false, [[5, 44, 5, 44, '"Windows Server 2003"']]]],
      [],
      context({'windowsVersion':'2003'}),
    );
  });
  it('a description missing on Windows 2000 (the configured version): the suggestion names it', () => {
    expectWhole(
      file(`${PATH} /fastdetect`, `${PATH}=`),
      [['bootini.invalid-description', 'error', 4, 0, 43, 'This entry has no ="Description" after its path. Every entry is written PATH="Description" /switches: the description is what the boot menu shows. Add one.'], ['bootini.invalid-description', 'error', 5, 43, 44, 'Nothing follows "=": every entry is written PATH="Description" /switches, and the description is what the boot menu shows. Add one in double quotes.']],
      [['bootini.invalid-description', 4, 'Add ="Microsoft Windows 2000 Server"', false, [[4, 43, 4, 43, '="Microsoft Windows 2000 Server"']]], ['bootini.invalid-description', 5, 'Add "Microsoft Windows 2000 Server"', false, [[5, 44, 5, 44, '"Microsoft Windows 2000 Server"']]]],
      [],
      context({'windowsVersion':'2000'}),
    );
  });
  it('no closing quote: before the first switch, over blanks and tabs; after a slash inside a word; at the end without a switch', () => {
    expectWhole(
      file(`${PATH}="Windows Server 2003 /fastdetect`, `${PATH}="Windows Server 2003 \t /fastdetect /sos`, `${PATH}="Exchange/Windows\t/fastdetect`, `${PATH}="Windows Server 2003  `),
      [['bootini.invalid-description', 'error', 4, 44, 76, 'The description has no closing double quote, so everything after it, switches included, is read as description and no switch takes effect. Close the quote after the description.'], ['bootini.invalid-description', 'error', 5, 44, 83, 'The description has no closing double quote, so everything after it, switches included, is read as description and no switch takes effect. Close the quote after the description.'], ['bootini.invalid-description', 'error', 6, 44, 73, 'The description has no closing double quote, so everything after it, switches included, is read as description and no switch takes effect. Close the quote after the description.'], ['bootini.invalid-description', 'error', 7, 44, 64, 'The description has no closing double quote, so everything after it, switches included, is read as description and no switch takes effect. Close the quote after the description.']],
      [['bootini.invalid-description', 4, 'Add the closing quote', true, [[4, 64, 4, 64, '"']]], ['bootini.invalid-description', 5, 'Add the closing quote', true, [[5, 64, 5, 64, '"']]], ['bootini.invalid-description', 6, 'Add the closing quote', true, [[6, 61, 6, 61, '"']]], ['bootini.invalid-description', 7, 'Add the closing quote', true, [[7, 64, 7, 64, '"']]]],
      [],
    );
  });
  it('no closing quote: a switch right after the opening quote gets an empty description', () => {
    expectWhole(
      file(`${PATH}=" /fastdetect`, `${PATH}="  /fastdetect`),
      [['bootini.invalid-description', 'error', 4, 44, 57, 'The description has no closing double quote, so everything after it, switches included, is read as description and no switch takes effect. Close the quote after the description.'], ['bootini.invalid-description', 'error', 5, 44, 58, 'The description has no closing double quote, so everything after it, switches included, is read as description and no switch takes effect. Close the quote after the description.']],
      [['bootini.invalid-description', 4, 'Add the closing quote', true, [[4, 45, 4, 45, '"']]], ['bootini.invalid-description', 5, 'Add the closing quote', true, [[5, 45, 5, 45, '"']]]],
      [],
    );
  });
  it('a description without quotes: quoted where it starts and ends, also before a switch', () => {
    expectWhole(
      file(`${PATH}=Windows Server 2003 /fastdetect`, `${PATH}= Windows`),
      [['bootini.invalid-description', 'error', 4, 44, 63, 'The description is not in double quotes. Entries are written PATH="Description" /switches (KB 833721, KB 102873); put the description in quotes.'], ['bootini.invalid-description', 'error', 5, 45, 52, 'The description is not in double quotes. Entries are written PATH="Description" /switches (KB 833721, KB 102873); put the description in quotes.']],
      [['bootini.invalid-description', 4, 'Put the description in double quotes', true, [[4, 44, 4, 44, '"'], [4, 63, 4, 63, '"']]], ['bootini.invalid-description', 5, 'Put the description in double quotes', true, [[5, 45, 5, 45, '"'], [5, 52, 5, 52, '"']]]],
      [],
    );
  });
  it('stray text: a switch name without its slash, with - or \\ before it, with a value, in lower case', () => {
    expectWhole(
      file(`${PATH}="W" 3GB -PAE \\sos USERVA=3030 safeboot:minimal pae`),
      [['bootini.stray-text', 'warning', 4, 48, 51, '"3GB" is not a switch because it does not start with "/"; did you mean /3GB? Every option after the description is written /NAME or /NAME=value.'], ['bootini.stray-text', 'warning', 4, 52, 56, '"-PAE" is not a switch because it does not start with "/"; did you mean /PAE? Every option after the description is written /NAME or /NAME=value.'], ['bootini.stray-text', 'warning', 4, 57, 61, '"\\sos" is not a switch because it does not start with "/"; did you mean /SOS? Every option after the description is written /NAME or /NAME=value.'], ['bootini.stray-text', 'warning', 4, 62, 73, '"USERVA=3030" is not a switch because it does not start with "/"; did you mean /USERVA? Every option after the description is written /NAME or /NAME=value.'], ['bootini.stray-text', 'warning', 4, 74, 90, '"safeboot:minimal" is not a switch because it does not start with "/"; did you mean /SAFEBOOT? Every option after the description is written /NAME or /NAME=value.'], ['bootini.stray-text', 'warning', 4, 91, 94, '"pae" is not a switch because it does not start with "/"; did you mean /PAE? Every option after the description is written /NAME or /NAME=value.']],
      [['bootini.stray-text', 4, 'Write /3GB', true, [[4, 48, 4, 48, '/']]], ['bootini.stray-text', 4, 'Remove "3GB"', false, [[4, 47, 4, 51, '']]], ['bootini.stray-text', 4, 'Write /PAE', true, [[4, 52, 4, 53, '/']]], ['bootini.stray-text', 4, 'Remove "-PAE"', false, [[4, 51, 4, 56, '']]], ['bootini.stray-text', 4, 'Write /sos', true, [[4, 57, 4, 58, '/']]], ['bootini.stray-text', 4, 'Remove "\\sos"', false, [[4, 56, 4, 61, '']]], ['bootini.stray-text', 4, 'Write /USERVA', true, [[4, 62, 4, 62, '/']]], ['bootini.stray-text', 4, 'Remove "USERVA=3030"', false, [[4, 61, 4, 73, '']]], ['bootini.stray-text', 4, 'Write /safeboot', true, [[4, 74, 4, 74, '/']]], ['bootini.stray-text', 4, 'Remove "safeboot:minimal"', false, [[4, 73, 4, 90, '']]], ['bootini.stray-text', 4, 'Write /pae', true, [[4, 91, 4, 91, '/']]], ['bootini.stray-text', 4, 'Remove "pae"', false, [[4, 90, 4, 94, '']]]],
      [],
    );
  });
  it('stray text: words that are not switch names', () => {
    expectWhole(
      file(`${PATH}="W" fast x-PAE PAE! --PAE =3GB`),
      [['bootini.stray-text', 'warning', 4, 48, 52, '"fast" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.'], ['bootini.stray-text', 'warning', 4, 53, 58, '"x-PAE" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.'], ['bootini.stray-text', 'warning', 4, 59, 63, '"PAE!" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.'], ['bootini.stray-text', 'warning', 4, 64, 69, '"--PAE" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.'], ['bootini.stray-text', 'warning', 4, 70, 74, '"=3GB" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.']],
      [['bootini.stray-text', 4, 'Remove "fast"', false, [[4, 47, 4, 52, '']]], ['bootini.stray-text', 4, 'Remove "x-PAE"', false, [[4, 52, 4, 58, '']]], ['bootini.stray-text', 4, 'Remove "PAE!"', false, [[4, 58, 4, 63, '']]], ['bootini.stray-text', 4, 'Remove "--PAE"', false, [[4, 63, 4, 69, '']]], ['bootini.stray-text', 4, 'Remove "=3GB"', false, [[4, 69, 4, 74, '']]]],
      [],
    );
  });
  it('stray text: an end-of-line comment is reported once, up to the end of the line, after a stray word', () => {
    expectWhole(
      file(`${PATH}="W" /fastdetect x ; tuned by PSS ; again`, `${PATH}="W"\t;comment`),
      [['bootini.stray-text', 'warning', 4, 60, 61, '"x" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.'], ['bootini.stray-text', 'warning', 4, 62, 84, 'boot.ini has no end-of-line comments: a ; comment must stand on a line of its own, and here it is read as part of the entry\'s options. Move the comment to its own line above the entry.'], ['bootini.stray-text', 'warning', 5, 48, 56, 'boot.ini has no end-of-line comments: a ; comment must stand on a line of its own, and here it is read as part of the entry\'s options. Move the comment to its own line above the entry.']],
      [['bootini.stray-text', 4, 'Remove "x"', false, [[4, 59, 4, 61, '']]], ['bootini.stray-text', 4, 'Remove the comment from the entry', false, [[4, 61, 4, 84, '']]], ['bootini.stray-text', 5, 'Remove the comment from the entry', false, [[5, 47, 5, 56, '']]]],
      [],
    );
  });
  it('/REDIRECT without redirect=: the port settings go after the last setting, past comments and blank lines', () => {
    expectWhole(
      ['[boot loader]', 'timeout=30', `default=${PATH}`, '; ports', '', '[operating systems]', `${PATH}="W" /fastdetect /redirect`],
      [['bootini.redirect-without-port', 'warning', 6, 60, 69, '/REDIRECT turns on Emergency Management Services for this entry, but [boot loader] names no port, so nothing is redirected. Add redirect=COM1 (to COM4) or redirect=USEBIOSSETTINGS to [boot loader].']],
      [['bootini.redirect-without-port', 6, 'Add redirect=USEBIOSSETTINGS to [boot loader]', false, [[3, 0, 3, 0, 'redirect=USEBIOSSETTINGS\r\n']]], ['bootini.redirect-without-port', 6, 'Add redirect=COM1 to [boot loader]', false, [[3, 0, 3, 0, 'redirect=COM1\r\n']]]],
      [],
    );
  });
  it('/REDIRECT without redirect=: after the header of a [boot loader] without settings', () => {
    expectWhole(
      ['[boot loader]', '', '[operating systems]', `${PATH}="W" /REDIRECT`],
      [['bootini.redirect-without-port', 'warning', 3, 48, 57, '/REDIRECT turns on Emergency Management Services for this entry, but [boot loader] names no port, so nothing is redirected. Add redirect=COM1 (to COM4) or redirect=USEBIOSSETTINGS to [boot loader].']],
      [['bootini.redirect-without-port', 3, 'Add redirect=USEBIOSSETTINGS to [boot loader]', false, [[1, 0, 1, 0, 'redirect=USEBIOSSETTINGS\r\n']]], ['bootini.redirect-without-port', 3, 'Add redirect=COM1 to [boot loader]', false, [[1, 0, 1, 0, 'redirect=COM1\r\n']]]],
      [],
    );
  });
  it('/REDIRECT without redirect= and without [boot loader]: no fix', () => {
    expectWhole(
      ['[operating systems]', `${PATH}="W" /redirect`],
      [['bootini.missing-boot-loader', 'warning', 0, 0, 19, 'This boot.ini has no [boot loader] section, so it sets neither timeout= (how long the menu waits) nor default= (the entry that starts). Add the section before [operating systems].'], ['bootini.redirect-without-port', 'warning', 1, 48, 57, '/REDIRECT turns on Emergency Management Services for this entry, but [boot loader] names no port, so nothing is redirected. Add redirect=COM1 (to COM4) or redirect=USEBIOSSETTINGS to [boot loader].']],
      [['bootini.missing-boot-loader', 0, 'Add a [boot loader] section (timeout=30, default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS)', false, [[0, 0, 0, 0, '[boot loader]\r\ntimeout=30\r\ndefault=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n']]]],
      [],
    );
  });
  it('/REDIRECT with redirect= in [boot loader] stays silent', () => {
    expectWhole(
      ['[boot loader]', 'timeout=30', `default=${PATH}`, 'redirect=COM1', '[operating systems]', `${PATH}="Windows Server 2003, Enterprise" /fastdetect /redirect`],
      [],
      [],
      [],
    );
  });
  it('realistic entries stay silent: ARC paths of each adapter, drive paths, blanks around "="', () => {
    expectWhole(
      file(`${PATH}="Windows Server 2003, Enterprise" /fastdetect`, `scsi(1)disk(5)rdisk(0)partition(2)\\WINNT = "Microsoft Windows 2000 Server" /fastdetect`, `signature(8b467c12)disk(1)rdisk(0)partition(2)\\WINDOWS="W"`, `C:\\="Microsoft Windows"`, `C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons`),
      [],
      [],
      [],
    );
  });
});
