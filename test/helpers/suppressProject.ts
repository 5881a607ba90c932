/**
 * One project with suppression comments in every language and a project configuration file, written to a folder: the
 * command-line and the language server tests lint the same files and must find the same things.
 */
import * as fs from 'fs';
import * as path from 'path';

const crlf = (lines: string[]): string => lines.join('\r\n');
const lf = (lines: string[]): string => lines.join('\n');

export const PROJECT: Record<string, { languageId: string; text: string }> = {
  'boot.ini': {
    languageId: 'bootini',
    text: crlf([
      '; exchange-config-disable bootini.unknown-switch -- a switch of the hardware vendor',
      '[boot loader]',
      'timeout=30',
      'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS',
      '[operating systems]',
      'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect /3GB /USERVA=3030 /foo',
      '',
    ]),
  },
  'memory.reg': {
    languageId: 'reg',
    text: crlf([
      'Windows Registry Editor Version 5.00',
      '',
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]',
      '; exchange-config-disable-next-line cross.memory-config -- tested with this value',
      '"SystemPages"=dword:00007530',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]',
      '; exchange-config-disable-next-line reg.duplicate-value, reg.dword-to-long',
      '"x"=dword:1',
      '"y"=dword:1',
      '"y"=dword:2',
      '"z"=dword:123456789',
      '',
    ]),
  },
  'sales.ldapfilter': {
    languageId: 'ldapfilter',
    text: lf(['# exchange-config-disable ldapfilter.missing-systemmailbox-exclusion -- no mailbox store in this site', '(&(mailNickname=*)', '  (department=Sales)', '  # exchange-config-disable-next-line ldapfilter.unknown-attribute', '  (homeDirectory=x)', '  (memberOf=CN=x)', ')', '']),
  },
  'storage.ldf': {
    languageId: 'ldif',
    text: crlf([
      'version: 1',
      '',
      'dn: CN=SG1,CN=InformationStore,CN=SRV,CN=Servers,CN=AG,CN=Administrative Groups,CN=Org,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=example,DC=com',
      'changetype: modify',
      'replace: msExchESEParamLogBuffers',
      '# exchange-config-disable-next-line ldif.log-buffers-set -- the Deployment Guide procedure',
      'msExchESEParamLogBuffers: 9500',
      '-',
      '',
    ]),
  },
  'setup.ini': {
    languageId: 'setupini',
    text: crlf(['[Paths]', 'ServerDest=C:\\Exchsrvr', '', '[Components]', '; exchange-config-disable-next-line setupini.invalid-boolean, setupini.unknown-key', 'Services=maybe', 'Administrator=yes', '']),
  },
};

/**
 * The project's .exchange-config.json: a severity for every file (the dword error of memory.reg becomes a warning) and
 * an override for the filter files (their global catalog finding is turned off).
 */
export const CONFIG = [
  '{',
  '  // Exchange 2003 SP2 servers.',
  '  "exchangeVersion": "2003sp2",',
  '  "severityOverrides": { "reg.dword-too-long": "warning" },',
  '  "overrides": [{ "files": ["*.ldapfilter"], "severityOverrides": { "ldapfilter.attribute-not-in-gc": "off" } }]',
  '}',
  '',
].join('\n');

export function writeProject(dir: string): void {
  for (const [name, { text }] of Object.entries(PROJECT)) fs.writeFileSync(path.join(dir, name), text);
  fs.writeFileSync(path.join(dir, '.exchange-config.json'), CONFIG);
}
