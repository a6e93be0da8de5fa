// Property tests (fast-check, fixed seed): a secret planted wherever Kubernetes output can hold one — Secret data and
// stringData on either side of a kubectl diff (created, updated, pruned), helm-diff --show-secrets bodies, --deleting
// YAML and JSON, the last-applied-configuration annotation, and the values kubectl's errors quote (an Invalid value,
// an immutable field, a refused patch) — never reaches any output format, explain, --debug or an error message, as
// itself, in pieces, or in base64.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config/compiled-config.js';
import { UserError } from '../../src/errors.js';
import { REPORTERS, loadReporter, type Reporter } from '../../src/reporters/index.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratch } from './input-kinds.js';
import { CONTEXT, readKubernetes } from './kubernetes-kinds.js';
import {
  bodyJson,
  bodyLines,
  helmDiffAdded,
  helmDiffChanged,
  helmDiffRemoved,
  kubectlDiffCreated,
  kubectlDiffPruned,
  kubectlDiffUpdated,
  type ObjectShape,
} from './kubernetes-shapes.js';
import { fuzzOptions, fuzzTimeout } from './fuzz-options.js';

afterAll(() => scratch.remove());

/** A secret value: tokens joined by what could fool a redaction that cuts at `: `, `, `, quotes or brackets. */
interface Secret {
  value: string;
  tokens: string[];
}

const base64 = (text: string): string => Buffer.from(text).toString('base64');
const yaml = (text: string): string => JSON.stringify(text);

const SECRET_SHAPE: ObjectShape = {
  apiVersion: 'v1',
  kind: 'Secret',
  namespace: 'payments-prod',
  name: 'db-credentials',
  labels: { app: 'ledger', environment: 'production' },
  annotations: {},
  rest: ['type: Opaque'],
};

/** The Secret's body with the value in data (base64), stringData (clear) and the last-applied annotation. */
function secretShape(secret: string): ObjectShape {
  const lastApplied = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db-credentials', namespace: 'payments-prod' },
    stringData: { password: secret },
  });
  return {
    ...SECRET_SHAPE,
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied },
    rest: ['data:', `  password: ${base64(secret)}`, 'stringData:', `  password: ${yaml(secret)}`, 'type: Opaque'],
  };
}

/** A Deployment whose last-applied annotation repeats a Secret manifest applied with it. */
function deploymentShape(secret: string): ObjectShape {
  const lastApplied = JSON.stringify({ kind: 'Secret', stringData: { password: secret }, data: { token: base64(secret) } });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    namespace: 'payments-prod',
    name: 'api',
    labels: { environment: 'production' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied },
    rest: ['spec:', '  replicas: 1'],
  };
}

const IMMUTABLE_SELECTOR = (s: string): string =>
  `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":${yaml(s)}}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable`;

/** Each place: the input with the secret planted, whether it goes with --deleting, and an address to explain. */
const PLACES: Record<string, { deleting?: boolean; explain?: string; text: (secret: string) => string }> = {
  'kubectl diff, a created Secret (MERGED side)': {
    explain: 'Secret/payments-prod/db-credentials',
    text: (s) => kubectlDiffCreated(bodyLines(secretShape(s)), SECRET_SHAPE),
  },
  'kubectl diff, a pruned Secret (LIVE side, unmasked)': {
    explain: 'Secret/payments-prod/db-credentials',
    text: (s) => kubectlDiffPruned(bodyLines(secretShape(s)), SECRET_SHAPE),
  },
  'kubectl diff, an updated Secret (LIVE and MERGED sides)': {
    explain: 'Secret/payments-prod/db-credentials',
    text: (s) => kubectlDiffUpdated(bodyLines(secretShape(`${s}-old`)), bodyLines(secretShape(s)), SECRET_SHAPE),
  },
  'kubectl diff, the last-applied annotation of a pruned Deployment': {
    explain: 'Deployment.apps/payments-prod/api',
    text: (s) => kubectlDiffPruned(bodyLines(deploymentShape(s)), deploymentShape(s)),
  },
  'helm-diff --show-secrets, a changed Secret': {
    explain: 'Secret/payments-prod/db-credentials',
    text: (s) => helmDiffChanged(bodyLines(secretShape(`${s}-old`)), bodyLines(secretShape(s)), SECRET_SHAPE),
  },
  'helm-diff --show-secrets, a removed Secret': {
    explain: 'Secret/payments-prod/db-credentials',
    text: (s) => helmDiffRemoved(bodyLines(secretShape(s)), SECRET_SHAPE),
  },
  'helm-diff --show-secrets, an added Secret': {
    explain: 'Secret/payments-prod/db-credentials',
    text: (s) => helmDiffAdded(bodyLines(secretShape(s)), SECRET_SHAPE),
  },
  '--deleting YAML, a Secret': { deleting: true, text: (s) => `${bodyLines(secretShape(s)).join('\n')}\n---\n${bodyLines(deploymentShape(s)).join('\n')}\n` },
  '--deleting JSON, a List of Secrets': {
    deleting: true,
    text: (s) => {
      const shape = secretShape(s);
      const secretJson = bodyJson(shape, { data: { password: base64(s) }, stringData: { password: s }, type: 'Opaque' });
      return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [secretJson, bodyJson(deploymentShape(s))] }, null, 4)}\n`;
    },
  },
  'a kubectl error quoting an Invalid value': {
    text: (s) =>
      `The Secret "db-credentials" is invalid: data[password]: Invalid value: ${yaml(s)}: a valid config key must consist of alphanumeric characters\n`,
  },
  'a kubectl error quoting the value of an immutable field': {
    explain: 'Deployment.apps/web',
    text: (s) => `The Deployment "web" is invalid: ${IMMUTABLE_SELECTOR(s)}\n`,
  },
  'a kubectl error listing its causes': {
    explain: 'Deployment.apps/web',
    text: (s) =>
      `The Deployment "web" is invalid:\n* ${IMMUTABLE_SELECTOR(s)}\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":${yaml(s)}}: \`selector\` does not match template \`labels\`\n`,
  },
  'an API error quoting values of several kinds': {
    text: (s) =>
      `Error from server (Invalid): Secret "db-credentials" is invalid: [data[password]: Invalid value: ${yaml(s)}: must be valid base64, data[a]: Not found: ${yaml(s)}, type: Unsupported value: ${yaml(s)}, data[b]: Too many: ${yaml(s)}]\n`,
  },
  'a plain kubectl error quoting a value': {
    text: (s) => `error: Secret "db-credentials" is invalid: data[password]: Duplicate value: map[string]string{"k":${yaml(s)}}\n`,
  },
  'an API error aggregating causes': {
    text: (s) =>
      `Error from server (Invalid): Secret "db-credentials" is invalid: [data[password]: Invalid value: ${yaml(s)}: must be valid base64, immutable: Forbidden: field is immutable when \`immutable\` is set]\n`,
  },
  'a refused apply patch': {
    text: (s) =>
      [
        'Error from server (Invalid): error when applying patch:',
        JSON.stringify({
          data: { password: base64(s) },
          metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ stringData: { password: s } }) } },
        }),
        'to:',
        'Resource: "/v1, Resource=secrets", GroupVersionKind: "/v1, Kind=Secret"',
        'Name: "db-credentials", Namespace: "payments-prod"',
        `for: "secret.yaml": error when patching "secret.yaml": Secret "db-credentials" is invalid: data[password]: Invalid value: ${yaml(s)}: field is immutable when \`immutable\` is set`,
        '',
      ].join('\n'),
  },
};

const SEPARATORS = [': ', ', ', '": ', ' ', '\\"', ']: [', '}: ', ': field is immutable, x: Invalid value: "', ':'];
const token = fc.stringMatching(/^[A-Za-z0-9]{8,16}$/).map((s) => `SECRET${s}`);
const secrets: fc.Arbitrary<Secret> = fc
  .tuple(token, fc.constantFrom(...SEPARATORS), token, fc.constantFrom('', ...SEPARATORS), token)
  .map(([first, sep, second, sep2, third]) =>
    sep2 === ''
      ? { value: `${first}${sep}${second}`, tokens: [first, second] }
      : { value: `${first}${sep}${second}${sep2}${third}`, tokens: [first, second, third] },
  );

function expectNoSecret(output: string, secret: Secret): void {
  for (const piece of [secret.value, ...secret.tokens]) {
    expect(output).not.toContain(piece);
    expect(output).not.toContain(base64(piece));
  }
}

let written = 0;
function plant(place: string, secret: string): { file: string; deleting: boolean } {
  const { deleting = false, text } = PLACES[place];
  return { file: scratch.write(`secret-${written++}.${deleting ? 'yaml' : 'txt'}`, text(secret)), deleting };
}

it(
  'never prints a planted secret in any output format or error',
  async () => {
    const reporters: Reporter[] = [];
    for (const name of Object.keys(REPORTERS)) reporters.push(await loadReporter(name));
    await fc.assert(
      fc.asyncProperty(secrets, fc.constantFrom(...Object.keys(PLACES)), async (secret, place) => {
        const { file, deleting } = plant(place, secret.value);
        try {
          const report = await check({ files: deleting ? [] : [file], deleting: deleting ? [file] : [], compiledConfig: DEFAULT_CONFIG, context: CONTEXT });
          for (const reporter of reporters) expectNoSecret(reporter(report), secret);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          expectNoSecret(error.message, secret);
        }
      }),
      fuzzOptions(60),
    );
  },
  fuzzTimeout(30_000),
);

describe.each(Object.keys(PLACES))('a secret planted in %s', (place) => {
  const secret: Secret = { value: 'SECRETplantedA: SECRETplantedB, SECRETplantedC', tokens: ['SECRETplantedA', 'SECRETplantedB', 'SECRETplantedC'] };
  const env = { KUBECONFIG: join(ROOT, 'no-kubeconfig') };

  it('stays out of every format the CLI writes, its --debug output, and explain', () => {
    const { file, deleting } = plant(place, secret.value);
    const out = (name: string): string => join(scratch.path, `out-${written}-${name}`);
    const formats = Object.keys(REPORTERS).flatMap((name) => ['--format', `${name}=${out(name)}`]);
    const checked = runCli(['check', ...(deleting ? ['--deleting'] : []), file, '--debug', '--format', 'text', ...formats], { env });
    expect([0, 1]).toContain(checked.code);
    expectNoSecret(checked.stdout + checked.stderr, secret);
    for (const name of Object.keys(REPORTERS)) expectNoSecret(readFileSync(out(name), 'utf8'), secret);
    const address = PLACES[place]?.explain;
    const explained = runCli(['explain', file, address ?? 'Secret/payments-prod/db-credentials', '--debug'], { env });
    if (address !== undefined) expect(explained.code).toBe(0);
    expectNoSecret(explained.stdout + explained.stderr, secret);
  });

  it('stays out of the error when the input is damaged around it', async () => {
    const { text, deleting = false } = PLACES[place];
    const whole = text(secret.value);
    const at = whole.indexOf('SECRETplantedB');
    for (const damaged of [
      whole.slice(0, at),
      `${whole.slice(0, at)}\n`,
      `${whole.slice(0, at)}"\n${whole.slice(at)}`,
      `${whole.slice(0, at)}\u0000${whole.slice(at)}`,
    ]) {
      const outcome = await readKubernetes({ deleting }, damaged);
      expectNoSecret(JSON.stringify(outcome), secret);
    }
  });
});
