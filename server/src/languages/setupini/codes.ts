import { defineCodes } from '../../core/codes';

/**
 * Every diagnostic the Setup answer-file language (setupini) reports. Codes are permanent; each has its page in docs/codes/<code>.md. Keys and values come from server/data/catalog/setup-keys.json (external-facts §4.2: the Exchange 4.0/5.5
 * batch Setup.ini); the Exchange 2000/2003 rules from seed-facts §4 (S1, S2, S12, S13). Summaries are shown to users
 * (SARIF rule help): they name KB articles and public documents only.
 */
defineCodes({
  // Structure
  'setupini.outside-section': { severity: 'warning', summary: 'A setting or other text before the first [section] header; Setup reads nothing outside a section.' },
  'setupini.invalid-line': { severity: 'warning', summary: 'A line that is neither a comment, a [section] header nor a key=value setting (or a header without its closing bracket).' },
  'setupini.duplicate-section': { severity: 'warning', summary: 'A section appears a second time; the sources do not say whether Setup reads the first, the last or both.' },
  'setupini.duplicate-key': { severity: 'warning', summary: 'A key set twice in the same section; Setup uses only one of the values, and the sources do not say which.' },
  // Catalog
  'setupini.unknown-section': { severity: 'hint', summary: 'A section of an Exchange 4.0/5.5 batch Setup.ini that is not in the catalog (often a misspelling). Exchange 2000/2003 answer files are not checked section by section: their format is not documented in the sources.' },
  'setupini.unknown-key': { severity: 'hint', summary: 'A key of a catalogued Exchange 5.5 section that is not in the catalog (often a misspelling).' },
  // Values
  'setupini.plain-text-secret': { severity: 'warning', summary: 'A password or credential stored in plain text in the answer file.' },
  'setupini.invalid-product-key': { severity: 'error', summary: 'A product key of the wrong form: pid of 13 characters or cdkey XXX-XXXXXXX (Exchange 5.5, KB 188625); 25 characters for a key named like a product key in other answer files (Exchange 2003).' },
  'setupini.invalid-organization-name': { severity: 'error', summary: 'An organization name that breaks the rules of the Exchange Server 2003 Deployment Guide: 1 to 63 characters, only A-Z, a-z, 0-9, space and hyphen.' },
  'setupini.invalid-path': { severity: 'warning', summary: 'An installation path without a drive letter (X:\\...) or with characters Windows does not allow in paths.' },
  'setupini.invalid-boolean': { severity: 'error', summary: 'An Exchange 4.0/5.5 key that takes True or False has another value.' },
  'setupini.proxy-name-too-long': { severity: 'error', summary: 'An Exchange 4.0/5.5 SiteProxyName or OrganizationProxyName longer than 10 characters (KB 198898).' },
  // Required combinations (Exchange 5.5)
  'setupini.missing-required-key': { severity: 'error', summary: 'An Exchange 4.0/5.5 key another setting requires is missing: AccountName for a new site (KB 168490, KB 188625); PerServerUsers for PerServer=True (KB 168490 only, so a warning).' },
  'setupini.no-license-mode': { severity: 'warning', summary: 'Services=True, but neither PerSeat nor PerServer is True in [Licensing] (a rule of the Exchange 4.0 article, KB 168490).' },
  // Setup command line (the "Check setup command line" command)
  'setupini.cmd-unknown-switch': { severity: 'error', summary: 'A Setup switch that is not documented (often a misspelling); Setup ignores it silently and starts a manual setup (Exchange Server 2003 Deployment Guide).' },
  'setupini.cmd-missing-argument': { severity: 'error', summary: '/createunattend or /unattendfile without a file name, or /ChooseDC without a domain controller name.' },
  'setupini.cmd-invalid-argument': { severity: 'error', summary: 'The /ChooseDC argument is not a fully qualified domain name (it needs at least one dot).' },
  'setupini.cmd-stray-argument': { severity: 'warning', summary: 'A word on the Setup command line that is neither a switch nor the argument of one.' },
});
