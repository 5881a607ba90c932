import { defineCodes } from '../../core/codes';

/**
 * Every diagnostic the LDIF language (ldifde exports and imports, RFC 2849) reports. Codes are permanent; each has its page in
 * docs/codes/<code>.md. Values of msExchDynamicDLFilter are checked by the LDAP filter language and keep its
 * ldapfilter.* codes. Where the Exchange rules come from (internal evidence, never shown to users): seed-facts §2.2
 * (001:1801-1824, 001:501-534; 004:1724-1730, 1864-1978, 3306-3310; 003:93-120, 400-409), external-facts §3.1 and
 * §5.1, exchange-schema-facts (OC-A: ms-Exch-Preferred-Backfill-Source has syntax 2.5.5.1).
 */
defineCodes({
  // RFC 2849 syntax
  'ldif.missing-colon': { severity: 'error', summary: 'A line that is not a comment, a continuation, a blank line or "-" and has no colon: it is not an attribute line.' },
  'ldif.invalid-attribute-name': { severity: 'error', summary: 'An attribute name that is neither a name (letter, then letters, digits, -) nor a numeric OID, optionally with ;options.' },
  'ldif.invalid-base64': { severity: 'error', summary: 'A value after "::" that is not valid base64 (characters outside A-Z a-z 0-9 + / =, or a length that is not a multiple of 4).' },
  'ldif.missing-dn': { severity: 'error', summary: 'A record that does not start with a dn: line.' },
  'ldif.invalid-dn': { severity: 'error', summary: 'The dn: of a record is not a valid distinguished name (RFC 4514: attribute=value pairs separated by commas, special characters escaped).' },
  'ldif.invalid-changetype': { severity: 'error', summary: 'changetype: is not add, delete, modify, modrdn or moddn (or one of ldifde\'s ntdsSchema* change types), or does not follow the dn: line.' },
  'ldif.invalid-modify-line': { severity: 'error', summary: 'In a changetype: modify record, a line outside an add:/delete:/replace: block, or a block whose values name another attribute.' },
  'ldif.unterminated-modify-block': { severity: 'error', summary: 'An add:/delete:/replace: block of a modify record without the "-" line that ends it.' },
  'ldif.blank-line-with-spaces': { severity: 'warning', summary: 'A line holding only spaces where a record ends: RFC 2849 reads it as a continuation of the line above, not as the empty line that separates records.' },
  'ldif.template-placeholder': { severity: 'information', summary: 'The file is a template: a DN or value holds a placeholder such as <ParentDN> or ${CONFIGDN}, which must be replaced before the file is imported. Reported once per file.' },
  // Exchange attributes
  'ldif.invalid-base-dn': { severity: 'error', summary: 'msExchDynamicDLBaseDN (the container a query-based distribution group searches) is not a valid distinguished name.' },
  'ldif.log-buffers-too-high': { severity: 'error', summary: 'msExchESEParamLogBuffers above 9000, which the Exchange Server 2003 Deployment Guide says can corrupt transaction log files.' },
  'ldif.log-buffers-set': { severity: 'information', summary: 'msExchESEParamLogBuffers is set: Exchange 2000 tuning that the Exchange 2003 documents say to clear, although the Deployment Guide\'s own procedure sets 9000.' },
  'ldif.max-open-tables-set': { severity: 'warning', summary: 'msExchESEParamMaxOpenTables is set: Exchange 2003 computes it and it should not be set; clear it (<Not Set>).' },
  'ldif.undefined-folder-set-bits': { severity: 'warning', summary: 'msExchMailboxFolderSet has bits no Outlook Web Access feature uses (same bits as DefaultMailboxFolderSet), or is not a number.' },
  'ldif.invalid-backfill-source': { severity: 'warning', summary: 'msExchPreferredBackfillSource is neither a GUID nor a distinguished name (the documents disagree on which of the two it takes).' },
  'ldif.cache-size-max-too-low': { severity: 'warning', summary: 'msExchESEParamCacheSizeMax (ESE database cache, in 4 KB pages) below 147456 (576 MB), the recommended minimum.' },
  'ldif.cache-size-max-not-multiple': { severity: 'information', summary: 'msExchESEParamCacheSizeMax is not a multiple of 8192 pages and not one of the recommended values.' },
  'ldif.cache-size-min-set': { severity: 'information', summary: 'msExchESEParamCacheSizeMin is set: Exchange 2003 derives it from the server\'s memory, and the Exchange Server Analyzer reports any value as non-default.' },
  'ldif.invalid-mapi-protocol-setting': { severity: 'warning', summary: 'A MAPI string in protocolSettings that is not MAPI§<0|1>§<0|1>§§§§§§ (eight § separators, nine fields); Exchange 2003 SP2 behaviour is then undefined.' },
  'ldif.inter-org-address-type': { severity: 'warning', summary: 'msExchInterOrgAddressType is not SMTP,X500, the value the Deployment Guide assigns so that the connection agreement includes X500 addresses.' },
});
