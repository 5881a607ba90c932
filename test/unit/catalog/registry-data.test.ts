/** The built-in registry catalog: complete for the seed documents, internally consistent, and valid against its schema. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { AllowedValue, Confidence, EntryStatus, ExchangeVersion, Recommendation, RegistryCatalog, RegistryEntry, RegistryType, ServerRole, SourceRef } from '../../../server/src/core/catalog';
import { normalizeRegistryPath, RegistryCatalogIndex } from '../../../server/src/core/catalogIndex';

const DIR = path.join(__dirname, '..', '..', '..', '..', 'server', 'data', 'catalog');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
const catalog = read('registry.json') as RegistryCatalog;
const schema = read('registry.schema.json') as Schema;
const entries = catalog.entries;
const index = new RegistryCatalogIndex([catalog]);

// The TypeScript unions and interfaces, spelled out so that the compiler complains when catalog.ts changes and the
// schema assertions below then compare the schema with the new shape.
const TYPES: Record<RegistryType, true> = { REG_SZ: true, REG_EXPAND_SZ: true, REG_MULTI_SZ: true, REG_DWORD: true, REG_QWORD: true, REG_BINARY: true };
const VERSIONS: Record<ExchangeVersion, true> = { '2000': true, '2003': true, '2003sp1': true, '2003sp2': true };
const ROLES: Record<ServerRole, true> = { mailbox: true, 'public-folder': true, 'front-end': true, bridgehead: true, 'rpc-proxy': true, client: true };
const STATUSES: Record<EntryStatus, true> = { current: true, deprecated: true, 'do-not-modify': true, discouraged: true };
const CONFIDENCES: Record<Confidence, true> = { documented: true, inferred: true, uncertain: true };
const FORMATS: Record<NonNullable<RegistryEntry['format']>, true> = {
  guid: true,
  'drive-letter': true,
  'extension-list': true,
  'mime-list': true,
  'host-list': true,
  'valid-ports': true,
};

/** true for a required field, false for an optional one: checked against the interface by the compiler. */
type Fields<T> = { [K in keyof T]-?: object extends Pick<T, K> ? false : true };
const ENTRY_FIELDS: Fields<RegistryEntry> = {
  id: true,
  keys: true,
  names: true,
  type: true,
  allowed: false,
  otherValues: false,
  min: false,
  max: false,
  recommended: false,
  windows: false,
  discouragedValues: false,
  unit: false,
  bits: false,
  format: false,
  defaultWhenAbsent: false,
  setupValue: false,
  versions: false,
  status: true,
  replacedBy: false,
  action: false,
  restart: false,
  roles: false,
  description: true,
  notes: false,
  internalNotes: false,
  confidence: true,
  sources: true,
  analyzer: false,
  typeNotStated: false,
};
const CATALOG_FIELDS: Fields<RegistryCatalog> = { $schema: false, version: true, entries: true };
const SOURCE_FIELDS: Fields<SourceRef> = { document: true, section: true, kb: false, evidence: false };
const RECOMMENDATION_FIELDS: Fields<Recommendation> = { min: false, max: false, reason: true };
const ALLOWED_FIELDS: Fields<AllowedValue> = { value: true, meaning: true };
const BIT_FIELDS: Fields<NonNullable<RegistryEntry['bits']>[number]> = { mask: true, name: true };

/** The part of JSON Schema draft-07 that registry.schema.json uses; anything else is refused below. */
interface Schema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  anyOf?: Schema[];
  $ref?: string;
  definitions?: Record<string, Schema>;
}
const KNOWN_KEYWORDS = new Set(['$schema', 'title', 'description', 'type', 'enum', 'required', 'properties', 'additionalProperties', 'items', 'anyOf', '$ref', 'definitions']);

function definition(name: string): Schema {
  const def = schema.definitions?.[name];
  assert.ok(def, `schema has no definition ${name}`);
  return def;
}

function resolve(ref: string): Schema {
  const m = /^#\/definitions\/(.+)$/.exec(ref);
  assert.ok(m, `unsupported $ref ${ref}`);
  return definition(m[1]);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      throw new Error(`unsupported schema type ${type}`);
  }
}

/** A minimal draft-07 validator for the keywords above; returns one message per violation. */
function validate(value: unknown, s: Schema, at: string, errors: string[]): void {
  if (s.$ref) return validate(value, resolve(s.$ref), at, errors);
  if (s.anyOf) {
    const fits = s.anyOf.some((alt) => {
      const sub: string[] = [];
      validate(value, alt, at, sub);
      return sub.length === 0;
    });
    if (!fits) errors.push(`${at}: matches none of the alternatives`);
    return;
  }
  if (s.type !== undefined && !hasType(value, s.type)) {
    errors.push(`${at}: not a ${s.type}`);
    return;
  }
  if (s.enum && !s.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${s.enum.join(', ')}`);
  if (s.items && Array.isArray(value)) value.forEach((v, k) => validate(v, s.items as Schema, `${at}[${k}]`, errors));
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in obj)) errors.push(`${at}: missing required ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      const sub = s.properties?.[k];
      if (sub) validate(v, sub, `${at}.${k}`, errors);
      else if (s.additionalProperties === false) errors.push(`${at}: unexpected property ${k}`);
    }
  }
}

function schemaNodes(s: Schema, out: Schema[] = []): Schema[] {
  out.push(s);
  for (const sub of [...Object.values(s.properties ?? {}), ...Object.values(s.definitions ?? {}), ...(s.anyOf ?? []), ...(s.items ? [s.items] : [])]) schemaNodes(sub, out);
  return out;
}

function errorsOf(value: unknown): string[] {
  const errors: string[] = [];
  validate(value, schema, '$', errors);
  return errors;
}

function entry(id: string): RegistryEntry {
  const e = entries.find((x) => x.id === id);
  assert.ok(e, `no entry ${id}`);
  return e;
}

function lookup(key: string, name: string): RegistryEntry | undefined {
  return index.lookup(normalizeRegistryPath(key), name);
}

const IS = 'HKLM\\System\\CurrentControlSet\\Services\\MSExchangeIS';
const OWA = 'HKLM\\System\\CurrentControlSet\\Services\\MSExchangeWeb\\OWA';

/** seed-facts §1.1-§1.13: section, key path as the seeds write it, value name. */
const SEED_VALUES: [string, string, string][] = [
  ['1.1', `${IS}\\ParametersSystem`, 'Initial Memory Percentage'],
  ['1.1', `${IS}\\ParametersSystem`, 'Suppress Memory Configuration Notification'],
  ['1.1', `${IS}\\ParametersSystem`, 'Recovery SG Override'],
  ['1.1', `${IS}\\ParametersSystem`, 'Rpc Compression Enabled'],
  ['1.1', `${IS}\\ParametersSystem`, 'Rpc Compression Minimum Size'],
  ['1.1', `${IS}\\ParametersSystem`, 'Rpc Packing Enabled'],
  ['1.1', `${IS}\\ParametersSystem`, 'Maximum Polling Frequency'],
  ['1.1', `${IS}\\ParametersSystem`, 'SuppressOOFsToDistributionLists'],
  ['1.1', `${IS}\\ParametersSystem`, 'Rpc/HTTP Port'],
  ['1.2', `${IS}\\ParametersSystemInternetContent`, 'RenderDSNsAsMessages'],
  ['1.3', IS, 'Preferred Backfill Source'],
  ['1.4', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory', 'MPHeap parallelism'],
  ['1.5', 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDSAccess\\Instance0', 'MaxMemoryConfig'],
  ['1.5', 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDSAccess\\Instance0', 'MaxMemoryUser'],
  ['1.6', OWA, 'Level1FileTypes'],
  ['1.6', OWA, 'Level1MIMETypes'],
  ['1.6', OWA, 'Level2FileTypes'],
  ['1.6', OWA, 'Level2MIMETypes'],
  ['1.6', OWA, 'DisableAttachments'],
  ['1.6', OWA, 'EnableFreedocs'],
  ['1.6', OWA, 'AcceptedAttachmentFrontEnds'],
  ['1.6', OWA, 'KeyInterval'],
  ['1.6', OWA, 'DefaultMailboxFolderSet'],
  ['1.7', 'HKLM\\System\\CurrentControlSet\\Services\\MSExchange\\OWA', 'maxPFReplyForwardSize'],
  ['1.8', 'HKLM\\Software\\Microsoft\\Exchange\\Exchange Provider', 'OAB Exact Alias Match'],
  ['1.9', 'HKLM\\System\\CurrentControlSet\\Services\\ExIFS\\Parameters', 'DriveLetter'],
  ['1.10', 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeTransport\\Parameters', 'JournalBCC'],
  ['1.11', 'HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters', 'HTTP Port'],
  ['1.11', 'HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters', 'Rpc/HTTP NSPI Port'],
  ['1.12', 'HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Rpc\\RpcProxy', 'ValidPorts'],
  ['1.13', 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\XEXCH50', 'Exch50AuthCheckEnabled'],
];

/** Spelling variants of §1.15 that must find the same entry as the spelling above. */
const SEED_VARIANTS: [string, string, string][] = [
  ['HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem\\', 'Initial Memory Percentage', 'msexchangeis.parameterssystem.initial-memory-percentage'],
  ['HKLM\\Software\\Microsoft\\ESE\\Global\\OS\\Memory', 'MPHeaps parallelism', 'ese.global-os-memory.mpheap-parallelism'],
  ['HKLM\\Software\\Microsoft\\ESE\\Global\\OS\\Memory', 'MPHeap parallelism', 'ese.global-os-memory.mpheap-parallelism'],
  ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory', 'MPHeaps parallelism', 'ese.global-os-memory.mpheap-parallelism'],
  [OWA, 'maxPFReplyForwardSize', 'msexchangeweb.owa.max-pf-reply-forward-size'],
];

describe('registry catalog data', () => {
  it('is a version 1 catalog that names its schema', () => {
    assert.strictEqual(catalog.version, 1);
    assert.strictEqual(catalog.$schema, './registry.schema.json');
    assert.ok(entries.length >= 40, `only ${entries.length} entries`);
  });

  it('gives every entry its required fields, non-empty', () => {
    for (const e of entries) {
      for (const [field, required] of Object.entries(ENTRY_FIELDS)) {
        if (required) assert.ok((e as unknown as Record<string, unknown>)[field] !== undefined, `${e.id} has no ${field}`);
      }
      assert.ok(e.keys.length > 0 && e.names.length > 0, `${e.id} has no key or no name`);
      assert.ok(e.description.trim().length > 0, `${e.id} has an empty description`);
      assert.ok(e.sources.length > 0, `${e.id} cites no source`);
      for (const s of e.sources) assert.ok(s.document.trim() && s.section.trim(), `${e.id} has an empty source reference`);
      for (const list of [e.keys, e.names, e.notes ?? [], e.versions ?? [], e.roles ?? []]) {
        for (const item of list) assert.ok(String(item).trim().length > 0, `${e.id} has an empty list item`);
      }
    }
  });

  it('uses unique, stable, lower-case dotted ids', () => {
    const seen = new Set<string>();
    for (const e of entries) {
      assert.match(e.id, /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/, `id ${e.id}`);
      assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
      seen.add(e.id);
    }
  });

  it('describes each (key, value name) pair in one entry only, after normalising the key', () => {
    const owner = new Map<string, string>();
    for (const e of entries) {
      const pairs = new Set(e.keys.flatMap((k) => e.names.map((n) => `${normalizeRegistryPath(k)}|${n.toUpperCase()}`)));
      for (const pair of pairs) {
        assert.ok(!owner.has(pair), `${pair} is in both ${owner.get(pair)} and ${e.id}`);
        owner.set(pair, e.id);
      }
    }
  });

  it('normalises key paths the way the catalog documents (upper case, HKLM expanded, no trailing separator)', () => {
    assert.strictEqual(
      normalizeRegistryPath('HKLM\\System\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem\\'),
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\SERVICES\\MSEXCHANGEIS\\PARAMETERSSYSTEM',
    );
  });

  it('has an entry for every registry value of seed-facts §1.1-§1.13, under the key the seeds give', () => {
    assert.strictEqual(new Set(SEED_VALUES.map(([, , name]) => name)).size, 31);
    for (const [section, key, name] of SEED_VALUES) assert.ok(lookup(key, name), `§${section}: ${key} \\ ${name} is not in the catalog`);
    for (const [key, name, id] of SEED_VARIANTS) assert.strictEqual(lookup(key, name)?.id, id, `${key} \\ ${name}`);
  });

  it('has Exch50AuthCheckEnabled at the server level and per SMTP virtual server', () => {
    const server = lookup('HKLM\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\XEXCH50', 'Exch50AuthCheckEnabled');
    const instance = lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\XEXCH50\\2', 'Exch50AuthCheckEnabled');
    assert.ok(server && instance);
    assert.notStrictEqual(server.id, instance.id);
    assert.ok(instance.keys.some((k) => k.endsWith('\\<n>')));
  });

  it('has SystemPages and HeapDeCommitFreeBlockThreshold under the Session Manager keys', () => {
    const pages = lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management', 'SystemPages');
    const heap = lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager', 'HeapDeCommitFreeBlockThreshold');
    assert.ok(pages && heap);
    assert.strictEqual(pages.type, 'REG_DWORD');
    // 24000-31000 holds on Windows 2000 only (Windows Server 2003 wants 0): no range is enforced for every server.
    assert.ok(pages.min === undefined && pages.max === undefined);
    assert.ok(pages.description.includes('24000') && pages.description.includes('Windows Server 2003'));
    assert.deepStrictEqual(heap.allowed?.map((a) => a.value), [0x00040000]);
  });

  it('marks the Exchange 2000 tuning as deprecated, each with what replaces it, what to do, and what to restart or that no source says', () => {
    const e2k = ['Initial Memory Percentage', 'MPHeap parallelism', 'MaxMemoryConfig', 'MaxMemoryUser', 'MaxPercentPoolThreads', 'AdditionalPoolThreadsPerProc'];
    for (const name of e2k) {
      const e = entries.find((x) => x.names.includes(name));
      assert.strictEqual(e?.status, 'deprecated', name);
    }
    const deprecated = entries.filter((e) => e.status === 'deprecated');
    assert.ok(deprecated.length >= e2k.length);
    for (const e of deprecated) {
      assert.ok(e.replacedBy?.trim(), `${e.id} has no replacedBy`);
      assert.ok(e.action?.trim(), `${e.id} has no action`);
      assert.ok(e.restart?.trim() || e.notes?.some((n) => /sources do not say which service/.test(n)), `${e.id} neither names a restart nor says that no source does`);
      assert.ok(e.versions?.includes('2000'), `${e.id} does not name Exchange 2000`);
    }
  });

  it('gives every do-not-modify value the value Setup writes', () => {
    const doNotModify = entries.filter((e) => e.status === 'do-not-modify');
    for (const e of doNotModify) {
      assert.ok(e.setupValue !== undefined, `${e.id} has no setupValue`);
      if (e.type === 'REG_DWORD') assert.strictEqual(typeof e.setupValue, 'number', e.id);
    }
    const ports = Object.fromEntries(doNotModify.map((e) => [e.names[0], e.setupValue]));
    assert.deepStrictEqual(ports, { 'Rpc/HTTP Port': 6001, 'HTTP Port': 6002, 'Rpc/HTTP NSPI Port': 6004 });
    assert.ok(entries.every((e) => e.setupValue === undefined || e.status === 'do-not-modify'));
  });

  it('keeps ranges, documented values, bits and formats consistent with the type', () => {
    for (const e of entries) {
      if (e.min !== undefined || e.max !== undefined) assert.strictEqual(e.type, 'REG_DWORD', `${e.id}: a range on ${e.type}`);
      if (e.min !== undefined && e.max !== undefined) assert.ok(e.min <= e.max, `${e.id}: min ${e.min} > max ${e.max}`);
      for (const bound of [e.min, e.max]) if (bound !== undefined) assert.ok(Number.isInteger(bound) && bound >= 0 && bound <= 0xffffffff, `${e.id}: bound ${bound}`);
      if (e.allowed) {
        assert.ok(e.allowed.length > 0, `${e.id}: empty allowed list`);
        const values = e.allowed.map((a) => a.value);
        assert.strictEqual(new Set(values).size, values.length, `${e.id}: an allowed value twice`);
        for (const a of e.allowed) {
          assert.strictEqual(typeof a.value, e.type === 'REG_DWORD' ? 'number' : 'string', `${e.id}: allowed ${a.value}`);
          assert.ok(a.meaning.trim(), `${e.id}: allowed ${a.value} has no meaning`);
          if (typeof a.value === 'number') {
            assert.ok(e.min === undefined || a.value >= e.min, `${e.id}: allowed ${a.value} below min`);
            assert.ok(e.max === undefined || a.value <= e.max, `${e.id}: allowed ${a.value} above max`);
          }
        }
      }
      if (e.bits) {
        assert.strictEqual(e.type, 'REG_DWORD', `${e.id}: bits on ${e.type}`);
        const masks = e.bits.map((b) => b.mask);
        assert.strictEqual(new Set(masks).size, masks.length, `${e.id}: a mask twice`);
        for (const b of e.bits) {
          const singleBit = b.mask > 0 && b.mask <= 0x80000000 && (b.mask & (b.mask - 1)) === 0;
          assert.ok(singleBit || b.mask === 0xffffffff, `${e.id}: ${b.name} 0x${b.mask.toString(16)} is neither one bit nor all bits`);
        }
      }
      if (e.format) assert.strictEqual(e.type, 'REG_SZ', `${e.id}: format on ${e.type}`);
    }
  });

  it('documents the values the brief calls out exactly as the seeds give them', () => {
    const key = entry('msexchangeweb.owa.key-interval');
    assert.deepStrictEqual([key.min, key.max, key.unit], [1, 1440, 'minutes']);
    assert.deepStrictEqual(entry('msexchangeweb.owa.disable-attachments').allowed?.map((a) => a.value), [0, 1, 2]);
    assert.deepStrictEqual(entry('msexchangeweb.owa.enable-freedocs').allowed?.map((a) => a.value), [0, 1, 2, 3]);
    // 60 seconds is a recommendation of the book, not a limit: no range, a recommended minimum.
    const polling = entry('msexchangeis.parameterssystem.maximum-polling-frequency');
    assert.deepStrictEqual([polling.min, polling.max, polling.recommended?.min], [undefined, undefined, 60000]);
    const formats = Object.fromEntries(entries.filter((e) => e.format).map((e) => [e.names[0], e.format]));
    assert.deepStrictEqual(formats, {
      DriveLetter: 'drive-letter',
      'Preferred Backfill Source': 'guid',
      Level1FileTypes: 'extension-list',
      Level2FileTypes: 'extension-list',
      Level1MIMETypes: 'mime-list',
      Level2MIMETypes: 'mime-list',
      AcceptedAttachmentFrontEnds: 'host-list',
      ValidPorts: 'valid-ports',
    });
    const folders = entry('msexchangeweb.owa.default-mailbox-folder-set').bits ?? [];
    assert.strictEqual(folders.length, 18); // 17 features and "All Features"
    assert.strictEqual(folders.filter((b) => b.mask !== 0xffffffff).reduce((acc, b) => acc | b.mask, 0), 0x0001ffff);
    assert.strictEqual(entry('exifs.parameters.drive-letter').status, 'discouraged');
    for (const id of ['msexchangeis.parameterssystem.rpc-compression-enabled', 'msexchangeis.parameterssystem.rpc-packing-enabled']) {
      assert.strictEqual(entry(id).status, 'current');
      assert.ok(entry(id).notes?.some((n) => /troubleshooting/.test(n)), `${id} does not say that 0 is for troubleshooting`);
    }
  });

  it('names sources by title and heading, keeps line evidence apart, and explains every entry that is not plainly documented', () => {
    for (const e of entries) {
      for (const s of e.sources) {
        assert.doesNotMatch(s.document, /^00[0-4]$|facts/, `${e.id}: ${s.document} is an internal name, not a title`);
        assert.doesNotMatch(s.section, /\b00[0-4]:\d|§/, `${e.id}: section ${s.section} is a line reference, not a heading`);
        for (const m of (s.evidence ?? '').matchAll(/\b(00[0-4]):(\d+)(?:-(\d+))?/g)) {
          assert.ok(m[3] === undefined || Number(m[3]) >= Number(m[2]), `${e.id}: ${m[0]} runs backwards`);
        }
      }
      for (const s of e.sources) for (const kb of s.kb ?? []) assert.match(kb, /^\d{6}$/, `${e.id}: KB ${kb}`);
      if (e.confidence !== 'documented') assert.ok(e.notes?.length, `${e.id} is ${e.confidence} but has no note saying why`);
    }
  });
});

describe('registry catalog schema', () => {
  it('uses only the JSON Schema keywords the checks here understand', () => {
    assert.strictEqual(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    for (const node of schemaNodes(schema)) for (const k of Object.keys(node)) assert.ok(KNOWN_KEYWORDS.has(k), `unexpected schema keyword ${k}`);
  });

  it('matches the TypeScript types in server/src/core/catalog.ts', () => {
    const enumOf = (name: string): unknown[] => definition(name).enum ?? [];
    assert.deepStrictEqual(enumOf('RegistryType'), Object.keys(TYPES));
    assert.deepStrictEqual(enumOf('ExchangeVersion'), Object.keys(VERSIONS));
    assert.deepStrictEqual(enumOf('ServerRole'), Object.keys(ROLES));
    assert.deepStrictEqual(enumOf('EntryStatus'), Object.keys(STATUSES));
    assert.deepStrictEqual(enumOf('Confidence'), Object.keys(CONFIDENCES));
    assert.deepStrictEqual(enumOf('Format'), Object.keys(FORMATS));
    const shapes: [Schema, Record<string, boolean>][] = [
      [schema, CATALOG_FIELDS],
      [definition('RegistryEntry'), ENTRY_FIELDS],
      [definition('SourceRef'), SOURCE_FIELDS],
      [definition('Recommendation'), RECOMMENDATION_FIELDS],
      [definition('AllowedValue'), ALLOWED_FIELDS],
      [definition('Bit'), BIT_FIELDS],
    ];
    for (const [s, fields] of shapes) {
      assert.strictEqual(s.additionalProperties, false);
      assert.deepStrictEqual(Object.keys(s.properties ?? {}).sort(), Object.keys(fields).sort());
      assert.deepStrictEqual([...(s.required ?? [])].sort(), Object.keys(fields).filter((k) => fields[k]).sort());
    }
  });

  it('accepts the built-in catalog', () => {
    assert.deepStrictEqual(errorsOf(catalog), []);
  });

  it('keeps accepting organisation catalogs written for the earlier schema (fields only grow)', () => {
    const earlier = {
      version: 1,
      entries: [
        {
          id: 'org.polling',
          keys: ['HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem'],
          names: ['Maximum Polling Frequency'],
          type: 'REG_DWORD',
          min: 90000,
          status: 'current',
          description: 'Our standard.',
          notes: ['Set by the messaging team.'],
          confidence: 'documented',
          sources: [{ document: 'Messaging standard', section: '4.2', kb: ['123456'] }],
        },
      ],
    };
    assert.deepStrictEqual(errorsOf(earlier), []);
  });

  it('rejects entries with a missing field, an unknown field or a value outside an enum', () => {
    const broken = JSON.parse(JSON.stringify(catalog)) as { entries: Record<string, unknown>[] };
    delete broken.entries[0].sources;
    broken.entries[1].colour = 'blue';
    broken.entries[2].status = 'obsolete';
    broken.entries[3].setupValue = true;
    (broken.entries[4].sources as Record<string, unknown>[])[0].page = 3;
    const errors = errorsOf(broken);
    assert.strictEqual(errors.length, 5, errors.join('\n'));
    assert.match(errors[0], /entries\[0\]: missing required sources/);
    assert.match(errors[1], /entries\[1\]: unexpected property colour/);
    assert.match(errors[2], /entries\[2\]\.status: "obsolete" is not one of/);
    assert.match(errors[3], /entries\[3\]\.setupValue: matches none/);
    assert.match(errors[4], /entries\[4\]\.sources\[0\]: unexpected property page/);
  });
});
