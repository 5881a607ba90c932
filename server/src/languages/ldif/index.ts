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
  // RFC 2849 ("Notes on LDIF Syntax"): a line that begins with "#" is a comment and is ignored; a line that begins
  // with a space continues the previous one, so a directive goes at the start of a logical line (never between the
  // physical lines of a folded one) and never right above a line that starts with a space.
  comments: { marker: '#', indented: false, folded: true },
  suppressionPlaces: (doc) => ({ beforeLine: (line) => !startsWithSpace(doc.lines[line]), fileLine: startsWithSpace(doc.lines[0]) ? undefined : 0 }),
};

function startsWithSpace(line: string | undefined): boolean {
  return line !== undefined && line.startsWith(' ');
}

export { LdifDocument };
