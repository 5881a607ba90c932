/**
 * Quick fixes for boot.ini diagnostics. Validation knows exactly what each fix must change (it has just read the
 * line), so it stores the edits in the diagnostic's data; this looks them up for the diagnostic being fixed.
 */
import { fixesFromData } from '../../core/dataFixes';
import { Fix } from '../../core/language';
import { Diagnostic } from '../../core/types';
import type { BootIniDocument } from './parse';

export function bootiniFixes(_doc: BootIniDocument, d: Diagnostic): Fix[] {
  return fixesFromData(d, 'bootini.');
}
