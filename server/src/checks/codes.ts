import { defineCodes } from '../core/codes';

/**
 * Diagnostics that need more than one file of the same server (checks/memory.ts, checks/exbpa.ts). Codes are permanent; each has its page in
 * docs/codes/<code>.md.
 */
defineCodes({
  'cross.memory-config': {
    severity: 'warning',
    summary: 'A memory value in a .reg export does not fit the Windows version or the /3GB switch of the boot.ini beside it: the Exchange 2003 store logs event 9665.',
    needsOtherFiles: true,
  },
  'cross.port-conflict': {
    severity: 'error',
    summary: 'Two of the static ports of the Information Store, the System Attendant (DSProxy/NSPI, DSReferral) and the Site Replication Service are set to the same number in the exports of one server: the Exchange Server Analyzer reports a port conflict.',
    needsOtherFiles: true,
  },
  'cross.ifs-backup-exclusion': {
    severity: 'warning',
    summary: 'The exports of one server map the Exchange IFS drive (ExIFS DriveLetter) but the Backup exclusion list (FilesNotToBackup) does not exclude that drive as the Exchange Server Analyzer expects ("Exchange IFS" = "<letter>:\\* /s").',
    needsOtherFiles: true,
  },
});
