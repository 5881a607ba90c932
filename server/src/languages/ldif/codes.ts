import { defineCodes } from '../../core/codes';

/**
 * Every diagnostic the LDIF language (ldifde exports and imports, RFC 2849) reports. Codes are permanent; the README
 * has one section per code. Values of msExchDynamicDLFilter are checked by the LDAP filter language and keep its
 * ldapfilter.* codes. Exchange rules: seed-facts §2.2 (001:1801-1824; 004:1724-1730, 1864-1978; 003:93-120, 400-409)
 * and external-facts §3.1 and §5.1.
 */
defineCodes({
  // RFC 2849 syntax
  'ldif.missing-colon': { severity: 'error', summary: 'A line that is not a comment, a continuation, a blank line or "-" and has no colon: it is not an attribute line.' },
  'ldif.invalid-attribute-name': { severity: 'error', summary: 'An attribute name that is neither a name (letter, then letters, digits, -) nor a numeric OID, optionally with ;options.' },
  'ldif.invalid-base64': { severity: 'error', summary: 'A value after "::" that is not valid base64 (characters outside A-Z a-z 0-9 + / =, or a length that is not a multiple of 4).' },
  'ldif.missing-dn': { severity: 'error', summary: 'A record that does not start with a dn: line.' },
  'ldif.invalid-dn': { severity: 'error', summary: 'The dn: of a record is not a valid distinguished name (RFC 4514: attribute=value pairs separated by commas, special characters escaped).' },
  'ldif.invalid-changetype': { severity: 'error', summary: 'changetype: is not add, delete, modify, modrdn or moddn, or does not follow the dn: line.' },
  'ldif.invalid-modify-line': { severity: 'error', summary: 'In a changetype: modify record, a line outside an add:/delete:/replace: block, or a block whose values name another attribute.' },
  'ldif.unterminated-modify-block': { severity: 'error', summary: 'An add:/delete:/replace: block of a modify record without the "-" line that ends it.' },
  // Exchange attributes
  'ldif.invalid-base-dn': { severity: 'error', summary: 'msExchDynamicDLBaseDN (the container a query-based distribution group searches) is not a valid distinguished name.' },
  'ldif.log-buffers-too-high': { severity: 'error', summary: 'msExchESEParamLogBuffers above 9000, which can corrupt transaction log files.' },
  'ldif.log-buffers-set': { severity: 'information', summary: 'msExchESEParamLogBuffers is set: manual tuning from Exchange 2000; on Exchange 2003 clear it (<Not Set>).' },
  'ldif.max-open-tables-set': { severity: 'warning', summary: 'msExchESEParamMaxOpenTables is set: Exchange 2003 computes it and it should not be set; clear it (<Not Set>).' },
  'ldif.undefined-folder-set-bits': { severity: 'warning', summary: 'msExchMailboxFolderSet has bits no Outlook Web Access feature uses (same bits as DefaultMailboxFolderSet), or is not a number.' },
  'ldif.invalid-backfill-source': { severity: 'warning', summary: 'msExchPreferredBackfillSource is not a GUID (of the preferred backfill server or its public folder store; the source is ambiguous).' },
});
