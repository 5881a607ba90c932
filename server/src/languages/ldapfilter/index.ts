import './codes';
import { DEFAULT_CONTEXT } from '../../core/catalog';
import { AnalyzeOptions, LanguageService } from '../../core/language';
import { applySeverityOverrides } from '../../core/severity';
import { ldapfilterComplete } from './complete';
import { ldapfilterFixes } from './fixes';
import { ldapfilterHover } from './hover';
import { formatFilter, joinFilter } from './format';
import { LdapFilterDocument } from './parse';
import { ldapfilterFolding, ldapfilterSymbols } from './symbols';
import { validateLdapFilter } from './validate';

/** The LDAP filter of an Exchange 2003 query-based distribution group, one filter per file (.ldapfilter, .ldap). */
export const ldapfilterLanguage: LanguageService<LdapFilterDocument> = {
  id: 'ldapfilter',
  extensions: ['.ldapfilter', '.ldap'],
  parse(text: string): LdapFilterDocument {
    return LdapFilterDocument.parse(text);
  },
  validate(doc, options: AnalyzeOptions = {}) {
    const diags = validateLdapFilter(doc, options.exchange?.context ?? DEFAULT_CONTEXT);
    // Overrides first, so that codes turned off do not count against the cap.
    const kept = applySeverityOverrides(diags, options.severityOverrides);
    return options.maxDiagnostics !== undefined && kept.length > options.maxDiagnostics ? kept.slice(0, Math.max(0, options.maxDiagnostics)) : kept;
  },
  hover: ldapfilterHover,
  complete: ldapfilterComplete,
  fixes: ldapfilterFixes,
  symbols: ldapfilterSymbols,
  folding: ldapfilterFolding,
  format: (doc) => formatFilter(doc),
  oneLine: (doc) => joinFilter(doc),
};

export { LdapFilterDocument };
