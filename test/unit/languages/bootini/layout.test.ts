/**
 * Whole-result tests of the layout checks (validateLayout.ts): each case compares the complete diagnostic list of its
 * file (code, severity, range, message), the fixes offered (title, preferred, edits) and the related lines, so that a
 * finding gained or lost anywhere, a changed range or message fails the test. Each branch gets its own case.
 */
import { expectWhole as expect } from '../../../helpers/bootini';

describe('bootini layout: whole results', () => {
    it('no [boot loader]: the fix defaults to the first ARC entry, even after a drive entry', () => {
      expect(
        ['[operating systems]', 'C:\\="MS-DOS"', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003" /fastdetect'],
        [['bootini.missing-boot-loader', 'warning', 0, 0, 19, 'This boot.ini has no [boot loader] section, so it sets neither timeout= (how long the menu waits) nor default= (the entry that starts). Add the section before [operating systems].']],
        [['bootini.missing-boot-loader', 0, 'Add a [boot loader] section (timeout=30, default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS)', false, [[0, 0, 0, 0, '[boot loader]\r\ntimeout=30\r\ndefault=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n']]]],
        [],
      );
    });
    it('no [boot loader] and only a drive entry: the fix defaults to it', () => {
      expect(
        ['; boot', '[operating systems]', 'C:\\="MS-DOS"'],
        [['bootini.missing-boot-loader', 'warning', 1, 0, 19, 'This boot.ini has no [boot loader] section, so it sets neither timeout= (how long the menu waits) nor default= (the entry that starts). Add the section before [operating systems].']],
        [['bootini.missing-boot-loader', 1, 'Add a [boot loader] section (timeout=30, default=C:\\)', false, [[1, 0, 1, 0, '[boot loader]\r\ntimeout=30\r\ndefault=C:\\\r\n']]]],
        [],
      );
    });
    it('no [boot loader], an unclosed and empty [operating systems]: ranges end with the name, the fix has no default', () => {
      expect(
        ['[operating systems  '],
        [['bootini.missing-boot-loader', 'warning', 0, 0, 18, 'This boot.ini has no [boot loader] section, so it sets neither timeout= (how long the menu waits) nor default= (the entry that starts). Add the section before [operating systems].'], ['bootini.invalid-line', 'warning', 0, 0, 18, 'The section header has no closing ]. Write it as [boot loader] or [operating systems].'], ['bootini.no-operating-systems', 'error', 0, 1, 18, 'The [operating systems] section lists no entry, so the boot menu has nothing to start. Add one line per Windows installation, for example multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect.']],
        [['bootini.missing-boot-loader', 0, 'Add a [boot loader] section (timeout=30)', false, [[0, 0, 0, 0, '[boot loader]\r\ntimeout=30\r\n']]], ['bootini.invalid-line', 0, 'Add the closing "]"', true, [[0, 18, 0, 18, ']']]]],
        [],
      );
    });
    it('no section at all: both sections missing, the line outside any section', () => {
      expect(
        ['  timeout=30  '],
        [['bootini.missing-boot-loader', 'warning', 0, 0, 14, 'This boot.ini has no [boot loader] section, so it sets neither timeout= (how long the menu waits) nor default= (the entry that starts). Add the section before [operating systems].'], ['bootini.no-operating-systems', 'error', 0, 0, 14, 'This boot.ini has no [operating systems] section, so the boot menu has no entry to start. Add the section with one line per Windows installation, such as multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows".'], ['bootini.outside-section', 'warning', 0, 2, 12, 'This line comes before the first section header, so nothing reads it. Move it under [boot loader] or [operating systems], or start it with ; to make it a comment.']],
        [['bootini.missing-boot-loader', 0, 'Add a [boot loader] section (timeout=30)', false, [[0, 0, 0, 0, '[boot loader]\r\ntimeout=30\r\n']]], ['bootini.outside-section', 0, 'Turn the line into a comment', false, [[0, 2, 0, 2, '; ']]]],
        [],
      );
    });
    it('a repeated section points to the first one', () => {
      expect(
        ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"', '[Boot Loader]', 'timeout=5'],
        [['bootini.duplicate-section', 'warning', 5, 1, 12, '[Boot Loader] appears a second time (first on line 1); boot.ini has each section once. Move these lines into the first [boot loader].'], ['bootini.duplicate-key', 'warning', 6, 0, 7, 'timeout= is set a second time (first on line 2, to 30); which one counts is not documented. Keep one.']],
        [['bootini.duplicate-key', 6, 'Remove this line', false, [[6, 0, 7, 0, '']]]],
        [['bootini.duplicate-section', 5, 0, 1, 12, 'The first one'], ['bootini.duplicate-key', 6, 1, 0, 7, 'The first one']],
      );
    });
    it('unknown sections: a misspelling of a missing section, another program\'s section, a misspelling of a present section', () => {
      expect(
        ['[boot loadr]', 'timeout=30', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"', '[Debug]', 'x=1', '[operating  systems]'],
        [['bootini.unknown-section', 'warning', 0, 1, 11, '[boot loadr] is not a boot.ini section, so the loader ignores the lines below it. Did you mean [boot loader]?'], ['bootini.missing-boot-loader', 'warning', 2, 0, 19, 'This boot.ini has no [boot loader] section, so it sets neither timeout= (how long the menu waits) nor default= (the entry that starts). Add the section before [operating systems].'], ['bootini.other-section', 'information', 4, 1, 6, 'The boot loader ignores [Debug] and its lines: it reads only [boot loader] and [operating systems]. If a program keeps its settings here, leave them.'], ['bootini.unknown-section', 'warning', 6, 1, 19, '[operating  systems] looks like [operating systems], which this file already has; the loader ignores the lines below [operating  systems]. Move them into [operating systems].']],
        [['bootini.unknown-section', 0, 'Change to [boot loader]', true, [[0, 1, 0, 11, 'boot loader']]], ['bootini.missing-boot-loader', 2, 'Add a [boot loader] section (timeout=30, default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS)', false, [[2, 0, 2, 0, '[boot loader]\r\ntimeout=30\r\ndefault=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n']]]],
        [],
      );
    });
    it('lines that are not what their section reads', () => {
      expect(
        ['[boot loader] x', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', 'C:\\WINDOWS', 'timeout 30', '[operating systems', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"', 'hello world'],
        [['bootini.invalid-line', 'warning', 0, 14, 15, 'Text after the header [boot loader]: a header stands alone on its line. Move the text to a line of its own (or start it with ; on its own line as a comment).'], ['bootini.invalid-line', 'warning', 3, 0, 10, 'This looks like an entry of [operating systems], but it is under [boot loader], where every line is key=value (timeout=30, default=…). Move it below the [operating systems] header.'], ['bootini.invalid-line', 'warning', 4, 0, 10, 'In [boot loader] every line is key=value (timeout=30, default=…); this one has no "=", so nothing reads it. Correct it, or start it with ; to make it a comment.'], ['bootini.invalid-line', 'warning', 5, 0, 18, 'The section header has no closing ]. Write it as [boot loader] or [operating systems].'], ['bootini.invalid-line', 'warning', 7, 0, 11, 'In [operating systems] every line is an entry, PATH="Description" /switches; this one is not, so the boot menu does not offer it. Correct it, or start it with ; to make it a comment.']],
        [['bootini.invalid-line', 0, 'Remove the text after the header', true, [[0, 13, 0, 15, '']]], ['bootini.invalid-line', 3, 'Turn the line into a comment', false, [[3, 0, 3, 0, '; ']]], ['bootini.invalid-line', 4, 'Turn the line into a comment', false, [[4, 0, 4, 0, '; ']]], ['bootini.invalid-line', 5, 'Add the closing "]"', true, [[5, 18, 5, 18, ']']]], ['bootini.invalid-line', 7, 'Turn the line into a comment', false, [[7, 0, 7, 0, '; ']]]],
        [],
      );
    });
    it('tabs around a line outside any section, an indented header: ranges start at the first non-blank', () => {
      expect(
        ['\ttimeout=30\t', '  [operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"'],
        [['bootini.outside-section', 'warning', 0, 1, 11, 'This line comes before the first section header, so nothing reads it. Move it under [boot loader] or [operating systems], or start it with ; to make it a comment.'], ['bootini.missing-boot-loader', 'warning', 1, 2, 21, 'This boot.ini has no [boot loader] section, so it sets neither timeout= (how long the menu waits) nor default= (the entry that starts). Add the section before [operating systems].']],
        [['bootini.outside-section', 0, 'Turn the line into a comment', false, [[0, 1, 0, 1, '; ']]], ['bootini.missing-boot-loader', 1, 'Add a [boot loader] section (timeout=30, default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS)', false, [[1, 0, 1, 0, '[boot loader]\r\ntimeout=30\r\ndefault=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n']]]],
        [],
      );
    });
    it('a misspelt header is compared without the blanks around its name, up to 4 edits away', () => {
      expect(
        ['[  bootloader  ]', 'timeout=30', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"', '[bootldr]', '[operating systemz]'],
        [['bootini.unknown-section', 'warning', 0, 1, 15, '[  bootloader  ] is not a boot.ini section, so the loader ignores the lines below it. Did you mean [boot loader]?'], ['bootini.missing-boot-loader', 'warning', 2, 0, 19, 'This boot.ini has no [boot loader] section, so it sets neither timeout= (how long the menu waits) nor default= (the entry that starts). Add the section before [operating systems].'], ['bootini.unknown-section', 'warning', 4, 1, 8, '[bootldr] is not a boot.ini section, so the loader ignores the lines below it. Did you mean [boot loader]?'], ['bootini.unknown-section', 'warning', 5, 1, 18, '[operating systemz] looks like [operating systems], which this file already has; the loader ignores the lines below [operating systemz]. Move them into [operating systems].']],
        [['bootini.unknown-section', 0, 'Change to [boot loader]', true, [[0, 1, 0, 15, 'boot loader']]], ['bootini.missing-boot-loader', 2, 'Add a [boot loader] section (timeout=30, default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS)', false, [[2, 0, 2, 0, '[boot loader]\r\ntimeout=30\r\ndefault=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n']]], ['bootini.unknown-section', 4, 'Change to [boot loader]', true, [[4, 1, 4, 8, 'boot loader']]]],
        [],
      );
    });
    it('an entry under [boot loader] is recognised in any letter case and indented, not after other text; the text after a header goes with its blanks', () => {
      expect(
        ['[boot loader] x  ', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', 'MULTI(0)disk(0)rdisk(0)partition(1)\\WINDOWS', '  c:\\windows  ', 'x C:\\WINDOWS', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="W"'],
        [['bootini.invalid-line', 'warning', 0, 14, 15, 'Text after the header [boot loader]: a header stands alone on its line. Move the text to a line of its own (or start it with ; on its own line as a comment).'], ['bootini.invalid-line', 'warning', 3, 0, 43, 'This looks like an entry of [operating systems], but it is under [boot loader], where every line is key=value (timeout=30, default=…). Move it below the [operating systems] header.'], ['bootini.invalid-line', 'warning', 4, 2, 12, 'This looks like an entry of [operating systems], but it is under [boot loader], where every line is key=value (timeout=30, default=…). Move it below the [operating systems] header.'], ['bootini.invalid-line', 'warning', 5, 0, 12, 'In [boot loader] every line is key=value (timeout=30, default=…); this one has no "=", so nothing reads it. Correct it, or start it with ; to make it a comment.']],
        [['bootini.invalid-line', 0, 'Remove the text after the header', true, [[0, 13, 0, 17, '']]], ['bootini.invalid-line', 3, 'Turn the line into a comment', false, [[3, 0, 3, 0, '; ']]], ['bootini.invalid-line', 4, 'Turn the line into a comment', false, [[4, 2, 4, 2, '; ']]], ['bootini.invalid-line', 5, 'Turn the line into a comment', false, [[5, 0, 5, 0, '; ']]]],
        [],
      );
    });
});
