/**
 * Checks an Exchange 2000/2003 Setup command line (seed-facts §4.1, S2; the Exchange Server 2003 Deployment Guide,
 * "To create an answer file for running unattended setup"). Setup.exe does not validate its parameters:
 * a misspelled switch is ignored and a manual setup starts, which cannot be cancelled once it begins. Offsets are
 * character offsets in the command line.
 */
import { codeInfo } from '../../core/codes';
import { nearestCandidates } from '../../core/nearest';
import { Severity } from '../../core/types';
import './codes';

export interface CommandLineDiagnostic {
  start: number;
  end: number;
  severity: Severity;
  code: string;
  message: string;
}

interface SwitchInfo {
  name: string;
  argument?: 'file' | 'fqdn';
  /** What the switch does, in our words, with the public source (shown to users). */
  meaning: string;
  /** Where the fact was checked; never shown to users. */
  evidence: string;
}

/** The documented switches, spelled as the sources write them (matched case-insensitively). */
export const SETUP_SWITCHES: readonly SwitchInfo[] = [
  {
    name: '/createunattend',
    argument: 'file',
    meaning: 'runs the wizard and writes an answer file (Exchange Server 2003 Deployment Guide, "To create an answer file for running unattended setup")',
    evidence: '004:1186',
  },
  {
    name: '/unattendfile',
    argument: 'file',
    meaning: 'installs unattended from an answer file (Exchange Server 2003 Deployment Guide, "To use an answer file for unattended Exchange setup")',
    evidence: '004:1259',
  },
  { name: '/ForestPrep', meaning: 'extends the schema and creates the organization container (Exchange Server 2003 Deployment Guide, "To run Exchange 2003 ForestPrep")', evidence: '004:962' },
  { name: '/DomainPrep', meaning: 'prepares a domain (Exchange Server 2003 Deployment Guide, "To run Exchange 2003 DomainPrep")', evidence: '004:1046' },
  {
    name: '/ChooseDC',
    argument: 'fqdn',
    meaning: 'reads and writes all data on the named domain controller (Exchange Server 2003 Deployment Guide, "ChooseDC switch")',
    evidence: '004:229',
  },
  {
    name: '/disasterrecovery',
    meaning: 'rebuilds a destroyed server from its configuration in Active Directory (Issues Detected by ExRAP, "Active Directory Architecture")',
    evidence: '000:226',
  },
];

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words separated by blanks; a double-quoted part may contain blanks (the quotes stay in the text). */
function tokens(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    const start = i;
    let quoted = false;
    while (i < line.length && (quoted || !/\s/.test(line[i]))) {
      if (line[i] === '"') quoted = !quoted;
      i++;
    }
    out.push({ text: line.slice(start, i), start, end: i });
  }
  return out;
}

function make(code: string, start: number, end: number, message: string): CommandLineDiagnostic {
  return { start, end, severity: codeInfo(code).severity, code, message };
}

export function checkSetupCommandLine(commandLine: string): CommandLineDiagnostic[] {
  const line = typeof commandLine === 'string' ? commandLine : '';
  const out: CommandLineDiagnostic[] = [];
  const toks = tokens(line);
  let i = 0;
  // The program (setup, setup.exe, E:\setup\i386\setup) comes first when the line starts with one.
  if (toks.length > 0 && !toks[0].text.startsWith('/')) i = 1;
  const names = SETUP_SWITCHES.map((s) => s.name);
  for (; i < toks.length; i++) {
    const t = toks[i];
    if (!t.text.startsWith('/')) {
      out.push(make('setupini.cmd-stray-argument', t.start, t.end, `"${t.text}" is neither a Setup switch nor the argument of one.`));
      continue;
    }
    const sw = SETUP_SWITCHES.find((s) => s.name.toLowerCase() === t.text.toLowerCase());
    if (!sw) {
      const near = nearestCandidates(t.text, names, 3);
      out.push(
        make(
          'setupini.cmd-unknown-switch',
          t.start,
          t.end,
          `${t.text} is not a Setup switch${near.length ? `; did you mean ${near.join(' or ')}?` : '.'} Setup does not check its switches: it ignores this one and starts a manual setup, which cannot be cancelled once it begins.`,
        ),
      );
      continue;
    }
    if (!sw.argument) continue;
    const next = toks[i + 1];
    if (!next || next.text.startsWith('/')) {
      const what = sw.argument === 'file' ? 'the answer file (for example D:\\myanswerfile.ini)' : 'the fully qualified domain name of a domain controller in the domain of the new server';
      out.push(make('setupini.cmd-missing-argument', t.start, t.end, `${sw.name} needs ${what} after it.`));
      continue;
    }
    i++;
    if (sw.argument === 'fqdn') {
      const name = next.text.replace(/^"|"$/g, '');
      if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(name)) {
        out.push(make('setupini.cmd-invalid-argument', next.start, next.end, `${sw.name} takes the fully qualified domain name of a domain controller (for example dc01.contoso.com), not "${next.text}".`));
      }
    }
  }
  return out;
}
