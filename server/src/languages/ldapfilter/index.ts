import './codes';
import { DEFAULT_CONTEXT } from '../../core/catalog';
import { codeInfo } from '../../core/codes';
import { AnalyzeOptions, LanguageService } from '../../core/language';
import { applySeverityOverrides } from '../../core/severity';
import { Diagnostic, lineRange, SOURCE } from '../../core/types';
import { ldapfilterComplete } from './complete';
import { ldapfilterFixes } from './fixes';
import { ldapfilterHover } from './hover';
import { formatFilter, joinFilter } from './format';
import { LdapFilterDocument } from './parse';
import { ldapfilterFolding, ldapfilterSymbols } from './symbols';
import { validateLdapFilter } from './validate';

/**
 * Files longer than this (in UTF-16 code units) are not parsed: the parse tree of a filter takes some 70 times its
 * length in memory (a 50 MB filter of short conditions over 3 GB, close to Node's default heap limit, so the server
 * or the command line could run out of memory and report nothing at all). Such a file gets one finding instead.
 */
export const MAX_FILTER_LENGTH = 4 * 1024 * 1024;

/** The length of the files that were too large to parse, by the stand-in document parsed for each. */
const tooLarge = new WeakMap<LdapFilterDocument, number>();

function tooLargeDiagnostic(length: number): Diagnostic {
  const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    range: lineRange(0, 0, 1),
    severity: codeInfo('ldapfilter.file-too-large').severity,
    code: 'ldapfilter.file-too-large',
    message: `This file has ${mb(length)} of text; LDAP filter files over ${mb(MAX_FILTER_LENGTH)} are not checked. Check the filter on its own in a smaller file.`,
    source: SOURCE,
  };
}

/** The LDAP filter of an Exchange 2003 query-based distribution group, one filter per file (.ldapfilter, .ldap). */
export const ldapfilterLanguage: LanguageService<LdapFilterDocument> = {
  id: 'ldapfilter',
  extensions: ['.ldapfilter', '.ldap'],
  parse(text: string): LdapFilterDocument {
    if (text.length <= MAX_FILTER_LENGTH) return LdapFilterDocument.parse(text);
    // An empty stand-in: hover, completion, outline and layout have nothing to work on.
    const doc = LdapFilterDocument.parse('');
    tooLarge.set(doc, text.length);
    return doc;
  },
  validate(doc, options: AnalyzeOptions = {}) {
    const length = tooLarge.get(doc);
    const diags = length !== undefined ? [tooLargeDiagnostic(length)] : validateLdapFilter(doc, options.exchange?.context ?? DEFAULT_CONTEXT);
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
  // The filter file is this tool's own format: "#" lines are comments to it, and the one-line form pasted into ADSI
  // Edit leaves them out, so a directive can stand before any line.
  comments: { marker: '#', indented: true },
  suppressionPlaces: () => ({ beforeLine: () => true, fileLine: 0 }),
};

export { LdapFilterDocument };
