import { defineCodes } from '../core/codes';

/**
 * Diagnostics that need more than one file of the same server (checks/memory.ts). Codes are permanent; the README
 * has one section per code.
 */
defineCodes({
  'cross.memory-config': {
    severity: 'warning',
    summary: 'A memory value in a .reg export does not fit the Windows version or the /3GB switch of the boot.ini beside it: the Exchange 2003 store logs event 9665.',
    needsOtherFiles: true,
  },
});
