import './codes';
import { AnalyzeOptions, LanguageService } from '../../core/language';
import { applySeverityOverrides } from '../../core/severity';
import { setupiniComplete } from './complete';
import { setupiniFixes } from './fixes';
import { setupiniHover } from './hover';
import { setupIndex } from './catalog';
import { SetupIniDocument } from './parse';
import { setupiniFolding, setupiniSymbols } from './symbols';
import { validateSetupIni } from './validate';

/** Exchange Setup answer files: setup.ini, *.unattend.ini, and .ini files shaped like one (see languageForFile). */
export const setupiniLanguage: LanguageService<SetupIniDocument> = {
  id: 'setupini',
  extensions: ['setup.ini', '.unattend.ini'],
  parse(text: string): SetupIniDocument {
    return SetupIniDocument.parse(text);
  },
  validate(doc, options: AnalyzeOptions = {}) {
    const kept = applySeverityOverrides(validateSetupIni(doc, setupIndex(options.exchange?.setupCatalogs)), options.severityOverrides);
    return options.maxDiagnostics !== undefined && kept.length > options.maxDiagnostics ? kept.slice(0, Math.max(0, options.maxDiagnostics)) : kept;
  },
  hover: setupiniHover,
  complete: setupiniComplete,
  fixes: setupiniFixes,
  symbols: setupiniSymbols,
  folding: setupiniFolding,
};

export { SetupIniDocument };
export { checkSetupCommandLine, CommandLineDiagnostic, SETUP_SWITCHES } from './commandLine';
export { looksLikeExchangeAnswerFile, parseSetupCatalog, SetupCatalog, SetupCatalogIndex, setupIndex } from './catalog';
