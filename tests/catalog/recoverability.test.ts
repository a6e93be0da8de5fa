// The recoverability table is data with sources, consistent with the catalog and the protection table, and decides
// from the values before the change and the documented defaults; what the input does not say is unknown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import catalog from '../../src/catalog/data-bearing-types.json' with { type: 'json' };
import protections from '../../src/catalog/protections.json' with { type: 'json' };
import { keptAttributeSpecs } from '../../src/catalog/kept-attributes.js';
import { RECOVERABILITY, recoverabilityOf } from '../../src/catalog/recoverability.js';
import type { KeptAttribute, ResourceChange } from '../../src/model.js';
import { resourceChange } from '../helpers/resource-change.js';
import { ROOT } from '../helpers/run-cli.js';

const SOURCE = /^https:\/\/(registry\.terraform\.io|kubernetes\.io|docs\.aws\.amazon\.com|cloud\.google\.com|learn\.microsoft\.com|helm\.sh|fluxcd\.io)\//;

describe('the table', () => {
  const entries = Object.entries(RECOVERABILITY);

  it('covers at least 40 types of aws, google, azurerm and Kubernetes, each one the catalog lists', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    const providers = new Set(entries.map(([type]) => (catalog as Record<string, { provider: string }>)[type]?.provider));
    expect([...providers].sort()).toEqual(['aws', 'azurerm', 'google', 'kubernetes']);
  });

  it.each(entries)('%s: cites its sources, names only declared attributes, and ends with a case that always applies', (_type, entry) => {
    expect(entry.source).toMatch(SOURCE);
    for (const spec of Object.values(entry.attributes)) expect(spec.source).toMatch(SOURCE);
    for (const c of entry.cases) {
      for (const path of Object.keys(c.when ?? {})) expect(Object.keys(entry.attributes)).toContain(path);
      for (const [, path] of c.why.matchAll(/\{\{([^}]+)\}\}/g)) expect(Object.keys(entry.attributes)).toContain(path);
    }
    expect(entry.cases.at(-1)?.when).toBeUndefined();
  });

  it('and the protection table agree on the kind and default of every attribute both name', () => {
    for (const [type, rows] of Object.entries(protections as Record<string, { attribute: string; kind: string; default: unknown; source: string }[]>)) {
      for (const row of rows) {
        expect(row.source).toMatch(SOURCE);
        const declared = RECOVERABILITY[type]?.attributes[row.attribute];
        if (declared) expect({ kind: row.kind, default: row.default }).toEqual({ kind: declared.kind, default: declared.default });
      }
    }
    // The kept attributes are the union of both tables, under any tool's name for the type.
    expect([...(keptAttributeSpecs('AWS::RDS::DBInstance')?.keys() ?? [])].sort()).toEqual([
      'backup_retention_period',
      'delete_automated_backups',
      'deletion_protection',
      'skip_final_snapshot',
    ]);
  });
});

const rds = (kept: Record<string, KeptAttribute>, over: Partial<ResourceChange> = {}): ResourceChange =>
  resourceChange({ type: 'aws_db_instance', action: 'delete', keptAttributes: kept, ...over });

describe('recoverabilityOf', () => {
  it('is lost when an RDS instance is deleted without a final snapshot and its automated backups go with it', () => {
    expect(recoverabilityOf(rds({ skip_final_snapshot: { before: true }, delete_automated_backups: { before: null } }))).toEqual({
      outcome: 'lost',
      why: 'skip_final_snapshot = true and automated backups are deleted with the instance',
    });
  });

  it('is recoverable with a final snapshot, the documented default when the value is not set', () => {
    expect(recoverabilityOf(rds({ skip_final_snapshot: { before: null } }))?.outcome).toBe('recoverable');
    expect(recoverabilityOf(rds({ skip_final_snapshot: { before: true }, delete_automated_backups: { before: false } }))?.outcome).toBe('recoverable');
  });

  it('decides a replace from the values before it, whatever the new object will have', () => {
    const kept = { skip_final_snapshot: { before: true, after: { unknown: 'until-apply' as const } }, delete_automated_backups: { before: true } };
    expect(recoverabilityOf(rds(kept, { action: 'replace' }))?.outcome).toBe('lost');
  });

  it('is unknown when a deciding value is sensitive or not in the input, and says which', () => {
    expect(recoverabilityOf(rds({ skip_final_snapshot: { before: { unknown: 'sensitive' } } }))).toEqual({
      outcome: 'unknown',
      why: 'skip_final_snapshot is not known before the change: it is marked sensitive',
    });
    expect(recoverabilityOf(resourceChange({ type: 'AWS::RDS::DBInstance', action: 'delete' }))).toEqual({
      outcome: 'unknown',
      why: 'skip_final_snapshot is not known before the change: the input does not carry it',
    });
  });

  it('needs no values where the type decides alone, under any tool name', () => {
    expect(recoverabilityOf(resourceChange({ type: 'AWS::SQS::Queue', action: 'delete' }))?.outcome).toBe('lost');
    expect(recoverabilityOf(resourceChange({ type: 'Secret', action: 'delete', source: 'kubernetes' }))?.outcome).toBe('lost');
  });

  it('fills the value a reason names', () => {
    const key = resourceChange({ type: 'aws_kms_key', action: 'delete', keptAttributes: { deletion_window_in_days: { before: 7 } } });
    expect(recoverabilityOf(key)?.why).toBe('the key is only scheduled for deletion and can be restored for 7 days (deletion_window_in_days)');
    expect(recoverabilityOf({ ...key, keptAttributes: { deletion_window_in_days: { before: null } } })?.why).toContain('for 30 days');
  });

  it('is retained for a forget, in the words that kept it, and takes what the deleting tool keeps first', () => {
    expect(
      recoverabilityOf(resourceChange({ type: 'Secret', action: 'forget', keptBy: 'annotation helm.sh/resource-policy: keep (helm leaves it in place)' })),
    ).toEqual({
      outcome: 'retained',
      why: 'annotation helm.sh/resource-policy: keep (helm leaves it in place)',
    });
    const snapshot = { outcome: 'recoverable' as const, why: 'DeletionPolicy Snapshot takes a snapshot before deleting it' };
    expect(recoverabilityOf(resourceChange({ type: 'AWS::EC2::Volume', action: 'delete', deletionKeeps: snapshot }))).toEqual(snapshot);
  });

  it('says nothing of an update, and unknown of a type the table does not list', () => {
    expect(recoverabilityOf(rds({}, { action: 'update' }))).toBeUndefined();
    expect(recoverabilityOf(resourceChange({ type: 'aws_instance', action: 'delete' }))).toEqual({
      outcome: 'unknown',
      why: 'blast-radius has no recoverability data for aws_instance',
    });
  });
});

/** A condition as the docs write it: `skip_final_snapshot = false`, `retention_duration_seconds ≥ 1`, `… is set`. */
function condition(path: string, value: unknown, kind: string): string {
  if (kind === 'presence') return `${path} is ${value === true ? 'set' : 'not set'}`;
  if (typeof value === 'object' && value !== null) {
    return 'atLeast' in value ? `${path} ≥ ${String(value.atLeast)}` : `${path} ≤ ${String((value as { atMost: number }).atMost)}`;
  }
  return `${path} = ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
}

/** The "Recoverability by type" and "Protections by type" sections of docs/catalog.md, built from the two tables. */
function tableSections(): string {
  const lines = ['## Recoverability by type', '', `${Object.keys(RECOVERABILITY).length} types.`, ''];
  for (const [type, entry] of Object.entries(RECOVERABILITY)) {
    const cases = entry.cases.map((c) => {
      const when = Object.entries(c.when ?? {}).map(([path, value]) => condition(path, value, entry.attributes[path].kind));
      return `${when.length > 0 ? `when ${when.join(' and ')}` : entry.cases.length === 1 ? 'always' : 'otherwise'}: **${c.outcome}**`;
    });
    const defaults = Object.entries(entry.attributes).map(([path, spec]) => `[\`${path}\`](${spec.source}) defaults to ${JSON.stringify(spec.default)}`);
    lines.push(`- [\`${type}\`](${entry.source}): ${cases.join('; ')}.${defaults.length > 0 ? ` ${defaults.join(', ')}.` : ''}`);
  }
  const rows = Object.entries(
    protections as Record<string, { attribute: string; weakened: { from?: unknown[]; to?: unknown[]; lowered?: true }; default: unknown; source: string }[]>,
  );
  lines.push('', '## Protections by type', '', '| type | attribute | weakened when | default |', '| --- | --- | --- | --- |');
  for (const [type, list] of rows) {
    for (const row of list) {
      const weakened = row.weakened.lowered
        ? 'lowered'
        : `${row.weakened.from?.map((v) => JSON.stringify(v)).join(', ')} → ${row.weakened.to?.map((v) => JSON.stringify(v)).join(', ')}`;
      lines.push(`| \`${type}\` | [\`${row.attribute}\`](${row.source}) | ${weakened} | ${JSON.stringify(row.default)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

it('docs/catalog.md lists every type of both tables with its cases and sources (copy the expected sections from this diff)', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'catalog.md'), 'utf8');
  const start = doc.indexOf('## Recoverability by type\n');
  expect(start).toBeGreaterThan(0);
  const end = doc.indexOf('\n## ', doc.indexOf('## Protections by type\n'));
  expect(end).toBeGreaterThan(start);
  expect(doc.slice(start, end + 1)).toBe(`${tableSections()}\n`);
});
