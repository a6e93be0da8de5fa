// Labels, name hints and sensitive values read from `before`/`after`: sensitive values are never carried.
import { collectLabels } from '../../../src/analyzers/terraform/labels.js';
import { parseModulePath } from '../../../src/analyzers/terraform/module-path.js';
import { collectNameHints } from '../../../src/analyzers/terraform/name-hints.js';
import { isSensitive } from '../../../src/analyzers/terraform/sensitivity.js';
import { revealsSensitive, sensitiveStrings } from '../../../src/analyzers/terraform/sensitive-strings.js';

describe('collectLabels', () => {
  it('reads tags, tags_all and labels, with the field each came from', () => {
    const labels = collectLabels({ tags: { Environment: 'production' }, tags_all: { Environment: 'production', Owner: 'x' }, labels: { env: 'prod' } }, {});
    expect(labels).toEqual([
      { key: 'Environment', value: 'production', field: 'tags' },
      { key: 'Environment', value: 'production', field: 'tags_all' },
      { key: 'Owner', value: 'x', field: 'tags_all' },
      { key: 'env', value: 'prod', field: 'labels' },
    ]);
  });

  it('reads nested label maps: settings[0].user_labels, metadata[0].labels, manifest.metadata.labels', () => {
    const labels = collectLabels(
      {
        settings: [{ user_labels: { env: 'prod' } }],
        metadata: [{ labels: { tier: 'prod' } }],
        manifest: { metadata: { labels: { environment: 'staging' } } },
      },
      {},
    );
    expect(labels.map((l) => l.field)).toEqual(['settings[0].user_labels', 'metadata[0].labels', 'manifest.metadata.labels']);
  });

  it('reads AWS tag blocks', () => {
    const labels = collectLabels({ tag: [{ key: 'Environment', value: 'prod', propagate_at_launch: true }] }, {});
    expect(labels).toEqual([{ key: 'Environment', value: 'prod', field: 'tag[0]' }]);
  });

  it('skips values marked sensitive, and whole maps marked sensitive', () => {
    expect(collectLabels({ tags: { Environment: 'production', Team: 'a' } }, { tags: { Environment: true } })).toEqual([
      { key: 'Team', value: 'a', field: 'tags' },
    ]);
    expect(collectLabels({ tags: { Environment: 'production' } }, { tags: true })).toEqual([]);
    expect(collectLabels({ tags: { Environment: 'production' } }, true)).toEqual([]);
  });

  it('ignores unknown (null) and non-string values', () => {
    expect(collectLabels({ tags: null, labels: { a: 1, b: null } }, {})).toEqual([]);
  });
});

describe('collectNameHints', () => {
  it('reads name-like attributes and Kubernetes metadata, not sensitive ones', () => {
    const hints = collectNameHints(
      { identifier: 'orders-prod', bucket: 'assets', metadata: [{ name: 'web', namespace: 'payments' }], password: 'x', name: 'secret-name' },
      { name: true },
    );
    expect(hints).toEqual([
      { field: 'identifier', value: 'orders-prod' },
      { field: 'bucket', value: 'assets' },
      { field: 'metadata[0].name', value: 'web' },
      { field: 'metadata[0].namespace', value: 'payments' },
    ]);
  });
});

describe('isSensitive', () => {
  it('follows the tree, and true on an ancestor covers everything below', () => {
    expect(isSensitive({ a: { b: true } }, ['a', 'b'])).toBe(true);
    expect(isSensitive({ a: true }, ['a', 'b', 0])).toBe(true);
    expect(isSensitive({ a: [false, true] }, ['a', 1])).toBe(true);
    expect(isSensitive({ a: [false, true] }, ['a', 0])).toBe(false);
    expect(isSensitive({ a: {} }, ['a', 'b'])).toBe(false);
    expect(isSensitive(undefined, ['a'])).toBe(false);
  });

  it('is not fooled by inherited keys', () => {
    expect(isSensitive({}, ['constructor'])).toBe(false);
    expect(isSensitive({}, ['__proto__', 'x'])).toBe(false);
  });
});

describe('sensitive strings', () => {
  const secrets = sensitiveStrings(
    { password: 'hunter2-secret', tags: { Environment: 'production' }, nested: [{ token: 'abc' }], port: 5432, enabled: true },
    { password: true, tags: { Environment: true }, nested: [{ token: true }], port: true, enabled: true },
  );

  it('collects every value marked sensitive, nested and in lists', () => {
    expect([...secrets].sort()).toEqual(['5432', 'abc', 'hunter2-secret', 'production'].sort());
  });

  it('finds copies of them, whole or inside longer text', () => {
    expect(revealsSensitive('production', secrets)).toBe(true);
    expect(revealsSensitive('db-hunter2-secret-1', secrets)).toBe(true);
    expect(revealsSensitive('abc', secrets)).toBe(true);
    expect(revealsSensitive('abcdef', secrets)).toBe(false);
    expect(revealsSensitive('staging', secrets)).toBe(false);
  });
});

describe('parseModulePath', () => {
  it.each([
    [undefined, []],
    ['module.a', [{ name: 'a' }]],
    [
      'module.a["x.y"].module.b[0]',
      [
        { name: 'a', key: 'x.y' },
        { name: 'b', key: 0 },
      ],
    ],
    ['module.net["say \\"hi\\""]', [{ name: 'net', key: 'say "hi"' }]],
  ])('%s', (address, segments) => {
    expect(parseModulePath(address)).toEqual(segments);
  });
});
