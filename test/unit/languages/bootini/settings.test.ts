/**
 * Whole-result tests of the [boot loader] settings checks (validateSettings.ts): each case compares the complete diagnostic list of its
 * file (code, severity, range, message), the fixes offered (title, preferred, edits) and the related lines, so that a
 * finding gained or lost anywhere, a changed range or message fails the test. Each branch gets its own case.
 */
import { expectWhole as expect } from '../../../helpers/bootini';

describe('bootini settings: whole results', () => {
    it('unknown keys: one candidate (preferred), none, a candidate already set, and the reach of a short and a longer key', () => {
      expect(
        ['[boot loader]', 'timout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', 'rate=1', 'defualt=x', 'redir=1', 'timexx=1', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"'],
        [['bootini.unknown-key', 'warning', 1, 0, 6, '"timout" is not a [boot loader] key: the loader reads only timeout, default, redirect and redirectbaudrate, so this line has no effect. Did you mean timeout?'], ['bootini.unknown-key', 'warning', 3, 0, 4, '"rate" is not a [boot loader] key: the loader reads only timeout, default, redirect and redirectbaudrate, so this line has no effect.'], ['bootini.unknown-key', 'warning', 4, 0, 7, '"defualt" is not a [boot loader] key: the loader reads only timeout, default, redirect and redirectbaudrate, so this line has no effect.'], ['bootini.unknown-key', 'warning', 5, 0, 5, '"redir" is not a [boot loader] key: the loader reads only timeout, default, redirect and redirectbaudrate, so this line has no effect.'], ['bootini.unknown-key', 'warning', 6, 0, 6, '"timexx" is not a [boot loader] key: the loader reads only timeout, default, redirect and redirectbaudrate, so this line has no effect. Did you mean timeout?']],
        [['bootini.unknown-key', 1, 'Change to timeout', true, [[1, 0, 1, 6, 'timeout']]], ['bootini.unknown-key', 6, 'Change to timeout', true, [[6, 0, 6, 6, 'timeout']]]],
        [],
      );
    });
    it('repeated keys: the same value (letter case aside) is the preferred removal; another value and an empty first value are named', () => {
      expect(
        ['[boot loader]', 'timeout=', 'redirect=com1', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', 'TIMEOUT=30', 'Redirect=COM1', 'redirect=COM2', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"'],
        [['bootini.invalid-timeout', 'error', 1, 7, 8, 'timeout= is not a number of seconds: write a whole number, 0 or more (0 starts the default entry at once), or -1 to wait until someone chooses.'], ['bootini.duplicate-key', 'warning', 4, 0, 7, 'timeout= is set a second time (first on line 2, to nothing); which one counts is not documented. Keep one.'], ['bootini.duplicate-key', 'warning', 5, 0, 8, 'redirect= is set a second time (first on line 3, to the same value); which one counts is not documented. Keep one.'], ['bootini.duplicate-key', 'warning', 6, 0, 8, 'redirect= is set a second time (first on line 3, to com1); which one counts is not documented. Keep one.']],
        [['bootini.invalid-timeout', 1, 'Set timeout=30', false, [[1, 8, 1, 8, '30']]], ['bootini.duplicate-key', 4, 'Remove this line', false, [[4, 0, 5, 0, '']]], ['bootini.duplicate-key', 5, 'Remove this line', true, [[5, 0, 6, 0, '']]], ['bootini.duplicate-key', 6, 'Remove this line', false, [[6, 0, 7, 0, '']]]],
        [['bootini.duplicate-key', 4, 1, 0, 7, 'The first one'], ['bootini.duplicate-key', 5, 2, 0, 8, 'The first one'], ['bootini.duplicate-key', 6, 2, 0, 8, 'The first one']],
      );
    });
    it('timeout: digits followed by text (the number is the preferred fix); the repeated key in a repeated section', () => {
      expect(
        ['[boot loader]', 'timeout=05s', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"', '[boot loader]', 'timeout='],
        [['bootini.invalid-timeout', 'error', 1, 8, 11, 'timeout= "05s" is not a number of seconds: write a whole number, 0 or more (0 starts the default entry at once), or -1 to wait until someone chooses.'], ['bootini.duplicate-section', 'warning', 5, 1, 12, '[boot loader] appears a second time (first on line 1); boot.ini has each section once. Move these lines into the first [boot loader].'], ['bootini.duplicate-key', 'warning', 6, 0, 7, 'timeout= is set a second time (first on line 2, to 05s); which one counts is not documented. Keep one.']],
        [['bootini.invalid-timeout', 1, 'Set timeout=5', true, [[1, 8, 1, 11, '5']]], ['bootini.invalid-timeout', 1, 'Set timeout=30', false, [[1, 8, 1, 11, '30']]], ['bootini.duplicate-key', 6, 'Remove this line', false, [[6, 0, 7, 0, '']]]],
        [['bootini.duplicate-section', 5, 0, 1, 12, 'The first one'], ['bootini.duplicate-key', 6, 1, 0, 7, 'The first one']],
      );
    });
    it('timeout: -1 and 0 are numbers', () => {
      expect(
        ['[boot loader]', 'timeout=-1', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"'],
        [],
        [],
        [],
      );
    });
    it('timeout: a negative number other than -1', () => {
      expect(
        ['[boot loader]', 'timeout=-2', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"'],
        [['bootini.invalid-timeout', 'error', 1, 8, 10, 'timeout= "-2" is not a number of seconds: write a whole number, 0 or more (0 starts the default entry at once), or -1 to wait until someone chooses.']],
        [['bootini.invalid-timeout', 1, 'Set timeout=30', false, [[1, 8, 1, 10, '30']]]],
        [],
      );
    });
    it('timeout: an empty value is marked at "="', () => {
      expect(
        ['[boot loader]', 'timeout=', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"'],
        [['bootini.invalid-timeout', 'error', 1, 7, 8, 'timeout= is not a number of seconds: write a whole number, 0 or more (0 starts the default entry at once), or -1 to wait until someone chooses.']],
        [['bootini.invalid-timeout', 1, 'Set timeout=30', false, [[1, 8, 1, 8, '30']]]],
        [],
      );
    });
    it('timeout=0 with default= naming a drive entry: the Windows entries (each path once) and a longer timeout are the fixes', () => {
      expect(
        ['[boot loader]', 'timeout=00', 'default=C:\\', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'MULTI(0)DISK(0)RDISK(0)PARTITION(1)\\WINDOWS="B"', 'multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS="C"', 'C:\\="MS-DOS"'],
        [['bootini.zero-timeout-default-not-windows', 'warning', 1, 8, 10, 'timeout=0 starts the default entry without showing the menu, and default= names "MS-DOS", which is not Windows: the computer starts it every time. Point default= at the Windows entry, or give the menu time.']],
        [['bootini.zero-timeout-default-not-windows', 1, 'Set default=MULTI(0)DISK(0)RDISK(0)PARTITION(1)\\WINDOWS', false, [[2, 8, 2, 11, 'MULTI(0)DISK(0)RDISK(0)PARTITION(1)\\WINDOWS']]], ['bootini.zero-timeout-default-not-windows', 1, 'Set default=multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS', false, [[2, 8, 2, 11, 'multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS']]], ['bootini.zero-timeout-default-not-windows', 1, 'Set timeout=30', false, [[1, 8, 1, 10, '30']]]],
        [['bootini.zero-timeout-default-not-windows', 1, 7, 0, 3, 'The entry default= names']],
      );
    });
    it('timeout=0 with default= naming a drive entry without description, one Windows entry', () => {
      expect(
        ['[boot loader]', 'timeout=0', 'default=c:\\', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'C:\\'],
        [['bootini.zero-timeout-default-not-windows', 'warning', 1, 8, 9, 'timeout=0 starts the default entry without showing the menu, and default= names C:\\, which is not Windows: the computer starts it every time. Point default= at the Windows entry, or give the menu time.'], ['bootini.invalid-description', 'error', 5, 0, 3, 'This entry has no ="Description" after its path. Every entry is written PATH="Description" /switches: the description is what the boot menu shows. Add one.']],
        [['bootini.zero-timeout-default-not-windows', 1, 'Set default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', true, [[2, 8, 2, 11, 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS']]], ['bootini.zero-timeout-default-not-windows', 1, 'Set timeout=30', false, [[1, 8, 1, 9, '30']]], ['bootini.invalid-description', 5, 'Add ="Microsoft Windows"', false, [[5, 3, 5, 3, '="Microsoft Windows"']]]],
        [['bootini.zero-timeout-default-not-windows', 1, 5, 0, 3, 'The entry default= names']],
      );
    });
    it('timeout=0 is silent when default= names Windows', () => {
      expect(
        ['[boot loader]', 'timeout=0', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'C:\\="DOS"'],
        [],
        [],
        [],
      );
    });
    it('timeout=0 without default=, timeout set twice', () => {
      expect(
        ['[boot loader]', 'timeout=0', 'timeout=0', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'C:\\="DOS"'],
        [['bootini.duplicate-key', 'warning', 2, 0, 7, 'timeout= is set a second time (first on line 2, to the same value); which one counts is not documented. Keep one.']],
        [['bootini.duplicate-key', 2, 'Remove this line', true, [[2, 0, 3, 0, '']]]],
        [['bootini.duplicate-key', 2, 1, 0, 7, 'The first one']],
      );
    });
    it('timeout=05 is not 0', () => {
      expect(
        ['[boot loader]', 'timeout=05', 'default=C:\\', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'C:\\="DOS"'],
        [],
        [],
        [],
      );
    });
    it('timeout=0: keys named in any letter case; a key that only starts like one does not count', () => {
      expect(
        ['[boot loader]', 'TIMEOUT=0', 'Default=C:\\', 'defaults=1', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W1"', 'multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS="W2"', 'multi(0)disk(0)rdisk(0)partition(3)\\WINDOWS="W3"', 'multi(0)disk(0)rdisk(0)partition(4)\\WINDOWS="W4"', 'multi(0)disk(0)rdisk(0)partition(5)\\WINDOWS="W5"', 'multi(0)disk(0)rdisk(0)partition(6)\\WINDOWS="W6"', 'C:\\="DOS"'],
        [['bootini.zero-timeout-default-not-windows', 'warning', 1, 8, 9, 'timeout=0 starts the default entry without showing the menu, and default= names "DOS", which is not Windows: the computer starts it every time. Point default= at the Windows entry, or give the menu time.'], ['bootini.unknown-key', 'warning', 3, 0, 8, '"defaults" is not a [boot loader] key: the loader reads only timeout, default, redirect and redirectbaudrate, so this line has no effect.']],
        [['bootini.zero-timeout-default-not-windows', 1, 'Set default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', false, [[2, 8, 2, 11, 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS']]], ['bootini.zero-timeout-default-not-windows', 1, 'Set default=multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS', false, [[2, 8, 2, 11, 'multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS']]], ['bootini.zero-timeout-default-not-windows', 1, 'Set default=multi(0)disk(0)rdisk(0)partition(3)\\WINDOWS', false, [[2, 8, 2, 11, 'multi(0)disk(0)rdisk(0)partition(3)\\WINDOWS']]], ['bootini.zero-timeout-default-not-windows', 1, 'Set default=multi(0)disk(0)rdisk(0)partition(4)\\WINDOWS', false, [[2, 8, 2, 11, 'multi(0)disk(0)rdisk(0)partition(4)\\WINDOWS']]], ['bootini.zero-timeout-default-not-windows', 1, 'Set default=multi(0)disk(0)rdisk(0)partition(5)\\WINDOWS', false, [[2, 8, 2, 11, 'multi(0)disk(0)rdisk(0)partition(5)\\WINDOWS']]], ['bootini.zero-timeout-default-not-windows', 1, 'Set timeout=30', false, [[1, 8, 1, 9, '30']]]],
        [['bootini.zero-timeout-default-not-windows', 1, 11, 0, 3, 'The entry default= names']],
      );
    });
    it('timeout=0 is silent when timeout is set twice (in any letter case)', () => {
      expect(
        ['[boot loader]', 'timeout=0', 'TIMEOUT=0', 'default=C:\\', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'C:\\="DOS"'],
        [['bootini.duplicate-key', 'warning', 2, 0, 7, 'timeout= is set a second time (first on line 2, to the same value); which one counts is not documented. Keep one.']],
        [['bootini.duplicate-key', 2, 'Remove this line', true, [[2, 0, 3, 0, '']]]],
        [['bootini.duplicate-key', 2, 1, 0, 7, 'The first one']],
      );
    });
    it('a drive entry as default is silent when timeout is not 0', () => {
      expect(
        ['[boot loader]', 'timeout=10', 'default=C:\\', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'C:\\="DOS"'],
        [],
        [],
        [],
      );
    });
    it('redirect: a port near several ports, a speed near one speed (preferred)', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', 'redirect=com5', 'redirectbaudrate=9601', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A" /redirect'],
        [['bootini.invalid-redirect', 'error', 3, 9, 13, 'redirect=com5 is not a port Emergency Management Services can use: write COM1, COM2, COM3, COM4 or USEBIOSSETTINGS (KB 833721). Without a valid port, entries with /REDIRECT get no console redirection.'], ['bootini.invalid-redirect', 'error', 4, 17, 21, 'redirectbaudrate=9601 is not a speed Emergency Management Services accepts: write 9600 (the default), 19200, 57600 or 115200 (KB 833721).']],
        [['bootini.invalid-redirect', 3, 'Change to COM1', false, [[3, 9, 3, 13, 'COM1']]], ['bootini.invalid-redirect', 3, 'Change to COM2', false, [[3, 9, 3, 13, 'COM2']]], ['bootini.invalid-redirect', 3, 'Change to COM3', false, [[3, 9, 3, 13, 'COM3']]], ['bootini.invalid-redirect', 3, 'Change to COM4', false, [[3, 9, 3, 13, 'COM4']]], ['bootini.invalid-redirect', 4, 'Change to 9600', true, [[4, 17, 4, 21, '9600']]]],
        [],
      );
    });
    it('redirect: an empty port, a speed near none', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', 'redirect=', 'redirectbaudrate=fast', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A" /redirect'],
        [['bootini.invalid-redirect', 'error', 3, 8, 9, 'redirect= is not a port Emergency Management Services can use: write COM1, COM2, COM3, COM4 or USEBIOSSETTINGS (KB 833721). Without a valid port, entries with /REDIRECT get no console redirection.'], ['bootini.invalid-redirect', 'error', 4, 17, 21, 'redirectbaudrate=fast is not a speed Emergency Management Services accepts: write 9600 (the default), 19200, 57600 or 115200 (KB 833721).']],
        [],
        [],
      );
    });
    it('redirect: valid values in any letter case', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', 'redirect=usebiossettings', 'redirectbaudrate=115200', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A" /redirect'],
        [],
        [],
        [],
      );
    });
    it('default=: empty, with the first five paths as fixes', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W1"', 'multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS="W2"', 'multi(0)disk(0)rdisk(0)partition(3)\\WINDOWS="W3"', 'multi(0)disk(0)rdisk(0)partition(4)\\WINDOWS="W4"', 'multi(0)disk(0)rdisk(0)partition(5)\\WINDOWS="W5"', 'multi(0)disk(0)rdisk(0)partition(6)\\WINDOWS="W6"'],
        [['bootini.default-not-found', 'warning', 2, 7, 8, 'default= names no entry of [operating systems] (it is empty), so it does not choose the entry that starts. Write the path as in the entry\'s line (letter case aside).']],
        [['bootini.default-not-found', 2, 'Set default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', false, [[2, 8, 2, 8, 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS']]], ['bootini.default-not-found', 2, 'Set default=multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS', false, [[2, 8, 2, 8, 'multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS']]], ['bootini.default-not-found', 2, 'Set default=multi(0)disk(0)rdisk(0)partition(3)\\WINDOWS', false, [[2, 8, 2, 8, 'multi(0)disk(0)rdisk(0)partition(3)\\WINDOWS']]], ['bootini.default-not-found', 2, 'Set default=multi(0)disk(0)rdisk(0)partition(4)\\WINDOWS', false, [[2, 8, 2, 8, 'multi(0)disk(0)rdisk(0)partition(4)\\WINDOWS']]], ['bootini.default-not-found', 2, 'Set default=multi(0)disk(0)rdisk(0)partition(5)\\WINDOWS', false, [[2, 8, 2, 8, 'multi(0)disk(0)rdisk(0)partition(5)\\WINDOWS']]]],
        [],
      );
    });
    it('default=: one near path, the preferred fix', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOW', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'multi(0)disk(0)rdisk(0)partition(2)\\WINNT="B"'],
        [['bootini.default-not-found', 'warning', 2, 8, 50, 'default= names no entry of [operating systems], so it does not choose the entry that starts. Write the path as in the entry\'s line (letter case aside); did you mean multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS?']],
        [['bootini.default-not-found', 2, 'Set default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', true, [[2, 8, 2, 50, 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS']]]],
        [],
      );
    });
    it('default=: a value near several paths offers them all', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(3)\\WINDOWS', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS="B"'],
        [['bootini.default-not-found', 'warning', 2, 8, 51, 'default= names no entry of [operating systems], so it does not choose the entry that starts. Write the path as in the entry\'s line (letter case aside).']],
        [['bootini.default-not-found', 2, 'Set default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', false, [[2, 8, 2, 51, 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS']]], ['bootini.default-not-found', 2, 'Set default=multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS', false, [[2, 8, 2, 51, 'multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS']]]],
        [],
      );
    });
    it('default=: an empty value offers every path, the short ones too', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'C:\\="DOS"'],
        [['bootini.default-not-found', 'warning', 2, 7, 8, 'default= names no entry of [operating systems] (it is empty), so it does not choose the entry that starts. Write the path as in the entry\'s line (letter case aside).']],
        [['bootini.default-not-found', 2, 'Set default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', false, [[2, 8, 2, 8, 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS']]], ['bootini.default-not-found', 2, 'Set default=C:\\', false, [[2, 8, 2, 8, 'C:\\']]]],
        [],
      );
    });
    it('default=: each path is offered once (letter case aside)', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=D:\\', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'MULTI(0)DISK(0)RDISK(0)PARTITION(1)\\WINDOWS="B"'],
        [['bootini.default-not-found', 'warning', 2, 8, 11, 'default= names no entry of [operating systems], so it does not choose the entry that starts. Write the path as in the entry\'s line (letter case aside).']],
        [['bootini.default-not-found', 2, 'Set default=MULTI(0)DISK(0)RDISK(0)PARTITION(1)\\WINDOWS', true, [[2, 8, 2, 11, 'MULTI(0)DISK(0)RDISK(0)PARTITION(1)\\WINDOWS']]]],
        [],
      );
    });
    it('default=: a path 4 edits away is near', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WIN', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A"', 'C:\\="DOS"'],
        [['bootini.default-not-found', 'warning', 2, 8, 47, 'default= names no entry of [operating systems], so it does not choose the entry that starts. Write the path as in the entry\'s line (letter case aside); did you mean multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS?']],
        [['bootini.default-not-found', 2, 'Set default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', true, [[2, 8, 2, 47, 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS']]]],
        [],
      );
    });
    it('redirect: a port 3 edits away', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', 'redirect=C', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A" /redirect'],
        [['bootini.invalid-redirect', 'error', 3, 9, 10, 'redirect=C is not a port Emergency Management Services can use: write COM1, COM2, COM3, COM4 or USEBIOSSETTINGS (KB 833721). Without a valid port, entries with /REDIRECT get no console redirection.']],
        [['bootini.invalid-redirect', 3, 'Change to COM1', false, [[3, 9, 3, 10, 'COM1']]], ['bootini.invalid-redirect', 3, 'Change to COM2', false, [[3, 9, 3, 10, 'COM2']]], ['bootini.invalid-redirect', 3, 'Change to COM3', false, [[3, 9, 3, 10, 'COM3']]], ['bootini.invalid-redirect', 3, 'Change to COM4', false, [[3, 9, 3, 10, 'COM4']]]],
        [],
      );
    });
    it('default=: not checked when there is no entry', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=x', '[operating systems]'],
        [['bootini.no-operating-systems', 'error', 3, 1, 18, 'The [operating systems] section lists no entry, so the boot menu has nothing to start. Add one line per Windows installation, for example multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect.']],
        [],
        [],
      );
    });
});
