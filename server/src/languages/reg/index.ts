import './codes';
import { Decoded } from '../../core/encoding';
import { AnalyzeOptions, LanguageService } from '../../core/language';
import { DEFAULT_CONTEXT } from '../../core/catalog';
import { registryIndex } from '../../core/catalogLoad';
import { codeInfo } from '../../core/codes';
import { applySeverityOverrides } from '../../core/severity';
import { Diagnostic, lineRange, SOURCE } from '../../core/types';
import { regComplete } from './complete';
import { RegDocument } from './document';
import { Kind } from './lineRecord';
import { regFixes } from './fixes';
import { regHover } from './hover';
import { regFolding, regSymbols } from './symbols';
import { validateReg } from './validate';

function encodingDiagnostics(doc: RegDocument, decoded: Decoded): Diagnostic[] {
  const out: Diagnostic[] = [];
  const r = lineRange(0, 0, doc.lineLength(0));
  const add = (code: string, message: string): void => {
    out.push({ range: r, severity: codeInfo(code).severity, code, message, source: SOURCE });
  };
  if (decoded.encoding === 'utf8bom' && decoded.bom) {
    add('reg.utf8-bom', 'The file starts with a UTF-8 byte order mark. regedit on Windows 2000/Server 2003 reads every file without the UTF-16LE mark (FF FE) as ANSI, so the three mark bytes become part of the header and the whole file is rejected. Save it as UTF-16LE (Unicode) or as ANSI without a byte order mark.');
  } else if (decoded.encoding === 'utf16be') {
    add('reg.utf16-big-endian', 'The file is UTF-16 big-endian. regedit only reads UTF-16 little-endian (with the FF FE mark) or ANSI, so it rejects this file. Save it as UTF-16LE ("Unicode").');
  } else if (decoded.guessedWithoutBom) {
    add('reg.utf16-without-bom', 'The file is UTF-16 text without the FF FE byte order mark. regedit then reads it as ANSI, finds NUL bytes in the header and rejects the file. Save it as UTF-16LE with a byte order mark ("Unicode" in Notepad).');
  } else if (decoded.encoding === 'utf8' && decoded.nonAscii) {
    // Characters in comments are never imported, so only a key, value or other line makes the encoding matter.
    const line = firstNonAsciiImported(doc);
    if (line >= 0) {
      out.push({
        range: lineRange(line, 0, doc.lineLength(line)),
        severity: codeInfo('reg.utf8-non-ascii').severity,
        code: 'reg.utf8-non-ascii',
        message: 'Non-ASCII characters in a UTF-8 file, the first on this line: regedit reads files without the FF FE mark as ANSI, so each is imported as two or three other characters. Save the file as UTF-16LE ("Unicode").',
        source: SOURCE,
      });
    }
  }
  if (decoded.truncated) {
    const last = doc.lineCount - 1;
    out.push({
      range: lineRange(last, doc.lineLength(last), doc.lineLength(last)),
      severity: codeInfo('reg.truncated-utf16').severity,
      code: 'reg.truncated-utf16',
      message: 'The UTF-16 file has an odd number of bytes: it was cut short (an interrupted copy or export), and the last byte is not a whole character. Export the key again.',
      source: SOURCE,
    });
  }
  return out;
}

/** The first line with a non-ASCII character that regedit reads as more than a comment or a blank line, or -1. */
function firstNonAsciiImported(doc: RegDocument): number {
  for (let i = 0; i < doc.lineCount; i++) {
    const kind = doc.scan.kind(i);
    if (kind === Kind.Comment || kind === Kind.HashComment || kind === Kind.Blank || kind === Kind.ContinuationGap) continue;
    if (/[^\x00-\x7f]/.test(doc.lineText(i))) return i;
  }
  return -1;
}

export const regLanguage: LanguageService<RegDocument> = {
  id: 'reg',
  extensions: ['.reg'],
  parse(text: string, options: AnalyzeOptions = {}): RegDocument {
    const decoded = options.decoded;
    return RegDocument.parse(text, decoded ? { unicode: decoded.encoding === 'utf16le' && decoded.bom } : {});
  },
  update(doc, changes) {
    doc.update(changes);
    return doc;
  },
  validate(doc, options: AnalyzeOptions = {}) {
    const exchange = options.exchange ?? { context: DEFAULT_CONTEXT, registry: registryIndex() };
    const encoding = options.decoded ? applySeverityOverrides(encodingDiagnostics(doc, options.decoded), options.severityOverrides) : [];
    const max = options.maxDiagnostics ?? Infinity;
    const diags = validateReg(doc, { maxDiagnostics: Math.max(0, max - encoding.length), exchange, severityOverrides: options.severityOverrides });
    return [...encoding.slice(0, max), ...diags];
  },
  hover: regHover,
  complete: regComplete,
  fixes: regFixes,
  symbols: regSymbols,
  folding: regFolding,
  // regedit skips every line whose first non-blank character is ";", also between a key and its values and between
  // the continuation lines of hex data (external-facts §6.10 and §6.8: Wine's regedit tests Comment1-4, Wine9,
  // Wine29a/b, which pass on Windows). The header must stay the first line (§6.1), so nothing goes before it.
  comments: { marker: ';', indented: true },
  suppressionPlaces: () => ({ beforeLine: (line) => line >= 1, fileLine: 1 }),
};

export { RegDocument };
