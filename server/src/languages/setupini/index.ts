import './codes';
import { AnalyzeOptions, LanguageService } from '../../core/language';
import { applySeverityOverrides } from '../../core/severity';
import { setupiniComplete } from './complete';
import { answerFileFormat, isAnswerFile } from './detect';
import { setupiniFixes } from './fixes';
import { setupiniHover } from './hover';
import { setupIndex } from './catalog';
import { SetupIniDocument } from './parse';
import { setupiniFolding, setupiniSymbols } from './symbols';
import { validateSetupIni } from './validate';

/**
 * Exchange Setup answer files. The names (setup.ini, *.unattend.ini) only propose a file; its content decides (detect.ts),
 * unless the host forces it (ExchangeKnowledge.forceAnswerFile). Other products' Setup.ini files get nothing.
 */
export const setupiniLanguage: LanguageService<SetupIniDocument> = {
  id: 'setupini',
  extensions: ['setup.ini', '.unattend.ini'],
  parse(text: string): SetupIniDocument {
    return SetupIniDocument.parse(text);
  },
  validate(doc, options: AnalyzeOptions = {}) {
    if (!checked(doc, options)) return [];
    const kept = applySeverityOverrides(validateSetupIni(doc, setupIndex(options.exchange?.setupCatalogs)), options.severityOverrides);
    return options.maxDiagnostics !== undefined && kept.length > options.maxDiagnostics ? kept.slice(0, Math.max(0, options.maxDiagnostics)) : kept;
  },
  hover: (doc, position, options = {}) => (checked(doc, options) ? setupiniHover(doc, position, options) : undefined),
  // A new, still empty file gets completion; another product's Setup.ini does not.
  complete: (doc, position, options = {}) => (doc.settings.length === 0 || checked(doc, options) ? setupiniComplete(doc, position, options) : []),
  fixes: setupiniFixes,
  symbols: setupiniSymbols,
  folding: setupiniFolding,
  comments: { marker: ';', indented: true },
  // KB 188625 ("XADM: Unattended Exchange Server 5.5 Setup") shows ";" comment lines inside a section of the batch
  // Setup.ini; nothing documents them before the first section, nor in the Exchange 2000/2003 format
  // (external-facts §4.1), so quick fixes write directives only inside the sections of a 4.0/5.5 batch file.
  suppressionPlaces(doc) {
    const first = doc.sections[0];
    if (!first || answerFileFormat(doc) !== 'exchange55') return undefined;
    return { beforeLine: (line) => line > first.line, fileLine: first.line + 1 };
  },
};

/** Whether the document is checked as an answer file: its content shows one, or the host forces it. */
function checked(doc: SetupIniDocument, options: AnalyzeOptions): boolean {
  return options.exchange?.forceAnswerFile === true || isAnswerFile(doc);
}

export { SetupIniDocument };
export { checkSetupCommandLine, CommandLineDiagnostic, SETUP_SWITCHES } from './commandLine';
export { answerFileFormat, isAnswerFile, looksLikeExchangeAnswerFile } from './detect';
export { parseSetupCatalog, SetupCatalog, SetupCatalogIndex, setupIndex } from './catalog';
