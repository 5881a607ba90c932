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
import type { Reporter } from './reporter';
import { isExchangeServerOs, windowsLabel, windowsSource } from './windows';

/** The range of /USERVA the Exchange 2003 store's start-up check accepts (the seed prints it as "3030 to 2970", 001:1696). */
export const EXCHANGE_USERVA_MIN = 2970;
export const EXCHANGE_USERVA_MAX = 3030;
export const EXCHANGE_USERVA = '3030';

/** The messages say who the guidance is for; the why and the sources are in hover and the code's page (docs/codes). */
const FOR_1GB = 'servers with 1 GB of RAM or more';

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
        // 001:1675-1681; ExBPA aa996554.
        `/3GB on a front-end server (the configured role): Exchange guidance sets /3GB only on servers that host mailboxes or public folders, and the Exchange Server Analyzer warns about it on front-ends. Remove /3GB${userva ? ' and /USERVA' : ''}.`,
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
        // external-facts §2.2 (ExBPA aa998493, aa996554).
        `/3GB on ${label}: it is not supported there and can make programs or Windows crash; for Exchange only Advanced Server and Datacenter Server support it. Remove /3GB, or correct the description.`,
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
        // external-facts §2.2 (ExBPA /PAE and /3GB on Windows 2000).
        `/PAE together with /3GB on ${label}: the Exchange Server Analyzer reports this as an error, since Exchange does not use memory above 4 GB. Remove /PAE.`,
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
        // 001:1696; ExBPA event 9665 flag 0x2; KB 823440, KB 815372.
        `/3GB without /USERVA on ${label}: on ${FOR_1GB} the Exchange 2003 store logs event 9665 at start-up. Add /USERVA=3030 after /3GB.`,
        { fixes: [{ title: `Add ${added}`, preferred: true, edits: [replaceOn(line, t.end, t.end, ` ${added}`)] }] },
      );
    }
    if (userva && (windows.release === '2003' || windows.release === undefined)) checkUservaForExchange(userva, line, label, r);
    return;
  }

  if ((context.role === 'mailbox' || context.role === 'public-folder') && entry === boot && !(context.memoryMB !== undefined && context.memoryMB < 1024)) {
    // Windows 2000 Server does not support /3GB for Exchange: nothing to ask for there.
    if (windows.release === '2000' && windows.edition === 'server') return;
    const e2003 = isExchange2003OrLater(context.exchangeVersion);
    // The sources give no /3GB guidance for Exchange 2000 on Windows Server 2003: say nothing.
    if (!e2003 && windows.release === '2003') return;
    const roleName = context.role === 'mailbox' ? 'mailbox server' : 'public-folder server';
    const fixes: FixSpec[] = [];
    const add3gbBefore = (u: SwitchUse): FixSpec['edits'] => [replaceOn(line, u.token.start, u.token.start, '/3GB ')];
    const for2003: FixSpec = userva
      ? { title: 'Add /3GB (Windows Server 2003)', edits: add3gbBefore(userva) }
      : { title: 'Add /3GB /USERVA=3030 (Windows Server 2003)', edits: [appendToEntry(entry, '/3GB /USERVA=3030')] };
    const for2000: FixSpec = { title: 'Add /3GB (Windows 2000 Advanced Server or Datacenter Server)', edits: userva ? add3gbBefore(userva) : [appendToEntry(entry, '/3GB')] };
    if (windows.release === '2003') fixes.push(for2003);
    else if (windows.release === '2000' || !e2003) fixes.push(for2000);
    else fixes.push(for2003, for2000);
    const below = context.memoryMB === undefined ? ' With less than 1 GB of RAM, leave it off.' : ` This one has ${context.memoryMB} MB of RAM.`;
    // What's New (001:1672-1681) and KB 823440 for Exchange 2003; KB 266096 for Exchange 2000 (its title says "more
    // than 1 gigabyte", seed-facts ⚠D13). Event 9665 without /3GB: 001:1693 says any server with 1 GB or more, the
    // ExBPA flag table (external-facts §2.1, flag 0x1) only Windows 2000 Advanced/Datacenter; the message claims the
    // event only where both agree, and the hover and the code's page say the rest.
    const message = !e2003
      ? `No /3GB on the entry this ${roleName} starts: KB 266096 says Exchange 2000 needs /3GB with more than 1 GB of RAM (on Windows 2000 Advanced Server or Datacenter Server). Add /3GB.${below}`
      : windows.release === '2003'
        ? `No /3GB on the entry this ${roleName} starts: Exchange 2003 guidance sets /3GB /USERVA=3030 on mailbox and public-folder ${FOR_1GB}. Add both.${below}`
        : windows.release === '2000'
          ? `No /3GB on the entry this ${roleName} starts: on ${FOR_1GB} the Exchange 2003 store logs event 9665 without it. Add /3GB (Advanced Server and Datacenter Server only).${below}`
          : `No /3GB on the entry this ${roleName} starts: Exchange 2003 guidance sets /3GB on mailbox and public-folder ${FOR_1GB}. Add /3GB, and on Windows Server 2003 /USERVA=3030.${below}`;
    r.add('bootini.missing-3gb', line, entry.pathStart, entry.pathEnd, message, { fixes });
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
    // 001:1696 (range printed backwards, seed-facts ⚠D11); KB 823440, KB 815372.
    `/USERVA=${t.value} with /3GB on ${label} is outside 2970-3030: on ${FOR_1GB} the Exchange 2003 store logs event 9665 at start-up. Set /USERVA=3030.`,
    { fixes: [{ title: `Set /${t.name}=${EXCHANGE_USERVA}`, preferred: true, edits: [replaceOn(line, t.valueStart, t.valueEnd, EXCHANGE_USERVA)] }] },
  );
}
