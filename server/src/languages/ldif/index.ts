import './codes';
import { AnalyzeOptions, LanguageService } from '../../core/language';
import { applySeverityOverrides } from '../../core/severity';
import { ldifComplete } from './complete';
import { ldifFixes } from './fixes';
import { ldifHover } from './hover';
import { LdifDocument } from './parse';
import { ldifFolding, ldifSymbols } from './symbols';
import { validateLdif } from './validate';

/** LDIF (RFC 2849) as ldifde writes it (.ldf, .ldif), with the Exchange attributes and query-based group filters checked. */
export const ldifLanguage: LanguageService<LdifDocument> = {
  id: 'ldif',
  extensions: ['.ldf', '.ldif'],
  parse(text: string): LdifDocument {
    return LdifDocument.parse(text);
  },
  validate(doc, options: AnalyzeOptions = {}) {
    const kept = applySeverityOverrides(validateLdif(doc, options), options.severityOverrides);
    return options.maxDiagnostics !== undefined && kept.length > options.maxDiagnostics ? kept.slice(0, Math.max(0, options.maxDiagnostics)) : kept;
  },
  hover: (doc, position, options) => ldifHover(doc, position, options),
  complete: (doc, position, options) => ldifComplete(doc, position, options),
  fixes: ldifFixes,
  symbols: ldifSymbols,
  folding: ldifFolding,
};

export { LdifDocument };
