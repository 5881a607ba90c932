/**
 * Where the server formats: only the languages whose service lays a document out again (LDAP filters, as an indented
 * tree). Clients that can register formatting per document selector get it for these documents only, so that
 * *Format Document* is not offered where it would do nothing.
 */
import * as lsp from 'vscode-languageserver';
import { languages } from '../languages';

export const FORMATTING_SELECTOR: lsp.DocumentSelector = languages.filter((l) => l.format !== undefined).map((l) => ({ language: l.id }));
