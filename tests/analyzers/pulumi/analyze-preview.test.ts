// The Pulumi preview reader and analyzer: one change per resource, ops and replacements, retainOnDelete and protect,
// evidence without secrets, and the previews it refuses (exit 2) with the sentence that says why.
import { readFileSync } from 'node:fs';
import { analyzePulumiPreview } from '../../../src/analyzers/pulumi/analyze-preview.js';
import { checkPreview } from '../../../src/analyzers/pulumi/read-preview.js';
import { parseUrn } from '../../../src/analyzers/pulumi/urn.js';
import { InputError } from '../../../src/errors.js';
import type { AnalyzedInput } from '../../../src/model.js';

const STACK = 'urn:pulumi:production::orders::pulumi:pulumi:Stack::orders-production';
const DB = 'urn:pulumi:production::orders::aws:rds/instance:Instance::orders-db';

function analyze(document: unknown, quiet: 'keep' | 'count' = 'keep'): AnalyzedInput {
  return analyzePulumiPreview(checkPreview(document, 'preview.json'), 'preview.json', 0, quiet);
}

const fixture = (name: string): AnalyzedInput => analyze(JSON.parse(readFileSync(`fixtures/pulumi/${name}/preview.json`, 'utf8')));

const state = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ urn: DB, custom: true, type: 'aws:rds/instance:Instance', ...extra });

describe('parseUrn', () => {
  it('reads the stack, project, own type and name (which may hold ::)', () => {
    expect(parseUrn('urn:pulumi:dev::sample::aws:s3/bucket:Bucket$aws:s3/bucketNotification:BucketNotification::docs::handler')).toEqual({
      stack: 'dev',
      project: 'sample',
      type: 'aws:s3/bucketNotification:BucketNotification',
      name: 'docs::handler',
    });
  });

  it.each(['arn:aws:s3:::x', 'urn:pulumi:dev::sample::aws:s3/bucket:Bucket', 'urn:pulumi:::p::t::n'])('refuses %s', (text) => {
    expect(parseUrn(text)).toBeUndefined();
  });
});

describe('analyzePulumiPreview', () => {
  it('names the object it deletes by its id, ARN and region, never by a secret', () => {
    const outputs = { arn: 'arn:aws:rds:eu-west-1:123456789012:db:orders', region: 'eu-west-1', password: '[secret]' };
    const [change] = analyze({ steps: [{ op: 'delete', urn: DB, oldState: state({ id: 'orders-db-1a2b', outputs }) }] }).changes;
    expect(change?.identity).toEqual(['id=orders-db-1a2b', 'arn=arn:aws:rds:eu-west-1:123456789012:db:orders', 'region=eu-west-1']);
  });

  it('gives one change per resource, addressed by URN, typed by token and named by the URN', () => {
    const input = fixture('prod-database-delete');
    expect(input).toMatchObject({ format: 'pulumi-preview', platform: 'pulumi', actionCounts: { 'no-op': 1, delete: 1 } });
    expect(input.changes.map((c) => [c.address, c.type, c.name, c.action, c.source])).toEqual([
      [STACK, 'pulumi:pulumi:Stack', 'orders-production', 'no-op', 'pulumi'],
      [DB, 'aws:rds/instance:Instance', 'orders-db', 'delete', 'pulumi'],
    ]);
  });

  it('leaves quiet steps out when asked to count them only', () => {
    const input = analyze(JSON.parse(readFileSync('fixtures/pulumi/prod-database-delete/preview.json', 'utf8')), 'count');
    expect(input.changes.map((c) => c.address)).toEqual([DB]);
    expect(input.actionCounts).toEqual({ 'no-op': 1, delete: 1 });
  });

  it.each([
    ['prod-replace-create-first', 'create-first'],
    ['prod-replace-delete-first', 'delete-first'],
  ])('collapses the three steps of a replacement (%s) into one replace, %s', (name, order) => {
    const [change] = fixture(name).changes.filter((c) => c.address === DB);
    expect(fixture(name).changes.filter((c) => c.address === DB)).toHaveLength(1);
    expect(change).toMatchObject({ action: 'replace', replaceOrder: order, replacePaths: ['engine'], reason: 'changing engine forces replacement' });
  });

  it('leaves the order unsaid when only the replace step is shown (the default)', () => {
    const [, change] = analyze({
      steps: [
        { op: 'same', urn: STACK },
        { op: 'replace', urn: DB, oldState: state(), newState: state(), replaceReasons: ['engine'] },
      ],
    }).changes;
    expect(change.action).toBe('replace');
    expect(change.replaceOrder).toBeUndefined();
  });

  it.each([
    ['create', 'create'],
    ['update', 'update'],
    ['delete', 'delete'],
    ['read', 'read'],
    ['refresh', 'read'],
    ['read-replacement', 'read'],
    ['import', 'import'],
    ['import-replacement', 'replace'],
    ['discard', 'forget'],
    ['discard-replaced', 'forget'],
    ['remove-pending-replace', 'forget'],
    ['same', 'no-op'],
  ])('maps the op %s to %s', (op, action) => {
    const [change] = analyze({ steps: [{ op, urn: DB, oldState: state(), newState: state() }] }).changes;
    expect(change.action).toBe(action);
    expect(change.importing).toBe(op.startsWith('import') ? true : undefined);
  });

  it('words an update by its diffReasons', () => {
    const [change] = analyze({ steps: [{ op: 'update', urn: DB, diffReasons: ['engineVersion', 'tags'] }] }).changes;
    expect(change.reason).toBe('changes engineVersion, tags');
  });

  it('honours retainOnDelete: the delete is a forget that says the resource stays', () => {
    const [, change] = fixture('retain-on-delete').changes;
    expect(change.action).toBe('forget');
    expect(change.reason).toBe('retainOnDelete is set: Pulumi removes it from the stack and leaves the cloud resource in place');
  });

  it('names the protection of a deleted resource that Pulumi refuses to delete', () => {
    const [change] = analyze({ steps: [{ op: 'delete', urn: DB, oldState: state({ protect: true }) }] }).changes;
    expect(change.action).toBe('delete');
    expect(change.reason).toBe(`protect is set: pulumi refuses to delete it and fails the update until it is unprotected (\`pulumi state unprotect ${DB}\`)`);
  });

  it('gives the stack as a name hint, and tags, name inputs and the ARN account as evidence', () => {
    const [, change] = fixture('prod-database-delete').changes;
    expect(change.nameHints).toEqual([
      { field: 'stack', value: 'production' },
      { field: 'identifier', value: 'orders-db-7f3a1c2' },
      { field: 'dbName', value: 'orders' },
    ]);
    expect(change.labels).toContainEqual({ key: 'Environment', value: 'production', field: 'tags' });
    expect(change.accounts).toEqual([{ provider: 'aws', id: '123456789012', field: 'arn' }]);
  });

  it('carries no secret: neither `[secret]` nor a signature object, nor any copy of its plaintext', () => {
    const input = fixture('secret-values');
    const text = JSON.stringify(input.changes);
    expect(text).not.toContain('SECRET-MARKER-9c41');
    expect(text).not.toContain('[secret]');
    expect(input.changes[1].labels.map((label) => label.key)).not.toContain('Owner');
    const [change] = analyze({
      steps: [
        {
          op: 'delete',
          urn: DB,
          oldState: state({
            inputs: { password: { '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', plaintext: '"hunter2-orders"' } },
            outputs: { tags: { Owner: 'hunter2-orders' }, name: 'hunter2-orders' },
          }),
        },
      ],
    }).changes;
    expect(JSON.stringify(change)).not.toContain('hunter2');
  });

  it('lists the dependents a state names, so that a deletion shows what refers to it', () => {
    const input = analyze({
      steps: [
        { op: 'delete', urn: DB, oldState: state() },
        { op: 'delete', urn: 'urn:pulumi:production::orders::aws:rds/proxy:Proxy::p', oldState: { dependencies: [DB] } },
      ],
    });
    expect([...(input.dependents.get(DB) ?? [])]).toEqual(['urn:pulumi:production::orders::aws:rds/proxy:Proxy::p']);
  });
});

describe('checkPreview refuses what it cannot judge', () => {
  const refusal = (document: unknown): string => {
    try {
      checkPreview(document, 'preview.json');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('an unknown op, naming the file, the resource and the op', () => {
    expect(refusal({ steps: [{ op: 'teleport', urn: DB }] })).toBe(
      `preview.json: step 1 of \`steps\` ("${DB}") has the op "teleport", which blast-radius does not know: it cannot tell what it does to the resource, so it judges nothing.`,
    );
  });

  it('a preview without steps', () => {
    expect(refusal({ changeSummary: {} })).toMatch(/^preview.json has no `steps` list/);
  });

  it('a step without a URN or an op', () => {
    expect(refusal({ steps: [{ op: 'delete', urn: 'orders-db' }] })).toMatch(/has no Pulumi URN/);
    expect(refusal({ steps: [{ urn: DB }] })).toMatch(/has no `op`/);
  });

  it('a failed preview, naming a protected resource Pulumi refuses to delete', () => {
    expect(refusal(JSON.parse(readFileSync('fixtures/pulumi/protected-delete/preview.json', 'utf8')))).toMatch(
      new RegExp(`^preview.json is a failed preview: pulumi refuses to delete "${DB.replace(/[$]/g, '\\$')}", which is protected`),
    );
  });

  it('a failed preview of any other error, without quoting its message', () => {
    const message = refusal(JSON.parse(readFileSync('fixtures/pulumi/program-error/preview.json', 'utf8')));
    expect(message).toBe(
      `preview.json is a failed preview: pulumi reported 2 errors (the first about "${STACK}") and a failed preview shows not every change; fix what \`pulumi preview\` reports, then preview again and check it.`,
    );
    expect(message).not.toContain('TypeError');
  });

  it('warnings and infos, which do not fail a preview', () => {
    expect(
      checkPreview(
        {
          steps: [],
          diagnostics: [
            { severity: 'warning', message: 'x' },
            { severity: 'info', message: 'y' },
          ],
        },
        'p',
      ),
    ).toEqual([]);
  });
});
