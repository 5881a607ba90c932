/**
 * The checks of a boot.ini file, one concern per module: its sections and lines (validateLayout.ts), the
 * [boot loader] settings (validateSettings.ts), every entry's path and description (validateEntries.ts) and switches
 * (validateSwitches.ts, against server/data/catalog/bootini-switches.json), and the Exchange memory rules
 * (exchange.ts). Every diagnostic says what is wrong, what it does, and what to do; its quick fixes travel in `data`.
 */
import { ExchangeContext } from '../../core/catalog';
import { Diagnostic } from '../../core/types';
import { bootEntry, entryFacts, settingNamed } from './entries';
import { checkExchangeMemory } from './exchange';
import type { BootIniDocument } from './parse';
import { Reporter } from './reporter';
import { checkLines, checkSections } from './validateLayout';
import { checkSettings, checkZeroTimeout } from './validateSettings';
import { checkEntry } from './validateEntries';

export interface ValidateOptions {
  context: ExchangeContext;
}

/** Every diagnostic of the document in position order (the language service applies overrides and the cap). */
export function validateBootIni(doc: BootIniDocument, options: ValidateOptions): Diagnostic[] {
  const r = new Reporter();
  checkSections(doc, r);
  checkLines(doc, r);
  checkSettings(doc, r);
  checkZeroTimeout(doc, r);
  const redirect = settingNamed(doc, 'redirect');
  const boot = bootEntry(doc);
  for (const entry of doc.entries) {
    const facts = entryFacts(entry, options.context);
    checkEntry(doc, facts, r, redirect !== undefined);
    checkExchangeMemory(doc, facts, options.context, boot, r);
  }
  return r.out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
