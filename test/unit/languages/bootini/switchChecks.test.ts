import { expectWhole } from '../../../helpers/bootini';
/**
 * Whole-result tests of the switch checks (validateSwitches.ts): each case compares the complete diagnostic list of its
 * file (code, severity, range, message), the fixes offered (title, preferred, edits) and the related lines, so that a
 * finding gained or lost anywhere, a changed range or message fails the test. Each branch gets its own case.
 */

const PATH = 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS';
const NTPATH = 'multi(0)disk(0)rdisk(0)partition(1)\\WINNT';
/** 77 characters: the first switch after it starts at column 78. */
const W2003 = `${PATH}="Windows Server 2003, Enterprise"`;
const W2003SP0 = `${PATH}="Windows Server 2003, Enterprise SP0"`;
const W2000AS = `${NTPATH}="Microsoft Windows 2000 Advanced Server"`;
const NT4 = `${NTPATH}="Windows NT Server Version 4.00"`;

/** A boot.ini whose default= names the first entry (lines 0-3), with these entries from line 4 on. */
function file(...entries: string[]): string[] {
  return ['[boot loader]', 'timeout=30', `default=${PATH}`, '[operating systems]', ...entries];
}

/** The same with default= naming the \WINNT entries. */
function file2000(...entries: string[]): string[] {
  return ['[boot loader]', 'timeout=30', `default=${NTPATH}`, '[operating systems]', ...entries];
}

describe('bootini switches: whole results', () => {
  it('unknown switches: a lone slash, a misspelling (one candidate, in the letter case written), none, two candidates', () => {
    expectWhole(
      file(`${W2003} / /fastdetct /turbo /BOOTLOGX /Fastdetct`),
      [['bootini.unknown-switch', 'warning', 4, 78, 79, 'A "/" without a switch name after it. Remove it, or write the switch name right after the slash.'], ['bootini.unknown-switch', 'warning', 4, 80, 90, '/fastdetct is not a switch any Windows version documents; did you mean /FASTDETECT? Windows ignores switches it does not know, so this one has no effect.'], ['bootini.unknown-switch', 'warning', 4, 91, 97, '/turbo is not a switch any Windows version documents. Windows ignores switches it does not know, so this one has no effect.'], ['bootini.unknown-switch', 'warning', 4, 98, 107, '/BOOTLOGX is not a switch any Windows version documents; did you mean /BOOTLOG or /BOOTLOGO? Windows ignores switches it does not know, so this one has no effect.'], ['bootini.unknown-switch', 'warning', 4, 108, 118, '/Fastdetct is not a switch any Windows version documents; did you mean /FASTDETECT? Windows ignores switches it does not know, so this one has no effect.']],
      [['bootini.unknown-switch', 4, 'Remove it', true, [[4, 77, 4, 79, '']]], ['bootini.unknown-switch', 4, 'Change to /fastdetect', true, [[4, 81, 4, 90, 'fastdetect']]], ['bootini.unknown-switch', 4, 'Remove /fastdetct', false, [[4, 79, 4, 90, '']]], ['bootini.unknown-switch', 4, 'Remove /turbo', false, [[4, 90, 4, 97, '']]], ['bootini.unknown-switch', 4, 'Change to /BOOTLOG', false, [[4, 99, 4, 107, 'BOOTLOG']]], ['bootini.unknown-switch', 4, 'Change to /BOOTLOGO', false, [[4, 99, 4, 107, 'BOOTLOGO']]], ['bootini.unknown-switch', 4, 'Remove /BOOTLOGX', false, [[4, 97, 4, 107, '']]], ['bootini.unknown-switch', 4, 'Change to /FASTDETECT', true, [[4, 109, 4, 118, 'FASTDETECT']]], ['bootini.unknown-switch', 4, 'Remove /Fastdetct', false, [[4, 107, 4, 118, '']]]],
      [],
    );
  });
  it('unknown switches: names of up to 4 letters are compared 1 edit away, longer ones 2', () => {
    expectWhole(
      file(`${W2003} /KERN /BOOTL /DEBG /3G`),
      [['bootini.unknown-switch', 'warning', 4, 78, 83, '/KERN is not a switch any Windows version documents. Windows ignores switches it does not know, so this one has no effect.'], ['bootini.unknown-switch', 'warning', 4, 84, 90, '/BOOTL is not a switch any Windows version documents; did you mean /BOOTLOG? Windows ignores switches it does not know, so this one has no effect.'], ['bootini.unknown-switch', 'warning', 4, 91, 96, '/DEBG is not a switch any Windows version documents; did you mean /DEBUG? Windows ignores switches it does not know, so this one has no effect.'], ['bootini.unknown-switch', 'warning', 4, 97, 100, '/3G is not a switch any Windows version documents; did you mean /3GB? Windows ignores switches it does not know, so this one has no effect.']],
      [['bootini.unknown-switch', 4, 'Remove /KERN', false, [[4, 77, 4, 83, '']]], ['bootini.unknown-switch', 4, 'Change to /BOOTLOG', true, [[4, 85, 4, 90, 'BOOTLOG']]], ['bootini.unknown-switch', 4, 'Remove /BOOTL', false, [[4, 83, 4, 90, '']]], ['bootini.unknown-switch', 4, 'Change to /DEBUG', true, [[4, 92, 4, 96, 'DEBUG']]], ['bootini.unknown-switch', 4, 'Remove /DEBG', false, [[4, 90, 4, 96, '']]], ['bootini.unknown-switch', 4, 'Change to /3GB', true, [[4, 98, 4, 100, '3GB']]], ['bootini.unknown-switch', 4, 'Remove /3G', false, [[4, 96, 4, 100, '']]]],
      [],
    );
  });
  it('a value on a switch that takes none, also an empty one', () => {
    expectWhole(
      file(`${W2003} /PAE=yes /SOS:`),
      [['bootini.unexpected-switch-value', 'warning', 4, 82, 86, '/PAE takes no value; "=yes" is not documented and has no documented effect. Write /PAE alone.'], ['bootini.unexpected-switch-value', 'warning', 4, 91, 92, '/SOS takes no value; ":" is not documented and has no documented effect. Write /SOS alone.']],
      [['bootini.unexpected-switch-value', 4, 'Write /PAE without a value', true, [[4, 82, 4, 86, '']]], ['bootini.unexpected-switch-value', 4, 'Write /SOS without a value', true, [[4, 91, 4, 92, '']]]],
      [],
    );
  });
  it('no value: the recommended value (preferred), the first documented value, none for an enum, none without documented values', () => {
    expectWhole(
      file(`${W2003} /3GB /USERVA`, `${W2003} /DEBUGPORT`, `${W2003} /NOEXECUTE`, `${W2003} /MAXMEM`),
      [['bootini.switch-value-missing', 'error', 4, 83, 90, '/USERVA needs a value after "=": a decimal number of megabytes, for example /USERVA=3030. Without one the switch does not do what it is meant to; add a value, or remove the switch.'], ['bootini.switch-value-missing', 'error', 5, 78, 88, '/DEBUGPORT needs a value after "=": COMn, or 1394 or USB on Windows XP and Server 2003, for example /DEBUGPORT=COM1. Without one the switch does not do what it is meant to; add a value, or remove the switch.'], ['bootini.switch-value-missing', 'error', 6, 78, 88, '/NOEXECUTE needs a value after "=": one of OptIn, OptOut, AlwaysOn, AlwaysOff, for example /NOEXECUTE=OptIn. Without one the switch does not do what it is meant to; add a value, or remove the switch.'], ['bootini.switch-value-missing', 'error', 7, 78, 85, '/MAXMEM needs a value after "=": a decimal number (megabytes in practice; see the notes). Without one the switch does not do what it is meant to; add a value, or remove the switch.']],
      [['bootini.switch-value-missing', 4, 'Add =3030', true, [[4, 90, 4, 90, '=3030']]], ['bootini.switch-value-missing', 4, 'Remove /USERVA', false, [[4, 82, 4, 90, '']]], ['bootini.switch-value-missing', 5, 'Add =COM1', false, [[5, 88, 5, 88, '=COM1']]], ['bootini.switch-value-missing', 5, 'Remove /DEBUGPORT', false, [[5, 77, 5, 88, '']]], ['bootini.switch-value-missing', 6, 'Remove /NOEXECUTE', false, [[6, 77, 6, 88, '']]], ['bootini.switch-value-missing', 7, 'Remove /MAXMEM', false, [[7, 77, 7, 85, '']]]],
      [],
    );
  });
  it('a value switch written without a value stays silent where the value is optional', () => {
    expectWhole(
      file(`${W2003} /fastdetect /CLKLVL`),
      [],
      [],
      [],
    );
  });
  it('the wrong separator: only the separator is reported, not the value after it', () => {
    expectWhole(
      file(`${W2003} /3GB /USERVA:9999`, `${W2003} /SAFEBOOT=minimal`),
      [['bootini.invalid-switch-value', 'error', 4, 90, 91, '/USERVA takes its value after "=", not ":": write /USERVA=9999.'], ['bootini.invalid-switch-value', 'error', 5, 87, 88, '/SAFEBOOT takes its value after ":", not "=": write /SAFEBOOT:minimal.']],
      [['bootini.invalid-switch-value', 4, 'Write /USERVA=9999', true, [[4, 90, 4, 91, '=']]], ['bootini.invalid-switch-value', 5, 'Write /SAFEBOOT:minimal', true, [[5, 87, 5, 88, ':']]]],
      [],
    );
  });
  it('nothing after the separator: the recommended value, a word cut off by a blank, no fix without either', () => {
    expectWhole(
      file(`${W2003} /3GB /USERVA=`, `${W2003} /3GB /USERVA= 3030`, `${W2003} /safeboot: minimal`, `${W2003} /NUMPROC=`),
      [['bootini.switch-value-missing', 'error', 4, 83, 91, 'Nothing follows "=": /USERVA needs a decimal number of megabytes there. Add it, or remove the switch.'], ['bootini.switch-value-missing', 'error', 5, 83, 91, 'Nothing follows "=": the blank before "3030" ends the switch, so /USERVA has no value and "3030" is a separate word. Remove the blank.'], ['bootini.stray-text', 'warning', 5, 92, 96, '"3030" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.'], ['bootini.switch-value-missing', 'error', 6, 78, 88, 'Nothing follows ":": the blank before "minimal" ends the switch, so /safeboot has no value and "minimal" is a separate word. Remove the blank.'], ['bootini.stray-text', 'warning', 6, 89, 96, '"minimal" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.'], ['bootini.switch-value-missing', 'error', 7, 78, 87, 'Nothing follows "=": /NUMPROC needs a decimal number of processors there. Add it, or remove the switch.']],
      [['bootini.switch-value-missing', 4, 'Add 3030', true, [[4, 91, 4, 91, '3030']]], ['bootini.switch-value-missing', 5, 'Write /USERVA=3030', true, [[5, 91, 5, 92, '']]], ['bootini.switch-value-missing', 5, 'Add 3030', false, [[5, 91, 5, 91, '3030']]], ['bootini.stray-text', 5, 'Remove "3030"', false, [[5, 91, 5, 96, '']]], ['bootini.switch-value-missing', 6, 'Write /safeboot:minimal', true, [[6, 88, 6, 89, '']]], ['bootini.stray-text', 6, 'Remove "minimal"', false, [[6, 88, 6, 96, '']]]],
      [],
    );
  });
  it('nothing after the separator of a switch whose value is optional: write it alone (preferred unless a word follows)', () => {
    expectWhole(
      file(`${W2003} /FASTDETECT:`, `${W2003} /fastdetect: COM1`),
      [['bootini.switch-value-missing', 'error', 4, 78, 90, 'Nothing follows ":": write /FASTDETECT alone, or add optionally a list of serial ports, such as COM1 or COM1,2 after ":".'], ['bootini.switch-value-missing', 'error', 5, 78, 90, 'Nothing follows ":": the blank before "COM1" ends the switch, so /fastdetect has no value and "COM1" is a separate word. Remove the blank.'], ['bootini.stray-text', 'warning', 5, 91, 95, '"COM1" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.']],
      [['bootini.switch-value-missing', 4, 'Write /FASTDETECT without ":"', true, [[4, 89, 4, 90, '']]], ['bootini.switch-value-missing', 5, 'Write /fastdetect without ":"', false, [[5, 89, 5, 90, '']]], ['bootini.stray-text', 5, 'Remove "COM1"', false, [[5, 90, 5, 95, '']]]],
      [],
    );
  });
  it('nothing after the separator: only the next word after blanks counts as the cut-off value', () => {
    expectWhole(
      file(`${W2003} x /SAFEBOOT:`, `${W2003} /SAFEBOOT: /sos minimal`),
      [['bootini.stray-text', 'warning', 4, 78, 79, '"x" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.'], ['bootini.switch-value-missing', 'error', 4, 80, 90, 'Nothing follows ":": /SAFEBOOT needs one of minimal, network, minimal(alternateshell), dsrepair there. Add it, or remove the switch.'], ['bootini.switch-value-missing', 'error', 5, 78, 88, 'Nothing follows ":": /SAFEBOOT needs one of minimal, network, minimal(alternateshell), dsrepair there. Add it, or remove the switch.'], ['bootini.stray-text', 'warning', 5, 94, 101, '"minimal" is not a switch: options after the description are written /NAME or /NAME=value, and no source documents what other text does. Remove it, or put the description\'s text inside the quotes.']],
      [['bootini.stray-text', 4, 'Remove "x"', false, [[4, 77, 4, 79, '']]], ['bootini.stray-text', 5, 'Remove "minimal"', false, [[5, 93, 5, 101, '']]]],
      [],
    );
  });
  it('integer values that are not decimal: the recommended value is the fix where there is one', () => {
    expectWhole(
      file(`${W2003} /3GB /USERVA=x3030`, `${W2003} /MAXMEM=512MB`),
      [['bootini.invalid-switch-value', 'error', 4, 91, 96, '/USERVA=x3030 is not a decimal number, so Windows cannot use it: /USERVA takes a decimal number of megabytes. Write the number alone.'], ['bootini.invalid-switch-value', 'error', 5, 86, 91, '/MAXMEM=512MB is not a decimal number, so Windows cannot use it: /MAXMEM takes a decimal number (megabytes in practice; see the notes). Write the number alone.']],
      [['bootini.invalid-switch-value', 4, 'Set /USERVA=3030', false, [[4, 91, 4, 96, '3030']]]],
      [],
    );
  });
  it('integer values out of range: above and below both bounds, below a minimum alone, with and without a unit', () => {
    expectWhole(
      file(`${W2003} /3GB /USERVA=3100`, `${W2003} /3GB /userva=1024`, `${W2003} /NUMPROC=0`, `${W2003} /MAXPROCSPERCLUSTER=8`, `${W2003} /MAXMEM=0`),
      [['bootini.switch-value-out-of-range', 'error', 4, 91, 95, '/USERVA=3100 is outside the range /USERVA accepts, 2048 to 3072 MB, so Windows does not use it as written. For Exchange 2003 write /USERVA=3030.'], ['bootini.switch-value-out-of-range', 'error', 5, 91, 95, '/userva=1024 is outside the range /USERVA accepts, 2048 to 3072 MB, so Windows does not use it as written. For Exchange 2003 write /USERVA=3030.'], ['bootini.switch-value-out-of-range', 'error', 6, 87, 88, '/NUMPROC=0 is outside the range /NUMPROC accepts, at least 1, so Windows does not use it as written.'], ['bootini.switch-value-out-of-range', 'error', 7, 98, 99, '/MAXPROCSPERCLUSTER=8 is outside the range /MAXPROCSPERCLUSTER accepts, 0 to 4, so Windows does not use it as written.'], ['bootini.switch-value-out-of-range', 'error', 8, 86, 87, '/MAXMEM=0 is outside the range /MAXMEM accepts, at least 1 MB, so Windows does not use it as written.']],
      [['bootini.switch-value-out-of-range', 4, 'Set /USERVA=3030 (what Exchange 2003 expects)', true, [[4, 91, 4, 95, '3030']]], ['bootini.switch-value-out-of-range', 4, 'Set /USERVA=3072', false, [[4, 91, 4, 95, '3072']]], ['bootini.switch-value-out-of-range', 5, 'Set /userva=3030 (what Exchange 2003 expects)', true, [[5, 91, 5, 95, '3030']]], ['bootini.switch-value-out-of-range', 5, 'Set /userva=2048', false, [[5, 91, 5, 95, '2048']]], ['bootini.switch-value-out-of-range', 6, 'Set /NUMPROC=1', false, [[6, 87, 6, 88, '1']]], ['bootini.switch-value-out-of-range', 7, 'Set /MAXPROCSPERCLUSTER=4', false, [[7, 98, 7, 99, '4']]], ['bootini.switch-value-out-of-range', 8, 'Set /MAXMEM=1', false, [[8, 86, 8, 87, '1']]]],
      [],
    );
  });
  it('enum values: one candidate, two, none; the KB 833721 misprint only for /SAFEBOOT', () => {
    expectWhole(
      file(`${W2003} /NOEXECUTE=optinn`, `${W2003} /NOEXECUTE=AlwaysOf`, `${W2003} /NOEXECUTE=whatever`, `${W2003} /SAFEBOOT:disrepair`, `${W2003} /NOEXECUTE=disrepair`, `${W2003} /SAFEBOOT:minimall`),
      [['bootini.invalid-switch-value', 'error', 4, 89, 95, '/NOEXECUTE=optinn is not one of the values /NOEXECUTE takes, so Windows does not apply it. Write one of OptIn, OptOut, AlwaysOn, AlwaysOff; did you mean OptIn?'], ['bootini.invalid-switch-value', 'error', 5, 89, 97, '/NOEXECUTE=AlwaysOf is not one of the values /NOEXECUTE takes, so Windows does not apply it. Write one of OptIn, OptOut, AlwaysOn, AlwaysOff; did you mean AlwaysOn or AlwaysOff?'], ['bootini.invalid-switch-value', 'error', 6, 89, 97, '/NOEXECUTE=whatever is not one of the values /NOEXECUTE takes, so Windows does not apply it. Write one of OptIn, OptOut, AlwaysOn, AlwaysOff.'], ['bootini.invalid-switch-value', 'error', 7, 88, 97, '/SAFEBOOT:disrepair is not one of the values /SAFEBOOT takes, so Windows does not apply it. Write one of minimal, network, minimal(alternateshell), dsrepair; did you mean dsrepair? (KB 833721 misprints dsrepair as "disrepair".)'], ['bootini.invalid-switch-value', 'error', 8, 89, 98, '/NOEXECUTE=disrepair is not one of the values /NOEXECUTE takes, so Windows does not apply it. Write one of OptIn, OptOut, AlwaysOn, AlwaysOff.'], ['bootini.invalid-switch-value', 'error', 9, 88, 96, '/SAFEBOOT:minimall is not one of the values /SAFEBOOT takes, so Windows does not apply it. Write one of minimal, network, minimal(alternateshell), dsrepair; did you mean minimal?']],
      [['bootini.invalid-switch-value', 4, 'Change to OptIn', true, [[4, 89, 4, 95, 'OptIn']]], ['bootini.invalid-switch-value', 5, 'Change to AlwaysOn', false, [[5, 89, 5, 97, 'AlwaysOn']]], ['bootini.invalid-switch-value', 5, 'Change to AlwaysOff', false, [[5, 89, 5, 97, 'AlwaysOff']]], ['bootini.invalid-switch-value', 7, 'Change to dsrepair', true, [[7, 88, 7, 97, 'dsrepair']]], ['bootini.invalid-switch-value', 9, 'Change to minimal', true, [[9, 88, 9, 96, 'minimal']]]],
      [],
    );
  });
  it('text values not of the documented form', () => {
    expectWhole(
      file(`${W2003} /HAL=c:\\hal.dll`, `${W2003} /DEBUGPORT=LPT1`),
      [['bootini.invalid-switch-value', 'error', 4, 83, 93, '/HAL=c:\\hal.dll is not of the form /HAL takes, so Windows cannot use it. Write a file name in System32, such as halmps.dll.'], ['bootini.invalid-switch-value', 'error', 5, 89, 93, '/DEBUGPORT=LPT1 is not of the form /DEBUGPORT takes, so Windows cannot use it. Write COMn, or 1394 or USB on Windows XP and Server 2003.']],
      [],
      [],
    );
  });
  it('Windows 2000: switches of later versions (with and without service packs), a value of later versions; silent where the sources are silent or do not restrict', () => {
    expectWhole(
      file2000(`${W2000AS} /3GB /USERVA=3030 /NOEXECUTE=OptOut /BURNMEMORY=64 /NOSERIALMICE /debug /debugport=1394`),
      [['bootini.switch-not-for-version', 'warning', 4, 88, 95, '/USERVA is known only to Windows XP and Windows Server 2003; this entry starts Windows 2000 Advanced Server (as the description says), which does not know it. Remove it, or correct the description.'], ['bootini.switch-not-for-version', 'warning', 4, 101, 111, '/NOEXECUTE is known only to Windows XP SP2 and Windows Server 2003 SP1 and later; this entry starts Windows 2000 Advanced Server (as the description says), which does not know it. Remove it, or correct the description.'], ['bootini.switch-not-for-version', 'warning', 4, 166, 170, '/debugport=1394: 1394 is known only to Windows XP and Windows Server 2003; this entry starts Windows 2000 Advanced Server (as the description says). Use a value this Windows knows (a COM port), or correct the description.']],
      [['bootini.switch-not-for-version', 4, 'Remove /USERVA', false, [[4, 87, 4, 100, '']]], ['bootini.switch-not-for-version', 4, 'Remove /NOEXECUTE', false, [[4, 100, 4, 118, '']]]],
      [],
    );
  });
  it('Windows Server 2003: /NOSERIALMICE with and without a value, fixed to its successor; a service pack too early', () => {
    expectWhole(
      file(`${W2003} /NOSERIALMICE:COM1`, `${W2003} /noserialmice`, `${W2003SP0} /NOEXECUTE=OptOut`),
      [['bootini.switch-not-for-version', 'warning', 4, 78, 91, '/NOSERIALMICE is known only to Windows NT 4.0; this entry starts Windows Server 2003, Enterprise Edition (as the description says), which does not know it. There it is called /FASTDETECT. Remove it, or correct the description.'], ['bootini.switch-not-for-version', 'warning', 5, 78, 91, '/NOSERIALMICE is known only to Windows NT 4.0; this entry starts Windows Server 2003, Enterprise Edition (as the description says), which does not know it. There it is called /FASTDETECT. Remove it, or correct the description.'], ['bootini.switch-not-for-version', 'warning', 6, 82, 92, '/NOEXECUTE is known only from Windows Server 2003 SP1 on; this entry starts Windows Server 2003, Enterprise Edition SP0 (as the description says), which does not know it. Remove it, or correct the description.']],
      [['bootini.switch-not-for-version', 4, 'Write /FASTDETECT:COM1', true, [[4, 79, 4, 92, 'FASTDETECT:']]], ['bootini.switch-not-for-version', 4, 'Remove /NOSERIALMICE', false, [[4, 77, 4, 96, '']]], ['bootini.switch-not-for-version', 5, 'Write /fastdetect', true, [[5, 79, 5, 91, 'fastdetect']]], ['bootini.switch-not-for-version', 5, 'Remove /noserialmice', false, [[5, 77, 5, 91, '']]], ['bootini.switch-not-for-version', 6, 'Remove /NOEXECUTE', false, [[6, 81, 6, 99, '']]]],
      [],
    );
  });
  it('repeated switches: the same value in another letter case, different values, different separators, with and without a value', () => {
    expectWhole(
      file(`${W2003} /NOEXECUTE=OptOut /NOEXECUTE=optout`, `${W2003} /3GB /USERVA=3030 /USERVA=2900`, `${NT4} /NOSERIALMICE:COM1 /NOSERIALMICE=COM1 /NOSERIALMICE`, `${NT4} /NOSERIALMICE /NOSERIALMICE:COM1`),
      [['bootini.duplicate-switch', 'warning', 4, 96, 113, '/NOEXECUTE appears twice on this entry; the second one adds nothing. Remove it.'], ['bootini.duplicate-switch', 'warning', 5, 96, 108, '/USERVA appears twice on this entry with different values (=3030 and =2900); which one Windows uses is not documented. Keep one.'], ['bootini.duplicate-switch', 'warning', 6, 94, 112, '/NOSERIALMICE appears twice on this entry with different values (:COM1 and =COM1); which one Windows uses is not documented. Keep one.'], ['bootini.duplicate-switch', 'warning', 6, 113, 126, '/NOSERIALMICE appears twice on this entry with different values (:COM1 and no value); which one Windows uses is not documented. Keep one.'], ['bootini.duplicate-switch', 'warning', 7, 89, 107, '/NOSERIALMICE appears twice on this entry with different values (no value and :COM1); which one Windows uses is not documented. Keep one.']],
      [['bootini.duplicate-switch', 4, 'Remove this /NOEXECUTE', true, [[4, 95, 4, 113, '']]], ['bootini.duplicate-switch', 5, 'Remove this /USERVA', false, [[5, 95, 5, 108, '']]], ['bootini.duplicate-switch', 6, 'Remove this /NOSERIALMICE', false, [[6, 93, 6, 112, '']]], ['bootini.duplicate-switch', 6, 'Remove this /NOSERIALMICE', false, [[6, 112, 6, 126, '']]], ['bootini.duplicate-switch', 7, 'Remove this /NOSERIALMICE', false, [[7, 88, 7, 107, '']]]],
      [['bootini.duplicate-switch', 4, 4, 78, 95, 'The first one'], ['bootini.duplicate-switch', 5, 5, 83, 95, 'The first one'], ['bootini.duplicate-switch', 6, 6, 75, 93, 'The first one'], ['bootini.duplicate-switch', 6, 6, 75, 93, 'The first one'], ['bootini.duplicate-switch', 7, 7, 75, 88, 'The first one']],
    );
  });
  it('contradictions: each pair with its reason, two pairs on one entry', () => {
    expectWhole(
      file(`${W2003} /PAE /NOPAE /DEBUG /NODEBUG`, `${W2003} /NOEXECUTE=OptOut /EXECUTE`, `${W2003} /DEBUG /CRASHDEBUG`, `${W2003} /NODEBUG /debugport=com1`),
      [['bootini.conflicting-switches', 'warning', 4, 83, 89, '/NOPAE contradicts /PAE on the same entry: one loads the PAE kernel, the other forbids it (and with hardware DEP on, /NOPAE is ignored anyway). Keep the one you mean.'], ['bootini.conflicting-switches', 'warning', 4, 97, 105, '/NODEBUG contradicts /DEBUG on the same entry: /NODEBUG turns the kernel debugger off, while the other turns it on (/DEBUGPORT and /BAUDRATE imply /DEBUG). Keep the one you mean.'], ['bootini.conflicting-switches', 'warning', 5, 96, 104, '/EXECUTE contradicts /NOEXECUTE on the same entry: both set the DEP policy, and they are alternatives (WDK). Keep the one you mean.'], ['bootini.conflicting-switches', 'warning', 6, 85, 96, '/CRASHDEBUG contradicts /DEBUG on the same entry: they are alternative debugger modes (always active, or only after a crash). Keep the one you mean.'], ['bootini.conflicting-switches', 'warning', 7, 87, 102, '/DEBUGPORT contradicts /NODEBUG on the same entry: /NODEBUG turns the kernel debugger off, while the other turns it on (/DEBUGPORT and /BAUDRATE imply /DEBUG). Keep the one you mean.']],
      [['bootini.conflicting-switches', 4, 'Remove /NOPAE', false, [[4, 82, 4, 89, '']]], ['bootini.conflicting-switches', 4, 'Remove /PAE', false, [[4, 77, 4, 82, '']]], ['bootini.conflicting-switches', 4, 'Remove /NODEBUG', false, [[4, 96, 4, 105, '']]], ['bootini.conflicting-switches', 4, 'Remove /DEBUG', false, [[4, 89, 4, 96, '']]], ['bootini.conflicting-switches', 5, 'Remove /EXECUTE', false, [[5, 95, 5, 104, '']]], ['bootini.conflicting-switches', 5, 'Remove /NOEXECUTE', false, [[5, 77, 5, 95, '']]], ['bootini.conflicting-switches', 6, 'Remove /CRASHDEBUG', false, [[6, 84, 6, 96, '']]], ['bootini.conflicting-switches', 6, 'Remove /DEBUG', false, [[6, 77, 6, 84, '']]], ['bootini.conflicting-switches', 7, 'Remove /debugport', false, [[7, 86, 7, 102, '']]], ['bootini.conflicting-switches', 7, 'Remove /NODEBUG', false, [[7, 77, 7, 86, '']]]],
      [['bootini.conflicting-switches', 4, 4, 78, 82, 'The /PAE it contradicts'], ['bootini.conflicting-switches', 4, 4, 90, 96, 'The /DEBUG it contradicts'], ['bootini.conflicting-switches', 5, 5, 78, 95, 'The /NOEXECUTE it contradicts'], ['bootini.conflicting-switches', 6, 6, 78, 84, 'The /DEBUG it contradicts'], ['bootini.conflicting-switches', 7, 7, 78, 86, 'The /NODEBUG it contradicts']],
    );
  });
  it('requirements: the required switch missing (added by the fix), present with another value, present without a value', () => {
    expectWhole(
      file(`${W2003} /USERVA=3030`, `${W2003} /debug /debugport=com1 /channel=3`, `${W2003} /debug /debugport /channel=3`),
      [['bootini.switch-ignored', 'warning', 4, 78, 90, '/USERVA has no effect here: /USERVA only adjusts the 3 GB split that /3GB turns on; without /3GB Windows ignores it. Add /3GB, or remove /USERVA.'], ['bootini.switch-ignored', 'warning', 5, 101, 111, '/channel has no effect here: /CHANNEL only applies to kernel debugging over IEEE 1394, which /DEBUGPORT=1394 selects (this entry has /DEBUGPORT=com1). Add /DEBUGPORT=1394, or remove /channel.'], ['bootini.switch-value-missing', 'error', 6, 85, 95, '/debugport needs a value after "=": COMn, or 1394 or USB on Windows XP and Server 2003, for example /DEBUGPORT=COM1. Without one the switch does not do what it is meant to; add a value, or remove the switch.'], ['bootini.switch-ignored', 'warning', 6, 96, 106, '/channel has no effect here: /CHANNEL only applies to kernel debugging over IEEE 1394, which /DEBUGPORT=1394 selects (this entry has /DEBUGPORT). Add /DEBUGPORT=1394, or remove /channel.']],
      [['bootini.switch-ignored', 4, 'Add /3GB before /USERVA', false, [[4, 78, 4, 78, '/3GB ']]], ['bootini.switch-ignored', 4, 'Remove /USERVA', false, [[4, 77, 4, 90, '']]], ['bootini.switch-ignored', 5, 'Remove /channel', false, [[5, 100, 5, 111, '']]], ['bootini.switch-value-missing', 6, 'Add =COM1', false, [[6, 95, 6, 95, '=COM1']]], ['bootini.switch-value-missing', 6, 'Remove /debugport', false, [[6, 84, 6, 95, '']]], ['bootini.switch-ignored', 6, 'Remove /channel', false, [[6, 95, 6, 106, '']]]],
      [],
    );
  });
  it('realistic entries stay silent', () => {
    expectWhole(
      file(`${W2003} /fastdetect /NoExecute=OptOut /3GB /USERVA=3030`, `${W2003} /debug /debugport=1394 /channel=12 /baudrate=115200`, `${W2003} /safeboot:minimal(alternateshell) /sos /bootlog /noguiboot /bootlogo`),
      [],
      [],
      [],
    );
  });
  it('realistic Windows 2000 and NT 4.0 entries stay silent', () => {
    expectWhole(
      file2000(`${W2000AS} /fastdetect /3GB`, `${NT4} /NOSERIALMICE:COM1,2`),
      [],
      [],
      [],
    );
  });
});
