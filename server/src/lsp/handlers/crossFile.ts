/**
 * Checks across the files of one server: a boot.ini and the .reg exports of the same folder (or the folder the
 * setting exchangeConfig.bootIniFor pairs with it), and the .reg exports of one folder among themselves (port
 * conflicts, the IFS backup exclusion). Finds the boot.ini of a .reg file (open, else on disk), the open exports of a
 * folder, and which exports to diagnose again when a boot.ini or an export changes.
 */
import { checkExbpaFile, exbpaRelevant } from '../../checks/exbpa';
import { BootIniFile, checkMemoryConfig, memoryReport, RegFile } from '../../checks/memory';
import { DEFAULT_CONTEXT } from '../../core/catalog';
import { registryIndex } from '../../core/catalogLoad';
import { Diagnostic } from '../../core/types';
import { decodeBytes } from '../../core/encoding';
import { trimEndChars } from '../../core/text';
import { bootIniForFolder, bootIniSegments } from '../../core/projectConfig';
import { bootiniLanguage, BootIniDocument } from '../../languages/bootini';
import { regLanguage, RegDocument } from '../../languages/reg';
import { MemoryReportResult } from '../../protocol';
import { describe, DocumentStore, OpenDocument } from '../documents';
import { ServerLog } from '../log';
import { ServerOptions } from '../options';
import { Workspace } from '../workspace';
import { Knowledge } from './settings';

export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

export class CrossFileChecks {
  // The open boot.ini of each folder, found once per state of the open documents (the store's generation counts
  // opens, changes, closes and failures): looking through every open document for each .reg file made a keystroke in
  // a boot.ini beside n open exports cost n times the open documents.
  private bootIniIndex: { generation: number; byFolder: Map<string, BootIniFile> } | undefined;
  /** The open .reg exports that hold a value the cross-export checks read (ports, drive letter, backup exclusions). */
  private readonly crossRelevant = new Set<string>();

  constructor(
    private readonly store: DocumentStore,
    private readonly workspace: Workspace,
    private readonly log: ServerLog,
    private readonly readUri: ServerOptions['readUri'],
  ) {}

  /**
   * The checks of a .reg document across the files of its server: port conflicts and the IFS backup exclusion with
   * the other open exports of its folder, and the memory checks against its boot.ini; [] for other documents.
   */
  diagnostics(doc: OpenDocument, knowledge: Knowledge): Diagnostic[] {
    if (doc.language !== regLanguage || doc.parsed === undefined || doc.failure !== undefined) return [];
    try {
      const reg: RegFile = { uri: doc.uri, doc: doc.parsed as RegDocument };
      const options = { exchange: knowledge.exchange, severityOverrides: knowledge.severityOverrides };
      const exbpa = checkExbpaFile(reg, this.openRegs(folderOf(doc.uri)), options);
      const boot = this.siblingBootIni(doc.uri, knowledge.bootIniFor, knowledge.bootIniBase);
      if (!boot) return exbpa;
      // The memory findings on a file depend only on its own values and the boot.ini (a value another export writes is
      // reported on that export), so the other open exports need not be read for them.
      return [...checkMemoryConfig(boot, reg, options), ...exbpa];
    } catch (e) {
      this.log.error(`Cross-file checks of ${doc.uri} failed: ${describe(e)}`);
      return [];
    }
  }

  /**
   * The open .reg documents to diagnose again because the document at `uri` (opened, changed or closed; `languageId`
   * when it is not open) is a boot.ini; [] otherwise.
   */
  exportsBeside(uri: string, languageId: string | undefined): string[] {
    const doc = this.store.get(uri);
    const isBootIni = doc ? doc.language === bootiniLanguage : languageId === bootiniLanguage.id || /(^|\/)boot\.ini$/i.test(uri);
    if (!isBootIni) return [];
    return this.openRegs(folderOf(uri)).map((r) => r.uri);
  }

  /**
   * The other open .reg documents of the folder to diagnose again because the .reg document at `uri` (opened, changed
   * or closed; `languageId` when it is not open) holds, or held, a value the cross-export checks read; [] otherwise.
   */
  exportsBesideExport(uri: string, languageId: string | undefined): string[] {
    const doc = this.store.get(uri);
    if (!(doc ? doc.language === regLanguage : languageId === regLanguage.id)) return [];
    // Judged with the built-in catalog: the settings are read asynchronously, and an organisation's catalog rarely
    // moves the keys these checks read.
    const was = this.crossRelevant.has(uri);
    let now = false;
    try {
      now = doc?.parsed !== undefined && doc.failure === undefined && exbpaRelevant(doc.parsed as RegDocument, { context: DEFAULT_CONTEXT, registry: registryIndex() });
    } catch {
      now = false;
    }
    if (now) this.crossRelevant.add(uri);
    else this.crossRelevant.delete(uri);
    if (!was && !now) return [];
    return this.openRegs(folderOf(uri))
      .map((r) => r.uri)
      .filter((u) => u !== uri);
  }

  /** The memory configuration report of a boot.ini or a .reg export with the files of its server; null without both. */
  report(uri: string, knowledge: Knowledge): MemoryReportResult {
    try {
      const open = this.store.get(uri);
      const folder = folderOf(uri);
      const isBootIni = open ? open.language === bootiniLanguage : /(^|\/)boot\.ini$/i.test(uri);
      let boot: BootIniFile | undefined;
      const regs = this.openRegs(folder);
      if (isBootIni) {
        if (open?.parsed !== undefined && open.language === bootiniLanguage) boot = { uri, doc: open.parsed as BootIniDocument };
        else if (this.readUri) {
          const decoded = decodeBytes(this.readUri(uri));
          boot = { uri, doc: bootiniLanguage.parse(decoded.text, { decoded }) };
        }
        if (regs.length === 0) return { markdown: null };
      } else {
        boot = this.siblingBootIni(uri, knowledge.bootIniFor, knowledge.bootIniBase);
        if (!regs.some((r) => r.uri === uri)) {
          if (!this.readUri) return { markdown: null };
          const decoded = decodeBytes(this.readUri(uri));
          regs.push({ uri, doc: regLanguage.parse(decoded.text, { decoded }) });
        }
      }
      return { markdown: boot ? memoryReport(boot, regs, knowledge.exchange) : null };
    } catch (e) {
      this.log.error(`Memory report for ${uri} failed: ${describe(e)}`);
      return { markdown: null };
    }
  }

  /** The boot.ini of a folder: an open document, else the file on disk (boot.ini or BOOT.INI beside the given URI). */
  siblingBootIni(uri: string, bootIniFor: Readonly<Record<string, string>> = {}, base?: string): BootIniFile | undefined {
    const paired = this.pairedBootIni(uri, bootIniFor, base);
    if (paired === null) return undefined;
    if (paired) return this.readBootIni(paired, this.workspace.folders);
    const folder = folderOf(uri);
    const open = this.openBootIniIn(folder);
    if (open) return open;
    for (const name of ['boot.ini', 'BOOT.INI']) {
      const found = this.readBootIni(folder + name);
      if (found) return found;
    }
    return undefined;
  }

  /** The open .reg documents of a folder. */
  openRegs(folder: string): RegFile[] {
    return this.store
      .all()
      .filter((d) => d.language === regLanguage && d.parsed !== undefined && d.failure === undefined && folderOf(d.uri) === folder)
      .map((d) => ({ uri: d.uri, doc: d.parsed as RegDocument }));
  }

  private openBootIniIn(folder: string): BootIniFile | undefined {
    if (this.bootIniIndex?.generation !== this.store.generation) {
      const byFolder = new Map<string, BootIniFile>();
      for (const d of this.store.all()) {
        const f = folderOf(d.uri);
        if (d.language === bootiniLanguage && d.parsed !== undefined && d.failure === undefined && !byFolder.has(f)) byFolder.set(f, { uri: d.uri, doc: d.parsed as BootIniDocument });
      }
      this.bootIniIndex = { generation: this.store.generation, byFolder };
    }
    return this.bootIniIndex.byFolder.get(folder);
  }

  /** A boot.ini by URI: the open document, else the file on disk, else undefined. */
  private readBootIni(bootUri: string, confineTo?: readonly string[]): BootIniFile | undefined {
    const open = this.store.get(bootUri);
    if (open && open.language === bootiniLanguage && open.parsed !== undefined && open.failure === undefined) return { uri: bootUri, doc: open.parsed as BootIniDocument };
    if (!this.readUri) return undefined;
    try {
      const decoded = decodeBytes(this.readUri(bootUri, confineTo));
      return { uri: bootUri, doc: bootiniLanguage.parse(decoded.text, { decoded }) };
    } catch (e) {
      // No such file is the usual case; anything else (a pipe, a device, a file outside the workspace) is logged.
      if ((e as { reason?: string }).reason !== 'not-found') this.log.warnOnce(`The boot.ini ${bootUri} is not used: ${(e as Error).message}.`);
      return undefined;
    }
  }

  /**
   * The boot.ini the setting exchangeConfig.bootIniFor pairs with a .reg file: keys are folders of exports, values
   * boot.ini paths, both relative to the workspace folder; the longest matching folder wins. Null when the pairing
   * names a path outside the workspace folder (refused, as the setting is workspace-relative).
   */
  private pairedBootIni(uri: string, bootIniFor: Readonly<Record<string, string>>, baseUri?: string): string | null | undefined {
    // Relative to the folder of the configuration file that names them, or the workspace folder.
    const workspaceUri = baseUri ?? this.workspace.uri;
    if (!workspaceUri) return undefined;
    const base = trimEndChars(workspaceUri, '/');
    if (!uri.startsWith(`${base}/`)) return undefined;
    const relFolder = trimEndChars(decodeURIComponent(folderOf(uri).slice(base.length + 1)), '/');
    const bootIni = bootIniForFolder(relFolder, bootIniFor);
    if (bootIni === undefined) return undefined;
    const segments = bootIniSegments(bootIni);
    if (!segments) {
      this.log.warnOnce(`exchangeConfig.bootIniFor: "${bootIni}" is outside the workspace folder and is not used; name a boot.ini inside it.`);
      return null;
    }
    return `${base}/${segments.map(encodeURIComponent).join('/')}`;
  }
}
