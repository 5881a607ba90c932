/**
 * Every branch of the LDIF checks (validate.ts): the dn:, the Exchange attributes, template placeholders and the
 * embedded LDAP filter, each with the complete list of findings of its file (code, severity, range, message, the value
 * a fix writes) and the related positions; base64, hexadecimal and URL values where the path differs.
 */
import * as assert from 'assert';
import { ldifLanguage } from '../../../../server/src/languages/ldif';
import { LdifFixData } from '../../../../server/src/languages/ldif/validate';
import { context } from '../../../helpers/ldapfilter';

type Finding = (string | number)[];
type Related = [number, number, number, number, string];

function all(text: string): { findings: Finding[]; related: Related[] } {
  const ds = ldifLanguage.validate(ldifLanguage.parse(text));
  return {
    findings: ds.map((d) => {
      const f: Finding = [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message];
      const value = (d.data as LdifFixData | undefined)?.value;
      if (value !== undefined) f.push(value);
      return f;
    }),
    related: ds.flatMap((d) => (d.related ?? []).map((r) => [r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character, r.message] as Related)),
  };
}
const b = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const DN = 'dn: CN=x,DC=y\n';
const S = '\u00a7';
const CASES: [string, string, Finding[], Related[]?][] = [
  // dn:
  ['an empty dn: (the root of the directory) is not checked', 'dn: \ncn: x\n',
    []],
  ['an invalid dn: written base64: on the whole value, with the decoded text', `dn:: ${b('CN=x,DCy')}\ncn: x\n`,
    [["ldif.invalid-dn","error",0,5,0,17,"The dn: is not a valid distinguished name: \"DCy\" is not attribute=value (such as CN=Sales or OU=Staff). (base64, decoded: \"CN=x,DCy\") Correct the DN; escape special characters with a backslash."]]],
  // ESE parameters
  ['log buffers written in hexadecimal above 9000', `${DN}msExchESEParamLogBuffers: 0x2329\n`,
    [["ldif.log-buffers-set","information",1,0,1,24,"msExchESEParamLogBuffers is set. The Exchange Server 2003 Deployment Guide's list of Exchange 2000 tuning to remove says to clear it on Exchange 2003, but its own procedure sets 9000. Clear it unless you follow that procedure."],["ldif.log-buffers-too-high","error",1,26,1,32,"msExchESEParamLogBuffers is 9001: above 9000, which the Exchange Server 2003 Deployment Guide says can corrupt transaction log files. Use 9000 at most, or clear the attribute."]]],
  ['log buffers written base64 above 9000', `${DN}msExchESEParamLogBuffers:: ${b('9500')}\n`,
    [["ldif.log-buffers-set","information",1,0,1,24,"msExchESEParamLogBuffers is set. The Exchange Server 2003 Deployment Guide's list of Exchange 2000 tuning to remove says to clear it on Exchange 2003, but its own procedure sets 9000. Clear it unless you follow that procedure."],["ldif.log-buffers-too-high","error",1,27,1,35,"msExchESEParamLogBuffers is 9500 (base64, decoded: \"9500\"): above 9000, which the Exchange Server 2003 Deployment Guide says can corrupt transaction log files. Use 9000 at most, or clear the attribute."]]],
  ['log buffers that are no number: only the setting is reported', `${DN}msExchESEParamLogBuffers: many\n`,
    [["ldif.log-buffers-set","information",1,0,1,24,"msExchESEParamLogBuffers is set. The Exchange Server 2003 Deployment Guide's list of Exchange 2000 tuning to remove says to clear it on Exchange 2003, but its own procedure sets 9000. Clear it unless you follow that procedure."]]],
  ['log buffers given by a placeholder', `${DN}msExchESEParamLogBuffers: <n>\n`,
    [["ldif.log-buffers-set","information",1,0,1,24,"msExchESEParamLogBuffers is set. The Exchange Server 2003 Deployment Guide's list of Exchange 2000 tuning to remove says to clear it on Exchange 2003, but its own procedure sets 9000. Clear it unless you follow that procedure."],["ldif.template-placeholder","information",1,26,1,29,"This file is a template: msExchESEParamLogBuffers holds the placeholder <n>. Replace each with the real value before importing the file."]]],
  ['max open tables given by a placeholder', `${DN}msExchESEParamMaxOpenTables: \${T}\n`,
    [["ldif.max-open-tables-set","warning",1,0,1,27,"msExchESEParamMaxOpenTables should not be set on Exchange 2003, which computes it from the processor count. Clear it to <Not Set> unless Microsoft support told you otherwise, then restart the Information Store service."],["ldif.template-placeholder","information",1,29,1,33,"This file is a template: msExchESEParamMaxOpenTables holds the placeholder ${T}. Replace each with the real value before importing the file."]]],
  ['cache maximum written base64 below the minimum, with the size in MB', `${DN}msExchESEParamCacheSizeMax:: ${b('100000')}\n`,
    [["ldif.cache-size-max-too-low","warning",1,29,1,37,"msExchESEParamCacheSizeMax is 100000 (base64, decoded: \"100000\") pages of 4 KB (390.6 MB), below 147456 (576 MB), the minimum the Exchange Server Analyzer recommends. Raise it to 147456 or more, or clear it.","147456"]]],
  ['cache maximum negative, zero or no number: silent', `${DN}msExchESEParamCacheSizeMax: -5\n\ndn: CN=z,DC=y\nmsExchESEParamCacheSizeMax: 0\n\ndn: CN=w,DC=y\nmsExchESEParamCacheSizeMax: big\n`,
    []],
  ['cache maximum of a recommended value that is no multiple of 8192', `${DN}msExchESEParamCacheSizeMax: 219726\n`,
    []],
  ['cache maximum not a multiple of 8192', `${DN}msExchESEParamCacheSizeMax: 150000\n`,
    [["ldif.cache-size-max-not-multiple","information",1,28,1,34,"msExchESEParamCacheSizeMax 150000 is not a multiple of 8192 pages. The Exchange Server Analyzer allows multiples of 8192 and recommends 147456, 196608, 219726 or 229376; use one of those."]]],
  ['cache minimum set, with the size in MB', `${DN}msExchESEParamCacheSizeMin: 100000\n`,
    [["ldif.cache-size-min-set","information",1,0,1,26,"msExchESEParamCacheSizeMin is set (100000 pages of 4 KB, 390.6 MB). Exchange 2003 derives it from the server's memory and the Exchange Server Analyzer reports any value as non-default; clear it unless you chose it on purpose."]]],
  ['cache minimum negative or no number: silent', `${DN}msExchESEParamCacheSizeMin: -5\n\ndn: CN=z,DC=y\nmsExchESEParamCacheSizeMin: some\n`,
    []],
  // msExchInterOrgAddressType
  ['SMTP,X500 with blanks around it', `${DN}msExchInterOrgAddressType:  SMTP,X500 \n`,
    []],
  ['smtp and x500 in lower case with blanks', `${DN}msExchInterOrgAddressType:  smtp , x500 \n`,
    [["ldif.inter-org-address-type","information",1,28,1,40,"msExchInterOrgAddressType \"smtp , x500\" names SMTP and X500, but the Exchange Server 2003 Deployment Guide writes SMTP,X500 and documents no other spelling. Write SMTP,X500.","SMTP,X500"]]],
  ['SMTP, X500 and X400', `${DN}msExchInterOrgAddressType: SMTP,X500,X400\n`,
    [["ldif.inter-org-address-type","warning",1,27,1,41,"msExchInterOrgAddressType is \"SMTP,X500,X400\". The Exchange Server 2003 Deployment Guide assigns SMTP,X500 so that the connection agreement includes X500 addresses with replicated objects. Write SMTP,X500.","SMTP,X500"]]],
  ['SMTP twice', `${DN}msExchInterOrgAddressType: SMTP,SMTP\n`,
    [["ldif.inter-org-address-type","warning",1,27,1,36,"msExchInterOrgAddressType is \"SMTP,SMTP\". The Exchange Server 2003 Deployment Guide assigns SMTP,X500 so that the connection agreement includes X500 addresses with replicated objects. Write SMTP,X500.","SMTP,X500"]]],
  ['X500 with an empty entry', `${DN}msExchInterOrgAddressType: X500,,SMTP\n`,
    [["ldif.inter-org-address-type","information",1,27,1,37,"msExchInterOrgAddressType \"X500,,SMTP\" names SMTP and X500, but the Exchange Server 2003 Deployment Guide writes SMTP,X500 and documents no other spelling. Write SMTP,X500.","SMTP,X500"]]],
  ['a URL value', `${DN}msExchInterOrgAddressType:< file:///x\n`,
    []],
  // msExchMailboxFolderSet
  ['every feature (4294967295 and -1)', `${DN}msExchMailboxFolderSet: 4294967295\n\ndn: CN=z,DC=y\nmsExchMailboxFolderSet: -1\n`,
    []],
  ['no number', `${DN}msExchMailboxFolderSet: all\n`,
    [["ldif.undefined-folder-set-bits","warning",1,24,1,27,"msExchMailboxFolderSet is a bit mask of Outlook Web Access features, but \"all\" is not a number. Write the sum of the feature bits in decimal."]]],
  ['undefined bits in hexadecimal', `${DN}msExchMailboxFolderSet: 0x40000\n`,
    [["ldif.undefined-folder-set-bits","warning",1,24,1,31,"msExchMailboxFolderSet 0x40000 has bits no Outlook Web Access feature uses (0x40000); the feature bits are 0x1FFFF (4294967295 for all). Remove the undefined bits."]]],
  // msExchPreferredBackfillSource
  ['a GUID of 32 hexadecimal digits, a braced GUID, a DN, a URL and 16 bytes base64', `${DN}msExchPreferredBackfillSource: 0f2a3b4c1d2e3f405a6b7c8d9e0f1a2b\nmsExchPreferredBackfillSource: {0f2a3b4c-1d2e-3f40-5a6b-7c8d9e0f1a2b}\nmsExchPreferredBackfillSource: CN=S1,DC=y\nmsExchPreferredBackfillSource:< file:///x\nmsExchPreferredBackfillSource:: AAECAwQFBgcICQoLDA0ODw==\n`,
    []],
  ['base64 that is neither 16 bytes nor a GUID or DN', `${DN}msExchPreferredBackfillSource:: ${b('SERVER02')}\n`,
    [["ldif.invalid-backfill-source","warning",1,32,1,44,"msExchPreferredBackfillSource \"SERVER02\" (base64, decoded: \"SERVER02\") is neither a GUID nor a distinguished name. Exchange Server 2003 Distilled asks for the backfill server's GUID; the Exchange 2003 schema gives the attribute DN syntax."]]],
  ['an invalid DN', `${DN}msExchPreferredBackfillSource: CN=S1,,DC=y\n`,
    [["ldif.invalid-backfill-source","warning",1,31,1,42,"msExchPreferredBackfillSource \"CN=S1,,DC=y\" is neither a GUID nor a distinguished name. Exchange Server 2003 Distilled asks for the backfill server's GUID; the Exchange 2003 schema gives the attribute DN syntax."]]],
  ['a GUID with a digit missing', `${DN}msExchPreferredBackfillSource: 0f2a3b4c-1d2e-3f40-5a6b-7c8d9e0f1a2\n`,
    [["ldif.invalid-backfill-source","warning",1,31,1,66,"msExchPreferredBackfillSource \"0f2a3b4c-1d2e-3f40-5a6b-7c8d9e0f1a2\" is neither a GUID nor a distinguished name. Exchange Server 2003 Distilled asks for the backfill server's GUID; the Exchange 2003 schema gives the attribute DN syntax."]]],
  // protocolSettings
  ['a protocol name that only starts with MAPI', `${DN}protocolSettings: MAPIX${S}1\n`,
    []],
  ['a MAPI string in lower case with flags that are not 0 or 1', `${DN}protocolSettings: mapi${S}2${S}1${S}${S}${S}${S}${S}${S}\n`,
    [["ldif.invalid-mapi-protocol-setting","warning",1,18,1,32,`The MAPI string "mapi${S}2${S}1${S}${S}${S}${S}${S}${S}" in protocolSettings is malformed: the two fields after MAPI must each be 0 or 1. Exchange 2003 SP2 behaviour is then undefined. Write MAPI${S}<0|1>${S}<0|1>${S}${S}${S}${S}${S}${S}.`]]],
  ['a MAPI string with four separators: the fix writes the flags with eight', `${DN}protocolSettings: MAPI${S}0${S}1${S}${S}\n`,
    [["ldif.invalid-mapi-protocol-setting","warning",1,18,1,28,`The MAPI string "MAPI${S}0${S}1${S}${S}" in protocolSettings is malformed: it has 4 ${S} separators instead of 8. Exchange 2003 SP2 behaviour is then undefined. Write MAPI${S}<0|1>${S}<0|1>${S}${S}${S}${S}${S}${S}.`,`MAPI${S}0${S}1${S}${S}${S}${S}${S}${S}`]]],
  ['a MAPI string with one separator', `${DN}protocolSettings: MAPI${S}1\n`,
    [["ldif.invalid-mapi-protocol-setting","warning",1,18,1,24,`The MAPI string "MAPI${S}1" in protocolSettings is malformed: it has 1 ${S} separators instead of 8. Exchange 2003 SP2 behaviour is then undefined. Write MAPI${S}<0|1>${S}<0|1>${S}${S}${S}${S}${S}${S}.`]]],
  // msExchDynamicDLBaseDN
  ['an invalid base DN written base64', `${DN}msExchDynamicDLBaseDN:: ${b('OU=a,,DC=y')}\n`,
    [["ldif.invalid-base-dn","error",1,24,1,40,"msExchDynamicDLBaseDN must be the distinguished name of the container the group's filter searches: An empty RDN: two commas in a row, or a comma at the start or end. (base64, decoded: \"OU=a,,DC=y\") Correct the DN, such as OU=Staff,DC=contoso,DC=com."]]],
  ['a base DN given by a placeholder', `${DN}msExchDynamicDLBaseDN: <BaseDN>\n`,
    [["ldif.template-placeholder","information",1,23,1,31,"This file is a template: msExchDynamicDLBaseDN holds the placeholder <BaseDN>. Replace each with the real value before importing the file."]]],
  ['a base DN written as a URL', `${DN}msExchDynamicDLBaseDN:< file:///x\n`,
    []],
  // placeholders
  ['one placeholder', `${DN}description: \${B}\n`,
    [["ldif.template-placeholder","information",1,13,1,17,"This file is a template: description holds the placeholder ${B}. Replace each with the real value before importing the file."]]],
  ['two placeholders', 'dn: CN=<a>,DC=y\ndescription: ${B}\n',
    [["ldif.template-placeholder","information",0,7,0,10,"This file is a template: the dn: holds the placeholder <a> and 1 more placeholder. Replace each with the real value before importing the file."]]],
  ['three placeholders', 'dn: CN=<a>,DC=y\ndescription: ${B} ${C}\n',
    [["ldif.template-placeholder","information",0,7,0,10,"This file is a template: the dn: holds the placeholder <a> and 2 more placeholders. Replace each with the real value before importing the file."]]],
  ['a placeholder in a base64 value', `${DN}description:: ${b('${B}')}\n`,
    [["ldif.template-placeholder","information",1,14,1,22,"This file is a template: description holds the placeholder ${B}. Replace each with the real value before importing the file."]]],
  ['a filter that is a placeholder', `${DN}msExchDynamicDLFilter: <LDAP Filter>\n`,
    [["ldif.template-placeholder","information",1,23,1,36,"This file is a template: msExchDynamicDLFilter holds the placeholder <LDAP Filter>. Replace each with the real value before importing the file."]]],
  // the filter
  ['a filter problem with related positions, mapped into the value', `${DN}msExchDynamicDLFilter: (&(mailNickname=*)(|(!(cn=SystemMailbox{*}))(cn=x)\n`,
    [["ldapfilter.unbalanced-parentheses","error",1,41,1,43,"2 parentheses are never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add 2 \")\" at the end of the filter."]], [[1,23,1,24,"Also not closed"]]],
  ['a filter problem in a base64 value, on the whole value', `${DN}msExchDynamicDLFilter:: ${b('(&(mailNickname=*)(|(!(cn=SystemMailbox{*}))(cn=x)')}\n`,
    [["ldapfilter.unbalanced-parentheses","error",1,24,1,92,"2 parentheses are never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add 2 \")\" at the end of the filter. (in the base64 value of msExchDynamicDLFilter, decoded: \"(&(mailNickname=*)(|(!(cn=SystemMailbox{*}))(cn=x)\")"]], [[1,24,1,92,"Also not closed"]]],
  ['findings are sorted by line and column', `${DN}msExchESEParamMaxOpenTables: 1\nmsExchESEParamLogBuffers: 9001\nmsExchInterOrgAddressType: SMTP\n`,
    [["ldif.max-open-tables-set","warning",1,0,1,27,"msExchESEParamMaxOpenTables should not be set on Exchange 2003, which computes it from the processor count. Clear it to <Not Set> unless Microsoft support told you otherwise, then restart the Information Store service."],["ldif.log-buffers-set","information",2,0,2,24,"msExchESEParamLogBuffers is set. The Exchange Server 2003 Deployment Guide's list of Exchange 2000 tuning to remove says to clear it on Exchange 2003, but its own procedure sets 9000. Clear it unless you follow that procedure."],["ldif.log-buffers-too-high","error",2,26,2,30,"msExchESEParamLogBuffers is 9001: above 9000, which the Exchange Server 2003 Deployment Guide says can corrupt transaction log files. Use 9000 at most, or clear the attribute."],["ldif.inter-org-address-type","warning",3,27,3,31,"msExchInterOrgAddressType is \"SMTP\". The Exchange Server 2003 Deployment Guide assigns SMTP,X500 so that the connection agreement includes X500 addresses with replicated objects. Write SMTP,X500.","SMTP,X500"]]],
  // mutation-found branches
  ['values of add: blocks are checked', `${DN}changetype: modify\nadd: msExchESEParamLogBuffers\nmsExchESEParamLogBuffers: 9001\n-\n`,
    [["ldif.log-buffers-set","information",3,0,3,24,"msExchESEParamLogBuffers is set. The Exchange Server 2003 Deployment Guide's list of Exchange 2000 tuning to remove says to clear it on Exchange 2003, but its own procedure sets 9000. Clear it unless you follow that procedure."],["ldif.log-buffers-too-high","error",3,26,3,30,"msExchESEParamLogBuffers is 9001: above 9000, which the Exchange Server 2003 Deployment Guide says can corrupt transaction log files. Use 9000 at most, or clear the attribute."]]],
  ['a number with a trailing blank', `${DN}msExchESEParamLogBuffers: 9001 \n`,
    [["ldif.log-buffers-set","information",1,0,1,24,"msExchESEParamLogBuffers is set. The Exchange Server 2003 Deployment Guide's list of Exchange 2000 tuning to remove says to clear it on Exchange 2003, but its own procedure sets 9000. Clear it unless you follow that procedure."],["ldif.log-buffers-too-high","error",1,26,1,31,"msExchESEParamLogBuffers is 9001: above 9000, which the Exchange Server 2003 Deployment Guide says can corrupt transaction log files. Use 9000 at most, or clear the attribute."]]],
  ['cache maximum with text before or after the digits: silent', `${DN}msExchESEParamCacheSizeMax: x150000\n\ndn: CN=z,DC=y\nmsExchESEParamCacheSizeMax: 150000x\n\ndn: CN=w,DC=y\nmsExchESEParamCacheSizeMax: y0x25000\n\ndn: CN=v,DC=y\nmsExchESEParamCacheSizeMax: 0x25000y\n`,
    []],
  ['a placeholder with a trailing blank is a placeholder value', `${DN}msExchESEParamLogBuffers: <n> \n`,
    [["ldif.log-buffers-set","information",1,0,1,24,"msExchESEParamLogBuffers is set. The Exchange Server 2003 Deployment Guide's list of Exchange 2000 tuning to remove says to clear it on Exchange 2003, but its own procedure sets 9000. Clear it unless you follow that procedure."],["ldif.template-placeholder","information",1,26,1,29,"This file is a template: msExchESEParamLogBuffers holds the placeholder <n>. Replace each with the real value before importing the file."]]],
  ['a placeholder followed by text is no placeholder value', `${DN}msExchESEParamCacheSizeMax: <n> pages\n`,
    []],
  ['a dn: of a tab only is not checked', 'dn: \t\ncn: x\n',
    []],
  ['a base DN with a ${} placeholder inside: counted once', `${DN}msExchDynamicDLBaseDN: OU=\${X},DC=y\n`,
    [["ldif.template-placeholder","information",1,26,1,30,"This file is a template: msExchDynamicDLBaseDN holds the placeholder ${X}. Replace each with the real value before importing the file."]]],
  ['folder set bits with a trailing blank, undefined bits with hexadecimal letters', `${DN}msExchMailboxFolderSet: 655360 \n`,
    [["ldif.undefined-folder-set-bits","warning",1,24,1,31,"msExchMailboxFolderSet 655360 has bits no Outlook Web Access feature uses (0xA0000); the feature bits are 0x1FFFF (4294967295 for all). Remove the undefined bits."]]],
  ['a 16-byte base64 value written as text is no GUID', `${DN}msExchPreferredBackfillSource: AAECAwQFBgcICQoLDA0O+w==\n`,
    [["ldif.invalid-backfill-source","warning",1,31,1,55,"msExchPreferredBackfillSource \"AAECAwQFBgcICQoLDA0O+w==\" is neither a GUID nor a distinguished name. Exchange Server 2003 Distilled asks for the backfill server's GUID; the Exchange 2003 schema gives the attribute DN syntax."]]],
  ['16 bytes base64 with a trailing blank', `${DN}msExchPreferredBackfillSource:: AAECAwQFBgcICQoLDA0ODw== \n`,
    []],
  ['a braced GUID with a trailing blank', `${DN}msExchPreferredBackfillSource: {0f2a3b4c-1d2e-3f40-5a6b-7c8d9e0f1a2b} \n`,
    []],
  ['a backfill source that is invalid base64: only the base64 finding', `${DN}msExchPreferredBackfillSource:: A*\n`,
    [["ldif.invalid-base64","error",1,32,1,34,"The value after \"::\" is not valid base64 (only A-Z, a-z, 0-9, +, / and = padding, in groups of 4 characters). Correct the encoding, or write the value after a single colon if it is plain text."]]],
  ['an empty backfill source', `${DN}msExchPreferredBackfillSource: \n`,
    [["ldif.invalid-backfill-source","warning",1,31,1,31,"msExchPreferredBackfillSource \"\" is neither a GUID nor a distinguished name. Exchange Server 2003 Distilled asks for the backfill server's GUID; the Exchange 2003 schema gives the attribute DN syntax."]]],
  ['a malformed MAPI string with a trailing blank', `${DN}protocolSettings: MAPI${S}1 \n`,
    [["ldif.invalid-mapi-protocol-setting","warning",1,18,1,25,`The MAPI string "MAPI${S}1" in protocolSettings is malformed: it has 1 ${S} separators instead of 8. Exchange 2003 SP2 behaviour is then undefined. Write MAPI${S}<0|1>${S}<0|1>${S}${S}${S}${S}${S}${S}.`]]],
  ['a protocol name that only ends with MAPI', `${DN}protocolSettings: EXMAPI${S}1\n`,
    []],
  ['a first flag of two digits', `${DN}protocolSettings: MAPI${S}10${S}1${S}${S}${S}${S}${S}${S}\n`,
    [["ldif.invalid-mapi-protocol-setting","warning",1,18,1,33,`The MAPI string "MAPI${S}10${S}1${S}${S}${S}${S}${S}${S}" in protocolSettings is malformed: the two fields after MAPI must each be 0 or 1. Exchange 2003 SP2 behaviour is then undefined. Write MAPI${S}<0|1>${S}<0|1>${S}${S}${S}${S}${S}${S}.`]]],
  ['a second flag of two digits', `${DN}protocolSettings: MAPI${S}1${S}10${S}${S}${S}${S}${S}${S}\n`,
    [["ldif.invalid-mapi-protocol-setting","warning",1,18,1,33,`The MAPI string "MAPI${S}1${S}10${S}${S}${S}${S}${S}${S}" in protocolSettings is malformed: the two fields after MAPI must each be 0 or 1. Exchange 2003 SP2 behaviour is then undefined. Write MAPI${S}<0|1>${S}<0|1>${S}${S}${S}${S}${S}${S}.`]]],
  ['a wrong count with a first flag of two digits: no fix value', `${DN}protocolSettings: MAPI${S}10${S}1${S}${S}\n`,
    [["ldif.invalid-mapi-protocol-setting","warning",1,18,1,29,`The MAPI string "MAPI${S}10${S}1${S}${S}" in protocolSettings is malformed: it has 4 ${S} separators instead of 8. Exchange 2003 SP2 behaviour is then undefined. Write MAPI${S}<0|1>${S}<0|1>${S}${S}${S}${S}${S}${S}.`]]],
  ['a wrong count with a second flag of two digits: no fix value', `${DN}protocolSettings: MAPI${S}1${S}10${S}${S}\n`,
    [["ldif.invalid-mapi-protocol-setting","warning",1,18,1,29,`The MAPI string "MAPI${S}1${S}10${S}${S}" in protocolSettings is malformed: it has 4 ${S} separators instead of 8. Exchange 2003 SP2 behaviour is then undefined. Write MAPI${S}<0|1>${S}<0|1>${S}${S}${S}${S}${S}${S}.`]]],
];

describe('ldif: every branch of the checks, with all findings', () => {
  for (const [title, text, findings, related] of CASES) {
    it(title, () => {
      assert.deepStrictEqual(all(text), { findings, related: related ?? [] });
    });
  }

  it('the filter is checked with the forest\'s settings (an attribute added to the global catalog)', () => {
    const text = `${DN}msExchDynamicDLFilter: (&(mailNickname=*)(!(cn=SystemMailbox{*}))(employeeType=Full))\n`;
    const codes = (options?: Parameters<typeof ldifLanguage.validate>[1]): string[] => ldifLanguage.validate(ldifLanguage.parse(text), options).map((d) => d.code);
    assert.deepStrictEqual(codes(), ['ldapfilter.attribute-not-in-gc']);
    assert.deepStrictEqual(codes(context({ extraGcAttributes: ['employeeType'] })), []);
  });
});
