/** Quick fixes: validation stores the edits in the diagnostic's data; this returns them for the diagnostic being fixed. */
import { fixesFromData } from '../../core/dataFixes';
import { Fix } from '../../core/language';
import { Diagnostic } from '../../core/types';
import type { SetupIniDocument } from './parse';

export function setupiniFixes(_doc: SetupIniDocument, d: Diagnostic): Fix[] {
  return fixesFromData(d, 'setupini.');
}
