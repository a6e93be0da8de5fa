// The line reader of plain block YAML answers only as js-yaml's core schema answers, and leaves everything else
// (refusals included) to js-yaml; it does answer for the bodies kubectl and helm print.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { loadPlainBlockYaml } from '../../src/yaml/load-plain-block-yaml.js';
import { fuzzOptions } from '../properties/fuzz-options.js';
import { ROOT } from '../helpers/run-cli.js';

type Loaded = { value: unknown } | 'refused';

function jsYaml(text: string): Loaded {
  try {
    return { value: load(text, { schema: CORE_SCHEMA }) };
  } catch {
    return 'refused';
  }
}

/** When the line reader answers, js-yaml reads the same value; returns whether it answered. */
function agrees(text: string): boolean {
  const plain = loadPlainBlockYaml(text);
  if (plain === undefined) return false;
  expect(jsYaml(text)).toEqual({ value: plain });
  return true;
}

// Scalars and keys chosen to sit on the edges: what resolves to null, booleans, numbers, what only looks like them,
// indicators, quotes, colons and hashes inside.
const SCALARS = [
  'web',
  'eu-west-1',
  '3',
  '-1',
  '012',
  '0o17',
  '0x1F',
  '1_000',
  '1.5',
  '1e3',
  '.inf',
  '-.Inf',
  '.NaN',
  'true',
  'True',
  'TRUE',
  'yes',
  'no',
  'on',
  'null',
  'Null',
  '~',
  '',
  '"quoted"',
  '"a\\"b"',
  '"a\\nb"',
  "'single'",
  "'it''s'",
  "it's",
  '"unclosed',
  "'unclosed",
  '{}',
  '[]',
  '[a, b]',
  '{a: 1}',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#c',
  'x:',
  '-',
  '- a',
  '-x',
  '?x',
  ':x',
  '@x',
  '`x',
  '%x',
  '&a x',
  '*a',
  '!!str 1',
  '|',
  '>',
  'a  b',
  'http://example.com/x?y=1',
  '2025-03-02T14:20:11Z',
  '"2025-03-02T14:20:11Z"',
  '25%',
  'a,b',
  'x]',
  '---',
  '...',
];
const TRICKY_KEYS = ['1', '01', '1.0', 'true', 'True', 'null', '~', 'a b', '-x', '"q"', '__proto__'];
const PLAIN_KEYS = ['name', 'app', 'app.kubernetes.io/name', 'helm.sh/chart', 'LOG_LEVEL', 'x', 'y'];
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PLAIN_KEYS) }, fc.constantFrom(...TRICKY_KEYS));

interface Node {
  kind: 'map' | 'seq' | 'scalar' | 'literal';
  entries?: [string, Node][];
  items?: Node[];
  text?: string;
}

/** Lines of a literal block: JSON as kubectl's last-applied annotation holds, spaces, what looks like a comment or a key. */
const LITERAL_LINES = ['{"apiVersion":"v1","kind":"ConfigMap"}', 'text  with spaces  ', '# not a comment', '  more indented', '', '   ', 'x: y', '- z'];
const PLAIN = ['web', 'api', 'eu-west-1', '3', 'true', 'registry.example.com/web:1.4.0', '"3"', "'gp3'", '{}', '[]'];

const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: fc.constantFrom(...PLAIN).map((text): Node => ({ kind: 'scalar', text })) },
    fc.constantFrom(...SCALARS).map((text): Node => ({ kind: 'scalar', text })),
    fc
      .tuple(fc.constantFrom('|', '|-'), fc.array(fc.constantFrom(...LITERAL_LINES), { minLength: 1, maxLength: 3 }))
      .map(([header, lines]): Node => ({ kind: 'literal', text: header, items: lines.map((line): Node => ({ kind: 'scalar', text: line })) })),
    fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }).map((entries): Node => ({ kind: 'map', entries })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items): Node => ({ kind: 'seq', items })),
  ),
})).node;

/** Writes a mapping the way kubectl (sequences at their key's indentation) or helm (indented) print it. */
function write(entries: [string, Node][], indent: number, style: { step: number; indentSequences: boolean }): string[] {
  const pad = ' '.repeat(indent);
  return entries.flatMap(([key, value]): string[] => {
    if (value.kind === 'scalar') return [`${pad}${key}: ${value.text}`];
    if (value.kind === 'literal')
      return [`${pad}${key}: ${value.text}`, ...(value.items ?? []).map((line) => (line.text === '' ? '' : `${pad}${' '.repeat(style.step)}${line.text}`))];
    if (value.kind === 'map') return [`${pad}${key}:`, ...write(value.entries ?? [], indent + style.step, style)];
    const dashAt = indent + (style.indentSequences ? style.step : 0);
    return [`${pad}${key}:`, ...(value.items ?? []).flatMap((item) => writeItem(item, dashAt, style))];
  });
}

function writeItem(item: Node, dashAt: number, style: { step: number; indentSequences: boolean }): string[] {
  const dash = `${' '.repeat(dashAt)}- `;
  if (item.kind === 'scalar' || item.kind === 'literal') return [`${dash}${item.text}`];
  if (item.kind === 'seq') return [`${dash.trimEnd()}`, ...(item.items ?? []).flatMap((inner) => writeItem(inner, dashAt + 2, style))];
  const [first, ...rest] = write(item.entries ?? [], dashAt + 2, style);
  return [`${dash}${first.trimStart()}`, ...rest];
}

const document = fc
  .tuple(fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 5 }), fc.record({ step: fc.constantFrom(2, 4), indentSequences: fc.boolean() }))
  .map(([entries, style]) => write(entries, 0, style));

/** Damage to the lines: one moved left or right, one dropped, one repeated, a comment or blank line put in. */
const damaged = fc
  .tuple(
    document,
    fc.nat(),
    fc.constantFrom('indent', 'outdent', 'drop', 'repeat', 'comment', 'blank', 'trailing-comment', 'none', 'none', 'none'),
    fc.boolean(),
  )
  .map(([lines, at, damage, finalBreak]) => {
    const index = at % lines.length;
    const line = lines[index];
    const changed = [...lines];
    if (damage === 'indent') changed[index] = ` ${line}`;
    else if (damage === 'outdent') changed[index] = line.replace(/^ /, '');
    else if (damage === 'drop') changed.splice(index, 1);
    else if (damage === 'repeat') changed.splice(index, 0, line);
    else if (damage === 'comment') changed.splice(index, 0, `${' '.repeat(index % 5)}# note`);
    else if (damage === 'blank') changed.splice(index, 0, '');
    else if (damage === 'trailing-comment') changed[index] = `${line} # note`;
    return `${changed.join('\n')}${finalBreak ? '\n' : ''}`;
  });

describe('loadPlainBlockYaml', () => {
  it('answers, when it answers, exactly what js-yaml reads (documents kubectl and helm would print, and damaged ones)', () => {
    let answered = 0;
    fc.assert(
      fc.property(damaged, (text) => {
        if (agrees(text)) answered++;
      }),
      fuzzOptions(2000),
    );
    // The generated documents are mostly plain block YAML: the reader must answer for many of them.
    expect(answered).toBeGreaterThan(200);
  });

  it('leaves keys written twice to js-yaml, which refuses them', () => {
    const text = 'metadata:\n  name: web\n  labels:\n    app: web\n    app: api\n';
    expect(loadPlainBlockYaml(text)).toBeUndefined();
    expect(jsYaml(text)).toBe('refused');
  });

  it.each([
    ['a scalar continued on the next line', 'data:\n  note: one\n    two\n'],
    ['a flow mapping', 'metadata: {name: web}\n'],
    ['an escape', 'data:\n  a: "x\\ty"\n'],
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a folded block', 'data:\n  a: >\n    text\n'],
    ['a literal block with an indentation indicator', 'data:\n  a: |2\n    text\n'],
    ['a literal block that ends the text without a line break', 'data:\n  a: |\n    text'],
    ['a key js-yaml turns into another string', '0x10: a\n'],
    ['a tab', 'a:\tb\n'],
    ['text outside ASCII', 'metadata:\n  name: wéb\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a list at the top', '- a\n- b\n'],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(loadPlainBlockYaml(text)).toBeUndefined();
  });

  it('reads kubectl-style and helm-style bodies as js-yaml does', () => {
    const kubectl = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  annotations:',
      '    deployment.kubernetes.io/revision: "3"',
      '  generation: 4',
      '  labels:',
      '    app: web',
      '  name: web',
      'spec:',
      '  replicas: 3',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: registry.example.com/web:1.4.0',
      '        name: web',
      '        ports:',
      '        - containerPort: 8080',
      '        resources: {}',
      '      tolerations: []',
      'status: {}',
      '',
    ].join('\n');
    const helm = [
      '# Source: payments/templates/api.yaml',
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata:',
      '  name: data',
      'spec:',
      '  accessModes:',
      '    - ReadWriteOnce',
      "  storageClassName: 'gp3'",
      '  resources:',
      '    requests:',
      '      storage: 200Gi',
    ].join('\n');
    expect(agrees(kubectl)).toBe(true);
    expect(agrees(helm)).toBe(true);
  });

  it('answers for the bodies in the committed kubectl diff and helm-diff fixtures as js-yaml does', () => {
    const bodies: string[] = [];
    for (const side of ['live', 'merged']) {
      const folder = join(ROOT, 'fixtures/kubernetes/kubectl-diff/created-updated-pruned', side);
      for (const file of readdirSync(folder)) bodies.push(readFileSync(join(folder, file), 'utf8'));
    }
    for (const side of ['old', 'new']) {
      const folder = join(ROOT, 'fixtures/kubernetes/helm-diff/upgrade', side);
      for (const file of readdirSync(folder)) bodies.push(readFileSync(join(folder, file), 'utf8'));
    }
    const answered = bodies.filter(agrees);
    expect(bodies.length).toBeGreaterThan(5);
    // All but the empty LIVE file of a created object and helm's flow sequence `["ReadWriteOnce"]` (both sides).
    expect(answered.length).toBe(bodies.length - 3);
  });
});
