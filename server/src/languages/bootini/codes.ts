import { defineCodes } from '../../core/codes';

/**
 * Every diagnostic the boot.ini language reports. Codes are permanent; each has its page in docs/codes/<code>.md.
 * Switch facts come from server/data/catalog/bootini-switches.json (external-facts section 1); the Exchange rules
 * from external-facts section 2 and the seed document 001:1672-1698 (seed-facts sections 3 and 7.1). The summaries
 * are shown to users: name public sources only.
 */
defineCodes({
  // The file
  'bootini.not-ansi': { severity: 'warning', summary: 'The file is saved as Unicode (UTF-16) or with a UTF-8 byte order mark; the loader reads boot.ini as ANSI text.' },
  // Sections and lines
  'bootini.missing-boot-loader': { severity: 'warning', summary: 'There is no [boot loader] section, so no timeout= and no default= entry.' },
  'bootini.no-operating-systems': { severity: 'error', summary: 'There is no [operating systems] section, or it lists no entry: the loader has nothing to offer.' },
  'bootini.duplicate-section': { severity: 'warning', summary: 'A section appears a second time.' },
  'bootini.unknown-section': { severity: 'warning', summary: 'A section whose name is close to [boot loader] or [operating systems] (a misspelling): the loader ignores its lines.' },
  'bootini.other-section': { severity: 'information', summary: 'A section the boot loader ignores, such as one another program keeps its settings in.' },
  'bootini.outside-section': { severity: 'warning', summary: 'A line before the first section header; nothing reads it.' },
  'bootini.invalid-line': { severity: 'warning', summary: 'A line that is neither a comment, a section header, a key=value setting in [boot loader] nor an entry in [operating systems].' },
  // [boot loader]
  'bootini.unknown-key': { severity: 'warning', summary: 'A key in [boot loader] other than timeout, default, redirect and redirectbaudrate.' },
  'bootini.duplicate-key': { severity: 'warning', summary: 'A [boot loader] key set twice.', tags: ['unnecessary'] },
  'bootini.invalid-timeout': { severity: 'error', summary: 'timeout= is not a whole number of seconds (0 or more) or -1.' },
  'bootini.invalid-redirect': { severity: 'error', summary: 'redirect= or redirectbaudrate= has a value Emergency Management Services does not accept.' },
  'bootini.default-not-found': { severity: 'warning', summary: 'default= names no entry of [operating systems] (ARC paths compared without regard to case).' },
  'bootini.zero-timeout-default-not-windows': { severity: 'warning', summary: 'timeout=0 and default= names an entry that is not Windows (the Recovery Console, another system): it starts without the menu.' },
  // Entries
  'bootini.invalid-arc-path': { severity: 'error', summary: 'The entry\'s path is not a valid ARC path (multi/scsi/signature, disk, rdisk, partition, folder; KB 102873) or drive path.' },
  'bootini.unusual-arc-path': { severity: 'warning', summary: 'An ARC path that is valid but not what KB 102873 says to write (multi() with an adapter number other than 0).' },
  'bootini.invalid-description': { severity: 'error', summary: 'The entry has no description in double quotes, or its closing quote is missing.' },
  'bootini.stray-text': { severity: 'warning', summary: 'Text after the description that is not a /switch.' },
  // Switches
  'bootini.unknown-switch': { severity: 'warning', summary: 'A switch no Windows version documents (often a misspelling).' },
  'bootini.switch-value-missing': { severity: 'error', summary: 'A switch that needs a value has none.' },
  'bootini.unexpected-switch-value': { severity: 'warning', summary: 'A value after a switch that takes none.' },
  'bootini.invalid-switch-value': { severity: 'error', summary: 'A switch value of the wrong form (not a number, not one of the documented values, wrong separator).' },
  'bootini.switch-value-out-of-range': { severity: 'error', summary: 'A numeric switch value outside its documented range (for example /USERVA outside 2048-3072, /CHANNEL above 62).' },
  'bootini.duplicate-switch': { severity: 'warning', summary: 'The same switch twice on one entry.', tags: ['unnecessary'] },
  'bootini.conflicting-switches': { severity: 'warning', summary: 'Two switches on one entry that contradict each other (/PAE and /NOPAE, /DEBUG and /NODEBUG, /NOEXECUTE and /EXECUTE...).' },
  'bootini.switch-ignored': { severity: 'warning', summary: 'A switch that has no effect without another one on the same entry (/USERVA without /3GB, /BOOTLOGO without /NOGUIBOOT...).' },
  'bootini.redirect-without-port': { severity: 'warning', summary: '/REDIRECT on an entry while [boot loader] has no redirect= port.' },
  'bootini.switch-not-for-version': { severity: 'warning', summary: 'A switch (or value) the entry\'s Windows version does not know, so it is ignored (for example /USERVA on Windows 2000).' },
  // Exchange memory configuration
  'bootini.3gb-without-userva': { severity: 'warning', summary: '/3GB without /USERVA on Windows Server 2003: the Exchange 2003 store logs event 9665; add /USERVA=3030.' },
  'bootini.userva-outside-exchange-range': { severity: 'warning', summary: '/USERVA outside 2970-3030 with /3GB on Windows Server 2003: the Exchange 2003 store logs event 9665; set /USERVA=3030.' },
  'bootini.3gb-on-front-end': { severity: 'warning', summary: '/3GB on a front-end server, which hosts no mailboxes or public folders.' },
  'bootini.3gb-on-windows-2000-server': { severity: 'warning', summary: '/3GB on Windows 2000 Server, where it is not supported (only Advanced Server and Datacenter Server).' },
  'bootini.pae-with-3gb-on-windows-2000': { severity: 'warning', summary: '/PAE together with /3GB on Windows 2000; Exchange does not use memory above 4 GB.' },
  'bootini.missing-3gb': { severity: 'warning', summary: 'No /3GB on the default entry of a mailbox or public-folder server (for servers with 1 GB of RAM or more).' },
});
