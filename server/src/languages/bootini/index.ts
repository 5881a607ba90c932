import './codes';
import { DEFAULT_CONTEXT } from '../../core/catalog';
import { codeInfo } from '../../core/codes';
import { Decoded } from '../../core/encoding';
import { applySeverityOverrides } from '../../core/severity';
import { AnalyzeOptions, LanguageService } from '../../core/language';
import { Diagnostic, lineRange, SOURCE } from '../../core/types';
import { bootiniComplete } from './complete';
import { bootiniFixes } from './fixes';
import { bootiniHover } from './hover';
import { BootIniDocument } from './parse';
import { bootiniFolding, bootiniSymbols } from './symbols';
import { validateBootIni } from './validate';

/** The loader reads boot.ini as 8-bit (ANSI) text; say so when the host knows the file was saved otherwise. */
function encodingDiagnostics(doc: BootIniDocument, decoded: Decoded): Diagnostic[] {
  const how =
    decoded.encoding === 'utf16le' || decoded.encoding === 'utf16be'
      ? 'as Unicode (UTF-16)'
      : decoded.encoding === 'utf8bom'
        ? 'with a UTF-8 byte order mark'
        : undefined;
  if (!how) return [];
  return [
    {
      range: lineRange(0, 0, doc.lines[0].length),
      severity: codeInfo('bootini.not-ansi').severity,
      code: 'bootini.not-ansi',
      message: `The file is saved ${how}, but the boot loader reads boot.ini as ANSI text: ${decoded.encoding === 'utf8bom' ? 'the three mark bytes come before the first section header' : 'every other byte is a NUL'}, so the loader does not read the file as written. Save it as ANSI (in Notepad: Encoding ANSI).`,
      source: SOURCE,
    },
  ];
}

export const bootiniLanguage: LanguageService<BootIniDocument> = {
  id: 'bootini',
  extensions: ['boot.ini'],
  parse(text: string): BootIniDocument {
    return BootIniDocument.parse(text);
  },
  validate(doc, options: AnalyzeOptions = {}) {
    const diags = validateBootIni(doc, { context: options.exchange?.context ?? DEFAULT_CONTEXT });
    const all = options.decoded ? [...encodingDiagnostics(doc, options.decoded), ...diags] : diags;
    // Overrides first, so that codes turned off do not count against the cap.
    const kept = applySeverityOverrides(all, options.severityOverrides);
    return options.maxDiagnostics !== undefined && kept.length > options.maxDiagnostics ? kept.slice(0, Math.max(0, options.maxDiagnostics)) : kept;
  },
  hover: bootiniHover,
  complete: bootiniComplete,
  fixes: bootiniFixes,
  symbols: bootiniSymbols,
  folding: bootiniFolding,
  // The parser reads ";" lines as comments, but no source this tool uses says how the boot loader treats them
  // (external-facts §1 and the seeds are silent), so no quick fix writes one: directives written by hand are read.
  comments: { marker: ';', indented: true },
};

export { BootIniDocument };
