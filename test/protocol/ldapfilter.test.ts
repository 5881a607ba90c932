import * as assert from 'assert';
import { TestClient } from './client';

const URI = 'file:///tmp/ldap-test/marketing.ldapfilter';
const TEXT = '# Marketing\r\n(&(mailNickname=*)(!(cn=SystemMailbox{*}))(|(department=Marketing)(department=Sales)))\r\n';

describe('protocol: LDAP filter formatting and one-line form', function () {
  this.timeout(20000);
  let client: TestClient;

  before(async () => {
    client = TestClient.start('stdio');
    const init = await client.initialize({});
    assert.strictEqual(init.capabilities.documentFormattingProvider, true);
    await client.open(URI, TEXT, 'ldapfilter');
  });

  after(async () => {
    await client.stop();
  });

  it('formats the filter as an indented tree', async () => {
    const edits = (await client.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri: URI },
      options: { tabSize: 2, insertSpaces: true },
    })) as { newText: string; range: { end: { line: number } } }[];
    assert.strictEqual(edits.length, 1);
    assert.strictEqual(
      edits[0].newText,
      ['# Marketing', '(&', '  (mailNickname=*)', '  (!(cn=SystemMailbox{*}))', '  (|', '    (department=Marketing)', '    (department=Sales)', '  )', ')', ''].join('\r\n'),
    );
  });

  it('answers the one-line form for ADSI Edit, and null for a broken filter', async () => {
    const result = (await client.connection.sendRequest('workspace/executeCommand', { command: 'exchangeConfig.server.oneLine', arguments: [{ uri: URI }] })) as { text: string | null };
    assert.strictEqual(result.text, '(&(mailNickname=*)(!(cn=SystemMailbox{*}))(|(department=Marketing)(department=Sales)))');
    const broken = 'file:///tmp/ldap-test/broken.ldapfilter';
    await client.open(broken, '(&(mailNickname=*)', 'ldapfilter');
    const none = (await client.connection.sendRequest('workspace/executeCommand', { command: 'exchangeConfig.server.oneLine', arguments: [{ uri: broken }] })) as { text: string | null };
    assert.strictEqual(none.text, null);
  });
});
