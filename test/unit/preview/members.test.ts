import * as assert from 'assert';
import { LdapFilterDocument } from '../../../server/src/languages/ldapfilter/parse';
import { Directory, previewFilter } from '../../../server/src/preview';
import { membersMarkdown } from '../../../server/src/preview/members';
import { internalReferences } from '../../helpers/userText';

const EXPORT = [
  'dn: CN=Smith\\, Ann|Sales,OU=Sales,DC=contoso,DC=com',
  'objectClass: top',
  'objectClass: person',
  'objectClass: organizationalPerson',
  'objectClass: user',
  'displayName: Ann *Smith* <Sales>',
  'mail: ann@contoso.com',
  'mailNickname: ann',
  'department: Sales',
  '',
  'dn: CN=Room 1,OU=Sales,DC=contoso,DC=com',
  'objectClass: contact',
  'department: Sales',
  '',
].join('\n');

describe('preview: the member list of the editor', () => {
  const dir = Directory.parse(EXPORT);

  it('lists display name, mail, DN and the most specific object class, one row per member, markdown escaped', () => {
    const md = membersMarkdown(previewFilter(LdapFilterDocument.parse('(department=Sales)'), dir), 'recipients.ldf', 'CN=Sales,OU=Groups,DC=contoso,DC=com');
    const lines = md.split('\n');
    assert.strictEqual(lines[0], '# Query-based group preview: CN=Sales,OU=Groups,DC=contoso,DC=com');
    assert.ok(md.includes('The filter matches 2 of the 2 objects read from recipients.ldf.'), md);
    assert.ok(lines.includes('| Ann \\*Smith\\* \\<Sales\\> | ann@contoso.com | CN=Smith\\\\, Ann\\|Sales,OU=Sales,DC=contoso,DC=com | user |'), md);
    // No displayName or mail in the export: empty cells.
    assert.ok(lines.includes('|  |  | CN=Room 1,OU=Sales,DC=contoso,DC=com | contact |'), md);
    assert.deepStrictEqual(internalReferences(md), []);
  });

  it('has no table when nobody matches, and says so', () => {
    const md = membersMarkdown(previewFilter(LdapFilterDocument.parse('(department=IT)'), dir), 'recipients.ldf');
    assert.ok(md.startsWith('# Query-based group preview\n'), md);
    assert.ok(md.includes('The filter matches 0 of the 2 objects read from recipients.ldf.'), md);
    assert.ok(!md.includes('| DN |'));
  });
});
