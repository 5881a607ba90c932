import { defineCodes } from '../../core/codes';

/**
 * Every diagnostic the LDAP filter language (query-based distribution group filters, Exchange 2003) reports. Codes
 * are permanent; each has its page in docs/codes/<code>.md. Syntax rules: RFC 2254/4515 and the Active Directory parser
 * (external-facts §5.4); attribute flags: server/data/catalog/ldap-attributes.json (exchange-schema-facts); the
 * Exchange rules: seed-facts §5 (Q7, Q8, Q10, Q12-Q14) and external-facts §5.2-5.3.
 */
defineCodes({
  // Syntax: the global catalog refuses to run the query (NDR 5.2.4, events 6024/6025)
  'ldapfilter.empty-filter': { severity: 'error', summary: 'The file holds no filter, or a pair of parentheses holds nothing.' },
  'ldapfilter.unbalanced-parentheses': { severity: 'error', summary: 'A parenthesis is not closed, or a closing parenthesis has no opening one.' },
  'ldapfilter.unexpected-text': { severity: 'error', summary: 'Text outside the filter: before its opening parenthesis, after its closing one, or a second filter.' },
  'ldapfilter.empty-operator': { severity: 'error', summary: '&, | or ! with no condition after it.' },
  'ldapfilter.not-several-operands': { severity: 'error', summary: '! with more than one condition (NOT takes exactly one).' },
  'ldapfilter.invalid-item': { severity: 'error', summary: 'A condition that is not attribute, operator (=, ~=, >=, <=, :rule:=) and value: no attribute, no operator, a strict > or <, or an invalid attribute name.' },
  'ldapfilter.unparenthesized-item': { severity: 'error', summary: 'A condition of & or | (or the whole filter) without its own parentheses.' },
  'ldapfilter.aduc-short-not': { severity: 'warning', summary: 'The short form (!cn=...) without inner parentheses: Active Directory accepts it, RFC 2254 tools may not.' },
  'ldapfilter.invalid-escape': { severity: 'error', summary: 'A backslash in a value that is not followed by two hexadecimal digits.' },
  'ldapfilter.unescaped-character': { severity: 'error', summary: 'A parenthesis, a * where no wildcard is allowed, a NUL or a line break inside a value, where it must be escaped (\\28, \\29, \\2a, \\00).' },
  // Matching rules
  'ldapfilter.unsupported-matching-rule': { severity: 'error', summary: 'A matching rule Active Directory on Windows 2000/2003 does not support (only 1.2.840.113556.1.4.803 and .804; .1941 needs Windows Server 2008).' },
  'ldapfilter.bitwise-value-not-decimal': { severity: 'error', summary: 'The value of a bitwise matching rule (.803, .804) is not a decimal number.' },
  // Attributes
  'ldapfilter.unknown-attribute': { severity: 'warning', summary: 'An attribute the catalog of recipient attributes does not know (often a misspelling; did-you-mean).' },
  'ldapfilter.attribute-not-in-gc': { severity: 'warning', summary: 'An attribute that is not in the global catalog of an Exchange 2003 forest, where the categorizer runs the query: a condition on it finds no value (for memberOf the outcome is not established).' },
  'ldapfilter.unindexed-attribute': { severity: 'information', summary: 'An attribute that is not indexed, with no indexed condition ANDed with it: the global catalog may examine every object in the search base at each expansion.' },
  'ldapfilter.wildcard-not-allowed': { severity: 'warning', summary: 'A * wildcard on an attribute whose syntax has no substring matching (DN, Boolean, integer, OID, SID, time).' },
  // Exchange recipient rules
  'ldapfilter.top-level-or': { severity: 'information', summary: 'The filter is an OR at the top level; ESM builds AND queries only: one query-based group per condition inside a standard group.' },
  'ldapfilter.missing-mailnickname': { severity: 'warning', summary: 'Nothing in the filter limits it to Exchange recipients (such as mailNickname, homeMDB, msExchHomeServerName or targetAddress): the query can return objects that are not recipients.' },
  'ldapfilter.missing-systemmailbox-exclusion': { severity: 'information', summary: 'Nothing in the filter excludes the stores\' system mailboxes (SystemMailbox{GUID} users), for example (!(cn=SystemMailbox{*})).' },
  // Limits of the checks themselves
  'ldapfilter.file-too-large': { severity: 'information', summary: 'The file is larger than the checks read (4 MB): nothing in it is checked.' },
  // Preview against a directory export (server/src/preview/diagnostics.ts)
  'ldapfilter.preview-matches-nobody': { severity: 'warning', summary: 'With a directory export (--directory, exchangeConfig.directoryExport): no object of the directory export matches the filter, so the group has no members.', needsOtherFiles: true },
  'ldapfilter.preview-not-mail-enabled': { severity: 'warning', summary: 'With a directory export (--directory, exchangeConfig.directoryExport): the filter matches objects without mailNickname, which are not Exchange recipients.', needsOtherFiles: true },
  'ldapfilter.preview-attribute-unused': { severity: 'information', summary: 'With a directory export (--directory, exchangeConfig.directoryExport): a condition on an attribute that no object of the directory export holds.', needsOtherFiles: true },
});
