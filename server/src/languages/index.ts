/** The languages the product understands, and which one a file belongs to. */
import { LanguageService } from '../core/language';
// The codes of the findings on suppression comments, which every language reads.
import '../core/suppress';
import { bootiniLanguage } from './bootini';
import { ldapfilterLanguage } from './ldapfilter';
import { ldifLanguage } from './ldif';
import { regLanguage } from './reg';
import { looksLikeExchangeAnswerFile, setupiniLanguage } from './setupini';

export const languages: readonly LanguageService[] = [regLanguage as LanguageService, bootiniLanguage as LanguageService, ldapfilterLanguage as LanguageService, ldifLanguage as LanguageService, setupiniLanguage as LanguageService];

export function languageById(id: string): LanguageService | undefined {
  return languages.find((l) => l.id === id);
}

/**
 * The language of a file from its name, and, for names no language claims, from its text (how it starts; an .ini's
 * sections). An .ini is an Exchange answer file only when its text shows one, whatever its name (setup.ini included),
 * unless answerFile says it is one.
 */
export function languageForFile(fileName: string, text?: string, answerFile = false): LanguageService | undefined {
  if (answerFile) return setupiniLanguage as LanguageService;
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  for (const l of languages) {
    for (const ext of l.extensions) {
      if (ext.startsWith('.') ? base.endsWith(ext) : base === ext) {
        if (l === (setupiniLanguage as LanguageService) && text !== undefined && !looksLikeExchangeAnswerFile(text)) return undefined;
        return l;
      }
    }
  }
  // Any other .ini that has the shape of an Exchange answer file (VS Code keeps its own ini language for the rest).
  if (text !== undefined && base.endsWith('.ini') && looksLikeExchangeAnswerFile(text)) return setupiniLanguage as LanguageService;
  if (text !== undefined && /^[ \t]*(Windows Registry Editor Version 5\.00|REGEDIT4)[ \t]*(\r|\n|$)/.test(text)) return regLanguage as LanguageService;
  return undefined;
}
