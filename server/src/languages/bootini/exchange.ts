/**
 * The Exchange 2000/2003 memory rules for boot.ini (external-facts section 2; seed 001:1672-1698, seed-facts sections
 * 3 and 7.1). The store checks its memory configuration at start-up and logs event 9665 when it is not optimal; these
 * rules catch the boot.ini part of that check before the server restarts.
 *
 * The RAM size is not known here, while the rules apply to servers with 1 GB or more: the messages say so, and the
 * rule that asks for a missing /3GB runs only when the configured role is mailbox or public folder (never on
 * front-end or bridgehead servers, seed-facts ⚠D14).
 */
import { ExchangeContext, isExchange2003OrLater } from '../../core/catalog';
import { FixSpec, appendToEntry, removeSwitch, replaceOn } from './edits';
import { EntryFacts, SwitchUse } from './entries';
import type { BootIniDocument, Entry } from './parse';
import { inUserCase } from './switches';
import type { Reporter } from './validate';
import { isExchangeServerOs, windowsLabel, windowsSource } from './windows';

/** The range of /USERVA the Exchange 2003 store's start-up check accepts (the seed prints it as "3030 to 2970"). */
export const EXCHANGE_USERVA_MIN = 2970;
export const EXCHANGE_USERVA_MAX = 3030;
export const EXCHANGE_USERVA = '3030';

const RAM_NOTE = 'This applies to servers with 1 GB of RAM or more.';

export function checkExchangeMemory(doc: BootIniDocument, facts: EntryFacts, context: ExchangeContext, boot: Entry | undefined, r: Reporter): void {
  const { entry, windows } = facts;
  if (entry.pathInfo.kind !== 'arc' || !isExchangeServerOs(windows)) return;
  const label = `${windowsLabel(windows)}${windowsSource(windows)}`;
  const threeGb = facts.first.get('/3GB');
  const userva = facts.first.get('/USERVA');
  const pae = facts.first.get('/PAE');
  const line = entry.line;
  const removeMemorySwitches = (): FixSpec['edits'] => [removeSwitch(doc, entry, threeGb!.token), ...(userva ? [removeSwitch(doc, entry, userva.token)] : [])];

  if (threeGb) {
    const t = threeGb.token;
    if (context.role === 'front-end') {
      r.add(
        'bootini.3gb-on-front-end',
        line,
        t.start,
        t.end,
        `/3GB on a front-end server (the configured role): front-end servers host no mailboxes or public folders, so the store gains nothing from the larger user address space while the kernel loses the memory it needs. Exchange guidance sets /3GB only on mailbox and public-folder servers, and the Exchange Server Analyzer warns about it on front-ends (001:1675-1681, ExBPA aa996554). Remove /3GB${userva ? ' and /USERVA' : ''}.`,
        { fixes: [{ title: `Remove /3GB${userva ? ' and /USERVA' : ''}`, preferred: true, edits: removeMemorySwitches() }] },
      );
      return;
    }
    if (windows.release === '2000' && windows.edition === 'server') {
      r.add(
        'bootini.3gb-on-windows-2000-server',
        line,
        t.start,
        t.end,
        `/3GB on ${label}: there it is not supported and can make applications or Windows crash; for Exchange only Windows 2000 Advanced Server and Datacenter Server support /3GB (Exchange Server Analyzer, external-facts §2.2). Remove /3GB, or correct the description if the server runs Advanced Server.`,
        { fixes: [{ title: `Remove /3GB${userva ? ' and /USERVA' : ''}`, preferred: true, edits: removeMemorySwitches() }] },
      );
      return;
    }
    if (windows.release === '2000' && pae) {
      r.add(
        'bootini.pae-with-3gb-on-windows-2000',
        line,
        pae.token.start,
        pae.token.end,
        `/PAE together with /3GB on ${label}: Exchange does not use memory above 4 GB, and the Exchange Server Analyzer reports this combination as an error on Windows 2000 (external-facts §2.2). Remove /PAE.`,
        { fixes: [{ title: 'Remove /PAE', preferred: true, edits: [removeSwitch(doc, entry, pae.token)] }] },
      );
    }
    if (!isExchange2003OrLater(context.exchangeVersion)) return;
    if (windows.release === '2003' && !userva) {
      const added = `/${inUserCase('USERVA', t.name)}=${EXCHANGE_USERVA}`;
      r.add(
        'bootini.3gb-without-userva',
        line,
        t.start,
        t.end,
        `/3GB without /USERVA on ${label}: the Exchange 2003 store checks this at start-up and logs event 9665 ("/Userva switch is not set properly"), and without /USERVA the kernel keeps only 1 GB, which can run short of system page table entries under load. Add /USERVA=3030 after /3GB (001:1696, KB 823440, KB 815372). ${RAM_NOTE}`,
        { fixes: [{ title: `Add ${added}`, preferred: true, edits: [replaceOn(line, t.end, t.end, ` ${added}`)] }] },
      );
    }
    if (userva && (windows.release === '2003' || windows.release === undefined)) checkUservaForExchange(userva, line, label, r);
    return;
  }

  if ((context.role === 'mailbox' || context.role === 'public-folder') && entry === boot && !(context.memoryMB !== undefined && context.memoryMB < 1024)) {
    // Windows 2000 Server does not support /3GB for Exchange: nothing to ask for there.
    if (windows.release === '2000' && windows.edition === 'server') return;
    const roleName = context.role === 'mailbox' ? 'a mailbox server' : 'a public-folder server';
    const fixes: FixSpec[] = [];
    const add3gbBefore = (u: SwitchUse): FixSpec['edits'] => [replaceOn(line, u.token.start, u.token.start, '/3GB ')];
    const for2003: FixSpec = userva
      ? { title: 'Add /3GB (Windows Server 2003)', edits: add3gbBefore(userva) }
      : { title: 'Add /3GB /USERVA=3030 (Windows Server 2003)', edits: [appendToEntry(entry, '/3GB /USERVA=3030')] };
    const for2000: FixSpec = { title: 'Add /3GB (Windows 2000 Advanced Server or Datacenter Server)', edits: userva ? add3gbBefore(userva) : [appendToEntry(entry, '/3GB')] };
    if (windows.release === '2003') fixes.push(for2003);
    else if (windows.release === '2000') fixes.push(for2000);
    else fixes.push(for2003, for2000);
    const what =
      windows.release === '2003'
        ? 'Add /3GB /USERVA=3030.'
        : windows.release === '2000'
          ? 'Add /3GB (Windows 2000 Advanced Server and Datacenter Server only).'
          : 'Add /3GB, and on Windows Server 2003 also /USERVA=3030 (on Windows 2000 only Advanced Server and Datacenter Server support /3GB).';
    r.add(
      'bootini.missing-3gb',
      line,
      entry.pathStart,
      entry.pathEnd,
      `No /3GB on the entry this server starts, and the configured role is ${roleName}: Exchange servers that host mailboxes or public folders need /3GB (001:1675-1681, KB 823440). Without it the Exchange 2003 store's database cache is 576 MB instead of 896 MB (001:1672) and the store logs event 9665 at start-up (001:1693). ${what} ${context.memoryMB !== undefined ? `The server has ${context.memoryMB} MB of RAM (setting exchangeConfig.serverMemoryMB), and the guidance applies from 1 GB.` : `${RAM_NOTE} Below 1 GB leave /3GB off, and set exchangeConfig.serverMemoryMB so that this check knows.`}`,
      { fixes },
    );
  }
}

function checkUservaForExchange(userva: SwitchUse, line: number, label: string, r: Reporter): void {
  const t = userva.token;
  if (t.value === undefined || !/^\d+$/.test(t.value)) return;
  const n = Number(t.value);
  // Outside Windows' own range (2048-3072) the switch is already an error; do not report it twice.
  const sw = userva.sw!;
  if ((sw.min !== undefined && n < sw.min) || (sw.max !== undefined && n > sw.max)) return;
  if (n >= EXCHANGE_USERVA_MIN && n <= EXCHANGE_USERVA_MAX) return;
  r.add(
    'bootini.userva-outside-exchange-range',
    line,
    t.valueStart,
    t.valueEnd,
    `/USERVA=${t.value} with /3GB on ${label} is outside 2970-3030, the range the Exchange 2003 store accepts: it logs event 9665 at start-up (001:1696, which prints the range backwards as "3030 to 2970"). Exchange guidance is /USERVA=3030 (KB 823440, KB 815372); set it to 3030. ${RAM_NOTE}`,
    { fixes: [{ title: `Set /${t.name}=${EXCHANGE_USERVA}`, preferred: true, edits: [replaceOn(line, t.valueStart, t.valueEnd, EXCHANGE_USERVA)] }] },
  );
}
