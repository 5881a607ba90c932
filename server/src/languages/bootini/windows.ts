/**
 * Which Windows an entry starts: from its description ("Windows Server 2003, Enterprise", "Microsoft Windows 2000
 * Advanced Server"), or, when the description does not say, from the configured Windows version.
 */
import { ExchangeContext } from '../../core/catalog';
import { RELEASE_NAMES, WindowsRelease } from './switches';

export type Edition = 'server' | 'advanced' | 'datacenter' | 'professional' | 'home' | 'standard' | 'enterprise' | 'web' | 'small-business';

export interface EntryWindows {
  release?: WindowsRelease;
  edition?: Edition;
  servicePack?: number;
  /** Where the release comes from. */
  from: 'description' | 'settings' | 'unknown';
}

const EDITION_NAMES: Record<Edition, string> = {
  server: 'Server',
  advanced: 'Advanced Server',
  datacenter: 'Datacenter Server',
  professional: 'Professional',
  home: 'Home Edition',
  standard: 'Standard Edition',
  enterprise: 'Enterprise Edition',
  web: 'Web Edition',
  'small-business': 'Small Business Server',
};

/** Edition names as descriptions write them, most specific first, per release. */
const EDITIONS: Partial<Record<WindowsRelease, [RegExp, Edition][]>> = {
  '2003': [
    [/small\s+business/i, 'small-business'],
    [/datacenter/i, 'datacenter'],
    [/enterprise/i, 'enterprise'],
    [/\bweb\b/i, 'web'],
    [/standard/i, 'standard'],
  ],
  xp: [
    [/professional/i, 'professional'],
    [/\bhome\b/i, 'home'],
  ],
  '2000': [
    [/datacenter/i, 'datacenter'],
    [/advanced/i, 'advanced'],
    [/professional/i, 'professional'],
    [/\bserver\b/i, 'server'],
  ],
};

/**
 * ".NET" and later "Server" (Windows .NET Server, the name of Windows Server 2003 before its release), as
 * /\.NET\b.*\bServer\b/i says, in two linear searches: that expression is tried at every ".NET" and runs to the end of
 * the line each time, quadratic on a description of many ".NET" words.
 */
function netServer(d: string): boolean {
  const net = d.search(/\.NET\b/i);
  if (net < 0) return false;
  const server = /\bServer\b/gi;
  server.lastIndex = net + 4;
  return server.test(d);
}

function releaseNamed(d: string): WindowsRelease | undefined {
  if (/\b2003\b/.test(d) || netServer(d)) return '2003';
  if (/\bXP\b/i.test(d)) return 'xp';
  if (/\b2000\b/.test(d)) return '2000';
  if (/\bNT\b/i.test(d)) return 'nt4';
  return undefined;
}

/** The release, edition and service pack a description names, if it names a release. */
export function windowsFromDescription(description: string): Omit<EntryWindows, 'from'> | undefined {
  const release = releaseNamed(description);
  if (!release) return undefined;
  const out: Omit<EntryWindows, 'from'> = { release };
  const edition = EDITIONS[release]?.find(([re]) => re.test(description))?.[1];
  if (edition) out.edition = edition;
  const sp = /\b(?:SP|Service\s*Pack)\s*(\d+)\b/i.exec(description);
  if (sp) out.servicePack = Number(sp[1]);
  return out;
}

export function entryWindows(description: string | undefined, context: ExchangeContext): EntryWindows {
  const fromText = description !== undefined ? windowsFromDescription(description) : undefined;
  if (fromText) return { ...fromText, from: 'description' };
  if (context.windowsVersion) return { release: context.windowsVersion, from: 'settings' };
  return { from: 'unknown' };
}

/** "Windows 2000 Advanced Server", "Windows Server 2003 SP1", "an unknown Windows version". */
export function windowsLabel(w: EntryWindows): string {
  if (!w.release) return 'an unknown Windows version';
  let label = RELEASE_NAMES[w.release];
  if (w.edition) label += w.release === '2003' && w.edition !== 'small-business' ? `, ${EDITION_NAMES[w.edition]}` : ` ${EDITION_NAMES[w.edition]}`;
  if (w.servicePack !== undefined) label += ` SP${w.servicePack}`;
  return label;
}

/** Where the version was found, for messages: " (from the description)", " (the configured Windows version)". */
export function windowsSource(w: EntryWindows): string {
  return w.from === 'description' ? ' (as the description says)' : w.from === 'settings' ? ' (the configured Windows version)' : '';
}

/** Whether Exchange 2000/2003 can run on this entry's Windows: a server release, or one we do not know. */
export function isExchangeServerOs(w: EntryWindows): boolean {
  if (!w.release) return true;
  if (w.release === '2003') return w.edition !== 'web';
  if (w.release === '2000') return w.edition !== 'professional';
  return false;
}
