/** The Exchange 2000/2003 memory rules (event 9665; external-facts §2, seed 001:1672-1698). */
import * as assert from 'assert';
import { bootIni, codes, context, diagAt, ENTRY, noCode, one, PATH, W2000AS, W2000S, W2003 } from '../../../helpers/bootini';

const AT = W2003.length + 1;
const entry = (switches: string, description = W2003): string => bootIni(`${description} ${switches}`.trimEnd());
const MAILBOX = context({ role: 'mailbox' });

describe('bootini: Exchange memory rules', () => {
  describe('3gb-without-userva', () => {
    it('fires on /3GB without /USERVA on Windows Server 2003, naming event 9665 and 1 GB of RAM', () => {
      const d = diagAt(entry('/fastdetect /3GB'), 'bootini.3gb-without-userva', ENTRY, AT + 12, AT + 16);
      assert.match(d.message, /event 9665/);
      assert.match(d.message, /\/USERVA=3030/);
      assert.match(d.message, /1 GB of RAM or more/);
      assert.strictEqual(d.severity, 'warning');
    });

    it('takes Windows Server 2003 from the settings when the description names no version', () => {
      const plain = `${PATH}="Mail server"`;
      noCode(entry('/3GB', plain), 'bootini.3gb-without-userva');
      one(entry('/3GB', plain), 'bootini.3gb-without-userva', context({ windowsVersion: '2003' }));
    });

    it('is silent with /USERVA, on Windows 2000, on Windows XP and for Exchange 2000', () => {
      noCode(entry('/fastdetect /3GB /USERVA=3030'), 'bootini.3gb-without-userva');
      noCode(entry('/fastdetect /3GB', W2000AS), 'bootini.3gb-without-userva');
      noCode(entry('/fastdetect /3GB', `${PATH}="Microsoft Windows XP Professional"`), 'bootini.3gb-without-userva');
      noCode(entry('/fastdetect /3GB'), 'bootini.3gb-without-userva', context({ exchangeVersion: '2000' }));
    });
  });

  describe('userva-outside-exchange-range', () => {
    it('fires on /USERVA between 2048 and 3072 but outside 2970-3030, naming the range and event 9665', () => {
      const d = diagAt(entry('/3GB /USERVA=2900'), 'bootini.userva-outside-exchange-range', ENTRY, AT + 13, AT + 17);
      assert.match(d.message, /2970-3030/);
      assert.match(d.message, /event 9665/);
      assert.match(d.message, /Set \/USERVA=3030/);
      one(entry('/3GB /USERVA=3072'), 'bootini.userva-outside-exchange-range');
      one(entry('/3GB /USERVA=2969'), 'bootini.userva-outside-exchange-range');
      // Version unknown: /USERVA exists only on XP and Server 2003, so the entry is taken for Server 2003.
      one(entry('/3GB /USERVA=2900', `${PATH}="Mail server"`), 'bootini.userva-outside-exchange-range');
    });

    it('is silent within 2970-3030, outside Windows\' range (an error there), without /3GB and for Exchange 2000', () => {
      for (const v of ['2970', '3000', '3030']) noCode(entry(`/3GB /USERVA=${v}`), 'bootini.userva-outside-exchange-range');
      assert.deepStrictEqual(codes(entry('/3GB /USERVA=3100')), ['bootini.switch-value-out-of-range']);
      assert.deepStrictEqual(codes(entry('/USERVA=2900')), ['bootini.switch-ignored']);
      noCode(entry('/3GB /USERVA=2900'), 'bootini.userva-outside-exchange-range', context({ exchangeVersion: '2000' }));
    });
  });

  describe('3gb-on-front-end', () => {
    it('fires on /3GB when the role is front-end, instead of the /USERVA rules', () => {
      const text = entry('/fastdetect /3GB');
      const front = context({ role: 'front-end' });
      const d = diagAt(text, 'bootini.3gb-on-front-end', ENTRY, AT + 12, AT + 16, front);
      assert.match(d.message, /front-end/);
      assert.deepStrictEqual(codes(text, front), ['bootini.3gb-on-front-end']);
      assert.deepStrictEqual(codes(entry('/3GB /USERVA=2900'), front), ['bootini.3gb-on-front-end']);
    });

    it('is silent on other roles and without /3GB', () => {
      noCode(entry('/fastdetect /3GB /USERVA=3030'), 'bootini.3gb-on-front-end', MAILBOX);
      noCode(entry('/fastdetect'), 'bootini.3gb-on-front-end', context({ role: 'front-end' }));
    });
  });

  describe('3gb-on-windows-2000-server', () => {
    it('fires on /3GB on Windows 2000 Server', () => {
      const d = diagAt(entry('/fastdetect /3GB', W2000S), 'bootini.3gb-on-windows-2000-server', ENTRY, W2000S.length + 13, W2000S.length + 17);
      assert.match(d.message, /not supported/);
      assert.match(d.message, /Advanced Server/);
    });

    it('is silent on Advanced Server, Datacenter Server and Windows Server 2003', () => {
      noCode(entry('/fastdetect /3GB', W2000AS), 'bootini.3gb-on-windows-2000-server');
      noCode(entry('/fastdetect /3GB', `${PATH}="Microsoft Windows 2000 Datacenter Server"`), 'bootini.3gb-on-windows-2000-server');
      noCode(entry('/fastdetect /3GB /USERVA=3030'), 'bootini.3gb-on-windows-2000-server');
    });
  });

  describe('pae-with-3gb-on-windows-2000', () => {
    it('fires on /PAE together with /3GB on Windows 2000', () => {
      const d = diagAt(entry('/3GB /PAE', W2000AS), 'bootini.pae-with-3gb-on-windows-2000', ENTRY, W2000AS.length + 6, W2000AS.length + 10);
      assert.match(d.message, /4 GB/);
    });

    it('is silent on Windows Server 2003 and without /3GB', () => {
      noCode(entry('/3GB /USERVA=3030 /PAE'), 'bootini.pae-with-3gb-on-windows-2000');
      noCode(entry('/PAE', W2000AS), 'bootini.pae-with-3gb-on-windows-2000');
    });
  });

  describe('missing-3gb', () => {
    it('fires on the default entry of a mailbox or public-folder server without /3GB, saying it needs 1 GB of RAM', () => {
      const d = diagAt(entry('/fastdetect'), 'bootini.missing-3gb', ENTRY, 0, PATH.length, MAILBOX);
      assert.match(d.message, /mailbox server/);
      assert.match(d.message, /1 GB of RAM or more/);
      assert.match(d.message, /\/3GB \/USERVA=3030/);
      one(entry('/fastdetect'), 'bootini.missing-3gb', context({ role: 'public-folder' }));
      const w2000 = one(entry('/fastdetect', W2000AS), 'bootini.missing-3gb', MAILBOX).message;
      assert.match(w2000, /Advanced Server and Datacenter Server only/);
      // On Windows 2000 Advanced Server both documents agree that the Exchange 2003 store logs event 9665.
      assert.match(w2000, /event 9665/);
    });

    it('claims event 9665 on Windows Server 2003 nowhere: What\'s New and the Exchange Server Analyzer disagree there', () => {
      const d = one(entry('/fastdetect'), 'bootini.missing-3gb', MAILBOX);
      assert.doesNotMatch(d.message, /9665/);
      assert.doesNotMatch(d.message, /576|896/);
    });

    it('with Exchange 2000 configured: names KB 266096, not the Exchange 2003 cache sizes or event 9665, and asks for /3GB only', () => {
      const e2000 = context({ role: 'mailbox', exchangeVersion: '2000' });
      const d = one(entry('/fastdetect', W2000AS), 'bootini.missing-3gb', e2000);
      assert.match(d.message, /KB 266096/);
      assert.match(d.message, /Exchange 2000/);
      assert.doesNotMatch(d.message, /9665|576|896|USERVA|Exchange 2003/);
      const fixes = (d.data as { fixes: { title: string }[] }).fixes.map((f) => f.title);
      assert.deepStrictEqual(fixes, ['Add /3GB (Windows 2000 Advanced Server or Datacenter Server)']);
      // Version unknown: Exchange 2000 runs on Windows 2000 only, so only /3GB is offered.
      const plain = one(entry('/fastdetect', `${PATH}="Mail server"`), 'bootini.missing-3gb', e2000);
      assert.deepStrictEqual((plain.data as { fixes: { title: string }[] }).fixes.length, 1);
      // No source covers Exchange 2000 on Windows Server 2003: nothing to say.
      noCode(entry('/fastdetect'), 'bootini.missing-3gb', e2000);
    });

    it('checks only the entry that starts by default (or the first Windows entry when default= names none)', () => {
      const two = bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`, `${PATH}="Windows Server 2003, Enterprise (safe mode)" /safeboot:minimal`);
      noCode(two, 'bootini.missing-3gb', MAILBOX);
      const otherDefault = bootIni(`${W2003} /fastdetect`, `multi(0)disk(0)rdisk(1)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect /3GB /USERVA=3030`).replace(
        `default=${PATH}`,
        'default=multi(0)disk(0)rdisk(1)partition(1)\\WINDOWS',
      );
      noCode(otherDefault, 'bootini.missing-3gb', MAILBOX);
      const noDefault = bootIni(`${W2003} /fastdetect`).replace(`default=${PATH}\r\n`, '');
      one(noDefault, 'bootini.missing-3gb', MAILBOX);
    });

    it('is silent without a mailbox or public-folder role, on Windows 2000 Server and XP, and with /3GB', () => {
      noCode(entry('/fastdetect'), 'bootini.missing-3gb');
      for (const role of ['front-end', 'bridgehead', 'rpc-proxy'] as const) noCode(entry('/fastdetect'), 'bootini.missing-3gb', context({ role }));
      noCode(entry('/fastdetect', W2000S), 'bootini.missing-3gb', MAILBOX);
      noCode(entry('/fastdetect', `${PATH}="Microsoft Windows XP Professional"`), 'bootini.missing-3gb', MAILBOX);
      noCode(entry('/fastdetect /3GB /USERVA=3030'), 'bootini.missing-3gb', MAILBOX);
    });

    it('uses the configured memory: silent below 1 GB, and says how much the server has', () => {
      noCode(entry('/fastdetect'), 'bootini.missing-3gb', context({ role: 'mailbox', memoryMB: 512 }));
      assert.match(one(entry('/fastdetect'), 'bootini.missing-3gb', context({ role: 'mailbox', memoryMB: 4096 })).message, /has 4096 MB of RAM/);
      assert.match(one(entry('/fastdetect'), 'bootini.missing-3gb', MAILBOX).message, /With less than 1 GB of RAM, leave it off/);
    });
  });

  it('the sample boot.ini from the Exchange 2000 upgrade reports /3GB without /USERVA and /USERVA=3100', () => {
    // examples/exchange2000-upgrade/boot.ini, inline.
    const text = [
      '[boot loader]',
      'timeout=30',
      'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS',
      '[operating systems]',
      'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect /3GB',
      'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise (debug)" /fastdetect /3GB /USERVA=3100 /debug /debugport=com1 /baudrate=115200',
      'C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons',
      '',
    ].join('\r\n');
    assert.deepStrictEqual(codes(text, MAILBOX), ['bootini.3gb-without-userva', 'bootini.switch-value-out-of-range']);
  });
});
