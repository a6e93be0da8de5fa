// The data-bearing catalog: real provider type names, well-formed entries, the lookup, and a doc that cannot drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { impactOf, type CatalogEntry, type CatalogProvider } from '../../src/catalog/data-bearing.js';
import { ROOT } from '../helpers/run-cli.js';

const CATALOG_FILE = join(ROOT, 'src', 'catalog', 'data-bearing-types.json');
const KNOWN_TYPES = join(ROOT, 'tests', 'catalog', 'known-types');
const PROVIDERS: CatalogProvider[] = ['aws', 'google', 'azurerm', 'kubernetes'];

const catalog = JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as Record<string, CatalogEntry>;
const entries = Object.entries(catalog);

/** The names in tests/catalog/known-types/<provider>.txt: one a line, `#` starts a comment. */
const knownTypes = (provider: CatalogProvider): string[] =>
  readFileSync(join(KNOWN_TYPES, `${provider}.txt`), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((name) => name !== '');

const keysOf = (provider: CatalogProvider): string[] => entries.filter(([, entry]) => entry.provider === provider).map(([type]) => type);

describe('every entry names a real provider type', () => {
  it.each(PROVIDERS)('%s: the catalog and the known-types list hold the same names', (provider) => {
    expect(keysOf(provider).sort()).toEqual(knownTypes(provider).sort());
  });

  it.each(PROVIDERS)('%s: the known-types list says where its names come from', (provider) => {
    const firstLine = readFileSync(join(KNOWN_TYPES, `${provider}.txt`), 'utf8').split('\n')[0];
    expect(firstLine).toMatch(/^# from [\w.-]+\/[\w.-]+@\S.*:\S+/);
  });

  it('uses Terraform names with the prefix of their provider, and Kubernetes kinds as Kind or group/Kind', () => {
    for (const [type, entry] of entries) {
      const terraform = /^(aws|google|azurerm|kubernetes)_[a-z0-9_]+$/.exec(type);
      if (terraform) expect([type, terraform[1]]).toEqual([type, entry.provider]);
      else expect([type, entry.provider, /^([a-z0-9-]+(\.[a-z0-9-]+)+\/)?[A-Z][A-Za-z0-9]*$/.test(type)]).toEqual([type, 'kubernetes', true]);
    }
  });
});

describe('entries', () => {
  it('number at least 60 and span all four providers', () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(entries.map(([, entry]) => entry.provider))).toEqual(new Set(PROVIDERS));
  });

  it('have exactly a provider, an impact and a reason', () => {
    for (const [type, entry] of entries) {
      expect([type, Object.keys(entry).sort()]).toEqual([type, ['impact', 'provider', 'why']]);
      expect([type, PROVIDERS.includes(entry.provider), ['data-loss', 'outage'].includes(entry.impact)]).toEqual([type, true, true]);
    }
  });

  it('give as reason one sentence ending with a period', () => {
    for (const [type, { why }] of entries) {
      expect([type, why]).toEqual([type, expect.stringMatching(/^[A-Z][^\n]*[^.]\.$/)]);
      expect([type, why]).toEqual([type, expect.not.stringMatching(/[.!?]\s/)]);
    }
  });

  it('are sorted by key in a file written as JSON.stringify(catalog, null, 2)', () => {
    expect(Object.keys(catalog)).toEqual(Object.keys(catalog).sort());
    expect(readFileSync(CATALOG_FILE, 'utf8')).toBe(`${JSON.stringify(catalog, null, 2)}\n`);
  });
});

describe('impactOf', () => {
  it('returns the impact and the reason of every entry', () => {
    for (const [type, { impact, why }] of entries) expect(impactOf(type)).toEqual({ impact, why });
  });

  it.each([
    ['aws_db_instance', 'data-loss'],
    ['aws_route53_zone', 'outage'],
    ['google_sql_database_instance', 'data-loss'],
    ['azurerm_mssql_database', 'data-loss'],
    ['kubernetes_persistent_volume_claim_v1', 'data-loss'],
    ['PersistentVolumeClaim', 'data-loss'],
    ['StatefulSet', 'outage'],
  ])('knows %s (%s)', (type, impact) => {
    expect(impactOf(type)?.impact).toBe(impact);
  });

  it.each([
    'aws_instance',
    'terraform_data',
    'AWS_DB_INSTANCE',
    'persistentvolumeclaim',
    'v1/Secret',
    '',
    'toString',
    'constructor',
    '__proto__',
    'hasOwnProperty',
  ])('returns undefined for %j', (type) => {
    expect(impactOf(type)).toBeUndefined();
  });

  it('returns a copy that a caller cannot use to change the catalog', () => {
    const found = impactOf('aws_kms_key');
    if (found) found.impact = 'outage';
    expect(impactOf('aws_kms_key')?.impact).toBe('data-loss');
  });
});

/** The "Entries" section of docs/catalog.md, built from the catalog. */
const entriesSection = (): string => {
  const count = (list: [string, CatalogEntry][], impact: string) => list.filter(([, e]) => e.impact === impact).length;
  const lines = ['## Entries', '', `${entries.length} entries: ${count(entries, 'data-loss')} data-loss, ${count(entries, 'outage')} outage.`];
  for (const provider of PROVIDERS) {
    const mine = entries.filter(([, entry]) => entry.provider === provider);
    lines.push('', `### ${provider} (${mine.length})`, '');
    for (const impact of ['data-loss', 'outage']) {
      const types = mine.filter(([, entry]) => entry.impact === impact).map(([type]) => `\`${type}\``);
      lines.push(`- ${impact} (${types.length}): ${types.join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
};

it('docs/catalog.md lists every entry with its impact (copy the expected section from this diff)', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'catalog.md'), 'utf8');
  const start = doc.indexOf('## Entries\n');
  expect(start).toBeGreaterThan(0);
  const next = doc.indexOf('\n## ', start + 1);
  expect(doc.slice(start, next === -1 ? undefined : next + 1)).toBe(entriesSection());
});
