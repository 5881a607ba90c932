/**
 * Which files are Exchange Setup answer files, decided on their content whatever their name: other products' installers
 * ship Setup.ini files too, with [Setup], [Options], [Components], [Paths] or [Licensing] sections of their own, so
 * neither the file name nor a generic section name decides. A file is an answer file when it has
 * - a key that only the Exchange 4.0/5.5 batch Setup.ini has, in its section (KB 168490, KB 188625, KB 198898: for
 *   example ServerDest in [Paths], ExistingServerName in [Site], KMServer in [Components]), or
 * - a section or key named for Exchange ("[Microsoft Exchange ...]", "[Exchange]"): the sections and keys of the
 *   Exchange 2000/2003 file written by setup /createunattend are not documented in the sources this tool uses
 *   (external-facts §4.1), so the product's own name is the only sign of one that can be trusted.
 * Hosts can force a file (ExchangeKnowledge.forceAnswerFile: the exchangeConfig.forceAnswerFile setting, the CLI's
 * --answer-file).
 */
import { SetupIniDocument } from './parse';

export type AnswerFileFormat = 'exchange55' | 'exchange2000';

/**
 * Keys that name something only an Exchange 4.0/5.5 server has (a site's proxy name, the Key Management server, an
 * X.400 management domain), by section. Generic keys (Services, Administrator, Internet, SiteName, Organization,
 * Country, PerSeat, pid, and [ServiceAccount] AccountName/AccountPassword) are left out: other installers use them.
 */
const EXCHANGE55_KEYS: Readonly<Record<string, readonly string[]>> = {
  paths: ['serverdest', 'admindest'],
  components: ['msmailconnector', 'cc:mail', 'kmserver', 'active server components', 'x400'],
  site: ['existingservername', 'siteproxyname', 'internetsitename'],
  organization: ['organizationproxyname'],
  licensing: ['perserverusers'],
  sitepermissions: ['account1', 'account2', 'account3', 'account4'],
  // [X400] in the 5.5 article, [X.400] in the 4.0 one
  x400: ['privmandomname', 'adminmandomname', 'orgunit1', 'orgunit2', 'orgunit3', 'orgunit4'],
  'x.400': ['privmandomname', 'adminmandomname', 'orgunit1', 'orgunit2', 'orgunit3', 'orgunit4'],
};

/** A section or key named for Exchange: "Exchange", "Microsoft Exchange ...", "Exchange Server 2003" and the like. */
const EXCHANGE_NAME = /^(microsoft\s+)?exchange(\s+(server|2000|2003|200[03]\s+server|server\s+200[03]))?\b/i;

/** Only the start of a very large file is looked at. */
const HEAD = 1_000_000;

/** The answer-file format the content shows, or undefined when it shows none. */
export function answerFileFormat(doc: SetupIniDocument): AnswerFileFormat | undefined {
  for (const st of doc.settings) {
    const keys = EXCHANGE55_KEYS[doc.sections[st.section].name.toLowerCase()];
    if (keys && keys.includes(st.key.toLowerCase())) return 'exchange55';
  }
  if (doc.sections.some((s) => EXCHANGE_NAME.test(s.name)) || doc.settings.some((st) => EXCHANGE_NAME.test(st.key))) return 'exchange2000';
  return undefined;
}

/** Whether the document is an Exchange answer file by its content. */
export function isAnswerFile(doc: SetupIniDocument): boolean {
  return answerFileFormat(doc) !== undefined;
}

/** Whether a text is an Exchange answer file by its content (see answerFileFormat). */
export function looksLikeExchangeAnswerFile(text: string): boolean {
  return isAnswerFile(SetupIniDocument.parse(text.length > HEAD ? text.slice(0, HEAD) : text));
}
