// The kubeconfig reader: current context, cluster, namespace and server host as kubectl merges files; bad files refused.
import { delimiter } from 'node:path';
import type { CredentialReading } from '../../src/credentials/credential-finding.js';
import { currentKubeContext, readKubernetes } from '../../src/credentials/kubernetes.js';
import { SECRET_MARKERS, expectNoSecret, fakeHome, kubeconfig, type FakeHome } from './fake-home.js';

const EKS_PROD = 'arn:aws:eks:eu-west-1:123456789012:cluster/payments-prod';

let fake: FakeHome;
beforeEach(() => {
  fake = fakeHome();
});
afterEach(() => fake.remove());

const summary = (readings: CredentialReading[]) => readings.map((r) => [r.what, r.value, r.basis.kind]);

describe('~/.kube/config', () => {
  it('reads the current context, its cluster, namespace and server host', () => {
    fake.write(
      '.kube/config',
      kubeconfig({
        current: 'gke_acme_europe-west1_prod',
        contexts: [
          ['gke_acme_europe-west1_prod', 'gke_acme_europe-west1_prod', 'payments'],
          ['kind-dev', 'kind-dev'],
        ],
        clusters: [
          ['gke_acme_europe-west1_prod', 'https://34.76.1.2'],
          ['kind-dev', 'https://127.0.0.1:6443'],
        ],
      }),
    );
    const readings = readKubernetes({}, fake.home);
    expect(summary(readings)).toEqual([
      ['context', 'gke_acme_europe-west1_prod', 'name'],
      ['cluster', 'gke_acme_europe-west1_prod', 'name'],
      ['server', '34.76.1.2', 'name'],
      ['namespace', 'payments', 'name'],
    ]);
    expect(readings[0]?.where).toBe(`${fake.path('.kube/config')} current-context`);
    expect(currentKubeContext({}, fake.home)).toEqual({
      context: 'gke_acme_europe-west1_prod',
      cluster: 'gke_acme_europe-west1_prod',
      namespace: 'payments',
      file: fake.path('.kube/config'),
    });
    expectNoSecret(JSON.stringify(readings));
  });

  it('reports nothing when no current-context is set, or no kubeconfig exists', () => {
    fake.write('.kube/config', kubeconfig({ contexts: [['prod', 'prod']], clusters: [['prod', 'https://prod.example.com']] }));
    expect(readKubernetes({}, fake.home)).toEqual([]);
    expect(currentKubeContext({}, fake.home)).toBeUndefined();
    expect(readKubernetes({}, `${fake.home}/nowhere`)).toEqual([]);
  });

  it('treats an empty file as an empty kubeconfig', () => {
    fake.write('.kube/config', '');
    expect(readKubernetes({}, fake.home)).toEqual([]);
  });

  it('reports a current context that no file defines by its name alone', () => {
    fake.write('.kube/config', kubeconfig({ current: 'orders-prod' }));
    expect(summary(readKubernetes({}, fake.home))).toEqual([['context', 'orders-prod', 'name']]);
    expect(currentKubeContext({}, fake.home)).toEqual({ context: 'orders-prod', cluster: undefined, namespace: undefined, file: fake.path('.kube/config') });
  });
});

describe('KUBECONFIG with several files', () => {
  it('takes current-context from the first file that sets it, and each context and cluster from its first definition', () => {
    const a = fake.write('a.yaml', kubeconfig({ contexts: [['payments', EKS_PROD]] }));
    const b = fake.write(
      'b.yaml',
      kubeconfig({ current: 'payments', contexts: [['payments', 'kind-dev']], clusters: [[EKS_PROD, 'https://ABC.gr7.eu-west-1.eks.amazonaws.com']] }),
    );
    const c = fake.write('c.yaml', kubeconfig({ current: 'kind-dev', clusters: [[EKS_PROD, 'https://other.example.com']] }));
    const env = { KUBECONFIG: [a, fake.path('missing.yaml'), '', b, c].join(delimiter) };
    const readings = readKubernetes(env, fake.home);
    expect(summary(readings)).toEqual([
      ['context', 'payments', 'name'],
      ['cluster', EKS_PROD, 'name'],
      ['server', 'abc.gr7.eu-west-1.eks.amazonaws.com', 'name'],
    ]);
    expect(readings.map((r) => r.where)).toEqual([`${b} current-context`, `${a} context "payments" cluster`, `${b} cluster "${EKS_PROD}" server`]);
    expect(currentKubeContext(env, fake.home)).toMatchObject({ context: 'payments', cluster: EKS_PROD, file: b });
  });

  it('ignores ~/.kube/config when KUBECONFIG names files', () => {
    fake.write('.kube/config', kubeconfig({ current: 'prod' }));
    const other = fake.write('other.yaml', kubeconfig({ current: 'kind-dev' }));
    expect(currentKubeContext({ KUBECONFIG: other }, fake.home)?.context).toBe('kind-dev');
  });
});

describe('files it refuses, in one sentence, guessing nothing', () => {
  const unreadable = (readings: CredentialReading[]) => readings.find((r) => r.basis.kind === 'unreadable');

  it('malformed YAML: a line and column, never the lines around it (a token is there)', () => {
    const file = fake.write('.kube/config', `current-context: prod\nusers:\n- name: u\n  user:\n    token: ${SECRET_MARKERS[5]}\n   bad: [\n`);
    const readings = readKubernetes({}, fake.home);
    expect(summary(readings)).toEqual([['file', file, 'unreadable']]);
    const problem = (unreadable(readings)?.basis as { problem: string }).problem;
    expect(problem).toMatch(/^it is not valid YAML at line \d+, column \d+/);
    expect(problem).not.toContain('\n');
    expectNoSecret(JSON.stringify(readings));
    expect(currentKubeContext({}, fake.home)).toBeUndefined();
  });

  it('an unreadable file stops the merge: what a later file says is not taken', () => {
    const broken = fake.write('broken.yaml', 'current-context: [unterminated\n');
    const good = fake.write('good.yaml', kubeconfig({ current: 'kind-dev' }));
    const readings = readKubernetes({ KUBECONFIG: [broken, good].join(delimiter) }, fake.home);
    expect(summary(readings)).toEqual([['file', broken, 'unreadable']]);
  });

  it('keeps what earlier files settled before an unreadable one', () => {
    const first = fake.write('first.yaml', kubeconfig({ current: 'payments-prod' }));
    const broken = fake.write('broken.yaml', 'contexts: {not: a list}\n');
    const readings = readKubernetes({ KUBECONFIG: [first, broken].join(delimiter) }, fake.home);
    expect(summary(readings)).toEqual([
      ['context', 'payments-prod', 'name'],
      ['file', broken, 'unreadable'],
    ]);
    expect((unreadable(readings)?.basis as { problem: string }).problem).toBe('its contexts are not a list');
  });

  it.each([
    ['a list at the top level', '- a\n- b\n', 'it is not a kubeconfig: its top level is not a mapping'],
    ['a number as current-context', 'current-context: 42\n', 'its current-context is not a string'],
    ['a context entry without a name', 'contexts:\n- context: {cluster: x}\n', 'its contexts are not a list of named entries'],
    ['two documents', 'current-context: a\n---\ncurrent-context: b\n', expect.stringMatching(/^it is not valid YAML/)],
  ])('%s', (_name, text, problem) => {
    fake.write('.kube/config', text);
    expect(unreadable(readKubernetes({}, fake.home))?.basis).toEqual({ kind: 'unreadable', problem });
  });

  it('a YAML alias bomb, quickly', () => {
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const lines = ['current-context: prod', `a: &a [${Array(9).fill('"lol"').join(', ')}]`];
    for (const [i, level] of levels.slice(1).entries()) lines.push(`${level}: &${level} [${Array(9).fill(`*${levels[i]}`).join(', ')}]`);
    fake.write('.kube/config', `${lines.join('\n')}\n`);
    const started = performance.now();
    const readings = readKubernetes({}, fake.home);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(summary(readings)).toEqual([['file', fake.path('.kube/config'), 'unreadable']]);
    expect((unreadable(readings)?.basis as { problem: string }).problem).toContain('alias bomb');
  });

  it('a file over 1 MB, without parsing it', () => {
    fake.write('.kube/config', `current-context: prod\n${'# padding padding padding\n'.repeat(45_000)}`);
    expect((unreadable(readKubernetes({}, fake.home))?.basis as { problem: string }).problem).toContain('larger than 1 MB');
  });

  it('a directory', () => {
    fake.write('.kube/config/inner', 'x');
    expect((unreadable(readKubernetes({}, fake.home))?.basis as { problem: string }).problem).toBe('it is a directory, not a file');
  });
});
