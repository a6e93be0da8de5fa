// Kubernetes inputs end to end through the built CLI: every input format, detected by content, each cascade kind,
// immutable-field replaces, keep annotations, contexts, a mixed Terraform + Kubernetes run, --cluster against a local
// fake API server, and Secret values that never reach any output format.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliAsync, type CliResult } from '../helpers/run-cli.js';
import { startFakeApiServer, writeKubeconfig, type FakeApiServer } from '../analyzers/kubernetes/live/fake-api-server.js';

const K8S = 'fixtures/kubernetes';
/** No kubeconfig: the current context of whoever runs the tests must not decide environments here. */
const NO_KUBECONFIG = { KUBECONFIG: join(tmpdir(), 'blast-radius-no-kubeconfig') };
const MARKER = 'SECRET-MARKER-7f3a';
const MARKER_BASE64 = 'U0VDUkVULU1BUktFUi03ZjNh';

interface JsonReport {
  verdict: string;
  inputs: { file: string; format: string }[];
  findings: {
    ruleId: string;
    severity: string;
    address: string;
    action: string;
    environment: string;
    message: string;
    dependents?: { count: number; paths: string[]; chains: string[][] };
  }[];
  resources: { address: string; action: string; reason?: string; environment: { name: string; rule: string; reason: string } }[];
}

function check(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  return runCli(['check', ...args], { env: { ...NO_KUBECONFIG, ...env } });
}

function report(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; json: JsonReport } {
  const result = check([...args, '--format', 'json'], env);
  return { code: result.code, json: JSON.parse(result.stdout) as JsonReport };
}

const finding = (json: JsonReport, address: string) => json.findings.find((f) => f.address === address);
const resource = (json: JsonReport, address: string) => json.resources.find((r) => r.address === address);

describe('formats, detected by content', () => {
  it.each([
    [`${K8S}/kubectl-diff/created-updated-pruned/diff.txt`, 'kubectl-diff', 1],
    [`${K8S}/kubectl-apply/prune-server-dry-run/apply.txt`, 'kubectl-apply', 0],
    [`${K8S}/kubectl-apply/client-dry-run/apply.txt`, 'kubectl-apply', 0],
    [`${K8S}/kubectl-delete/namespace-old-form/delete.txt`, 'kubectl-delete', 1],
    [`${K8S}/kubectl-delete/namespace-new-form/delete.txt`, 'kubectl-delete', 1],
    [`${K8S}/kubectl-delete/output-name/delete.txt`, 'kubectl-delete', 1],
    [`${K8S}/helm-diff/upgrade/helm-diff.txt`, 'helm-diff', 1],
  ])('%s is read as %s (exit %i)', (file, format, code) => {
    const { code: exit, json } = report([file]);
    expect(exit).toBe(code);
    expect(json.inputs).toEqual([{ file, format, platform: 'kubernetes' }]);
  });

  it('reads objects to delete from JSON and YAML lists and helm manifests (--deleting)', () => {
    for (const file of [
      'payments-namespace/objects.json',
      'payments-namespace-yaml/objects.yaml',
      'helm-manifest/manifest.yaml',
      'single-object/namespace.json',
    ]) {
      const { code, json } = report(['--deleting', `${K8S}/objects/${file}`]);
      expect(code).toBe(1);
      expect(json.inputs[0]?.format).toBe('kubernetes-objects');
    }
  });

  it('reads standard input: `kubectl diff … 2>&1 | blast-radius check -`', () => {
    const result = runCli(['check', '-', '--format', 'json'], {
      input: readFileSync(join(K8S, 'kubectl-diff/pruned-pvc/diff.txt'), 'utf8'),
      env: NO_KUBECONFIG,
    });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as JsonReport).inputs[0]?.format).toBe('kubectl-diff');
  });

  it('obeys --input-format over detection, and fails closed when the content is not that format', () => {
    const forced = check([`${K8S}/kubectl-apply/prune-server-dry-run/apply.txt`, '--input-format', 'kubectl-delete']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/apply\.txt/);
    expect(forced.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses objects given as a change, pointing to --deleting', () => {
    const result = check([`${K8S}/objects/payments-namespace-yaml/objects.yaml`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pass it with --deleting');
    const json = check([`${K8S}/objects/single-object/namespace.json`]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('pass it with --deleting');
  });

  it('fails closed on a truncated object list', () => {
    const result = check(['--deleting', `${K8S}/objects/truncated/objects.json`]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('objects.json');
  });
});

describe('what gets deleted, and why', () => {
  it('blocks a pruned production object, with the label that says production', () => {
    const { json } = report([`${K8S}/kubectl-diff/created-updated-pruned/diff.txt`]);
    expect(finding(json, 'ConfigMap/payments-prod/legacy-flags')).toMatchObject({ ruleId: 'prod-delete', action: 'delete', environment: 'production' });
    expect(resource(json, 'ConfigMap/payments-prod/legacy-flags')?.environment).toMatchObject({
      rule: 'default-tag',
      reason: 'its metadata.labels say environment = "production"',
    });
  });

  it('namespace cascade: every object the input shows in the namespace goes down with it', () => {
    const { json } = report([`${K8S}/kubectl-delete/namespace-new-form/delete.txt`]);
    expect(finding(json, 'Namespace/payments-prod')?.dependents?.count).toBe(2);
    expect(resource(json, 'Namespace/payments-prod')?.environment.reason).toContain('decided on less evidence');
  });

  it('owner cascade: Deployment → ReplicaSet → Pod, with the path of each', () => {
    const { json } = report(['--deleting', `${K8S}/objects/payments-namespace/objects.json`]);
    expect(finding(json, 'Deployment.apps/payments-prod/web')?.dependents?.paths).toEqual([
      'ReplicaSet.apps/payments-prod/web-6d5f8c7b9 → Deployment.apps/payments-prod/web',
      'Pod/payments-prod/web-6d5f8c7b9-x7k2p → ReplicaSet.apps/payments-prod/web-6d5f8c7b9 → Deployment.apps/payments-prod/web',
    ]);
    expect(finding(json, 'Deployment.apps/payments-prod/web')?.dependents?.chains).toEqual([
      ['ReplicaSet.apps/payments-prod/web-6d5f8c7b9', 'Deployment.apps/payments-prod/web'],
      ['Pod/payments-prod/web-6d5f8c7b9-x7k2p', 'ReplicaSet.apps/payments-prod/web-6d5f8c7b9', 'Deployment.apps/payments-prod/web'],
    ]);
  });

  it("claim → volume: the volume behind a deleted claim takes the claim's environment, as data loss", () => {
    const { json } = report([`${K8S}/kubectl-diff/pruned-pvc/diff.txt`]);
    const volume = json.findings.find((f) => f.address.startsWith('PersistentVolume/'));
    expect(volume).toMatchObject({ ruleId: 'prod-delete', environment: 'production' });
    expect(volume?.message).toContain("does not show the volume's reclaim policy");
    const environment = resource(json, volume?.address ?? '')?.environment;
    expect(environment).toMatchObject({ rule: 'inherited' });
    expect(environment?.reason).toMatch(/^it goes down with PersistentVolumeClaim\/payments-prod\/ledger-data/);
  });

  it('StatefulSet claims: whenDeleted: Delete takes the template claims and their volumes', () => {
    const { json } = report(['--deleting', `${K8S}/objects/payments-namespace/objects.json`]);
    expect(finding(json, 'StatefulSet.apps/payments-prod/ledger')?.dependents?.paths[0]).toBe(
      'PersistentVolumeClaim/payments-prod/data-ledger-0 → StatefulSet.apps/payments-prod/ledger',
    );
  });

  it('CRD cascade: its custom resources go down with it', () => {
    const { json } = report(['--deleting', `${K8S}/objects/crd/objects.yaml`]);
    expect(finding(json, 'CustomResourceDefinition.apiextensions.k8s.io/ledgerentries.payments.example.com')?.dependents?.count).toBe(2);
  });

  it('immutable fields: helm-diff shows them as diffs, reported as replace with the field named', () => {
    const { json } = report([`${K8S}/helm-diff/upgrade/helm-diff.txt`]);
    expect(finding(json, 'Deployment.apps/payments-prod/api')).toMatchObject({ ruleId: 'prod-replace', action: 'replace' });
    expect(finding(json, 'Deployment.apps/payments-prod/api')?.message).toContain('immutable field spec.selector changed');
    expect(finding(json, 'StatefulSet.apps/payments-prod/ledger')?.message).toContain('immutable field spec.volumeClaimTemplates changed');
  });

  it.each([
    ['Service/payments-prod/orders', 'spec.clusterIP'],
    ['Job.batch/payments-prod/migrate', 'spec.template'],
    ['PersistentVolumeClaim/payments-prod/ledger-data', 'spec.storageClassName'],
    ['ConfigMap/payments-prod/feature-flags', 'data'],
  ])('immutable fields, each family: %s changing %s is a replace', (address, field) => {
    const { json } = report([`${K8S}/helm-diff/immutable-fields/helm-diff.txt`]);
    expect(finding(json, address)).toMatchObject({ ruleId: 'prod-replace', action: 'replace' });
    expect(resource(json, address)?.reason).toMatch(new RegExp(`^immutable field ${field.replace('.', '\\.')} changed: `));
  });

  it("immutable fields: kubectl's refusal piped with 2>&1 is a replace with the field named", () => {
    const { json } = report([`${K8S}/kubectl-diff/immutable-selector-error/diff.txt`]);
    expect(json.resources[0]).toMatchObject({ address: 'Deployment.apps/web', action: 'replace' });
    expect(json.resources[0]?.reason).toContain('spec.selector');
  });

  it('an error instead of a diff: the objects it names are unjudged, and that blocks', () => {
    const { code, json } = report([`${K8S}/kubectl-diff/error-only/diff.txt`]);
    expect(code).toBe(1);
    expect(json.findings[0]).toMatchObject({ ruleId: 'unjudged-objects', severity: 'error' });
    expect(json.findings[0]?.message).toContain('Forbidden');
  });

  it('keep annotations (helm, Argo CD Prune=false and Delete=false, Flux) keep the object and do not block', () => {
    const { code, json } = report(['--deleting', `${K8S}/objects/protected/objects.yaml`]);
    expect(code).toBe(0);
    expect(json.findings.map((f) => [f.ruleId, f.address])).toEqual([
      ['kept-by-annotation', 'ConfigMap/payments-prod/billing-flags'],
      ['kept-by-annotation', 'Deployment.apps/payments-prod/billing'],
      ['kept-by-annotation', 'PersistentVolumeClaim/payments-prod/billing-data'],
      ['kept-by-annotation', 'Service/payments-prod/billing'],
    ]);
    expect(json.resources.every((r) => r.action === 'forget')).toBe(true);
  });
});

describe('contexts', () => {
  const named = `${K8S}/kubectl-delete/output-name/delete.txt`;

  it('an object a text output names without namespace or labels is unknown, and warns', () => {
    const { json } = report([named]);
    expect(finding(json, 'Deployment.apps/api')).toMatchObject({ ruleId: 'unknown-env-delete', severity: 'warning' });
  });

  it('--context named like production makes such objects production', () => {
    const { json } = report([named, '--context', 'gke_acme_europe-west1_prod']);
    expect(finding(json, 'Deployment.apps/api')).toMatchObject({ ruleId: 'prod-delete', environment: 'production' });
    expect(resource(json, 'Deployment.apps/api')?.environment.rule).toBe('default-context');
  });

  it('the current context of the kubeconfig counts when --context is not given', () => {
    const home = mkdtempSync(join(tmpdir(), 'blast-radius-kubeconfig-'));
    const kubeconfig = join(home, 'config');
    writeFileSync(
      kubeconfig,
      'apiVersion: v1\nkind: Config\ncurrent-context: prod-eu\ncontexts:\n- name: prod-eu\n  context:\n    cluster: eu-1\nclusters:\n- name: eu-1\n  cluster:\n    server: https://127.0.0.1:1\n',
    );
    const { json } = report([named], { KUBECONFIG: kubeconfig });
    expect(resource(json, 'Deployment.apps/api')?.environment).toMatchObject({ name: 'production', rule: 'default-context' });
  });

  it('explain shows every rule tried for an object, the context among them', () => {
    const result = runCli(['explain', named, 'Deployment.apps/api', '--context', 'prod-eu'], { env: NO_KUBECONFIG });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no match  default-name: no evidence');
    expect(result.stdout).toContain('matched  default-context: production: Kubernetes context "prod-eu"');
  });

  it('a configuration rule can match the context', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blast-radius-config-'));
    const config = join(dir, '.blast-radius.yml');
    writeFileSync(config, 'version: 1\nrules:\n  - id: eu-cluster\n    environment: production\n    match:\n      context: "eu-*"\n');
    const { json } = report([named, '--context', 'eu-central', '--config', config]);
    expect(resource(json, 'Deployment.apps/api')?.environment).toMatchObject({ name: 'production', rule: 'eu-cluster' });
  });
});

describe('one verdict for Terraform and Kubernetes together', () => {
  it('blocks when either blocks, listing both inputs', () => {
    const { code, json } = report(['fixtures/terraform/staging-delete/plan.json', `${K8S}/helm-diff/upgrade/helm-diff.txt`]);
    expect(code).toBe(1);
    expect(json.inputs.map((i) => i.format)).toEqual(['terraform-plan', 'helm-diff']);
    expect(new Set(json.findings.map((f) => f.ruleId))).toEqual(new Set(['nonprod-delete', 'prod-replace', 'prod-delete']));
  });

  it('passes when neither blocks', () => {
    const { code } = report(['fixtures/terraform/staging-delete/plan.json', '--deleting', `${K8S}/objects/protected/objects.yaml`]);
    expect(code).toBe(0);
  });
});

describe('Secrets never leak', () => {
  const inputs: string[][] = [
    [`${K8S}/kubectl-diff/secret/diff.txt`],
    [`${K8S}/helm-diff/upgrade/helm-diff.txt`],
    ['--deleting', `${K8S}/objects/payments-namespace/objects.json`],
    ['--deleting', `${K8S}/objects/payments-namespace-yaml/objects.yaml`],
    ['--deleting', `${K8S}/objects/helm-manifest/manifest.yaml`],
  ];
  it.each(inputs)('%s %s: no format prints the Secret value or its base64', (...args) => {
    for (const format of ['text', 'json', 'markdown', 'sarif', 'github', 'agent']) {
      const result = check([...args, '--format', format, '--debug']);
      expect(result.code).toBe(1);
      for (const output of [result.stdout, result.stderr]) {
        expect(output).not.toContain(MARKER);
        expect(output).not.toContain(MARKER_BASE64);
      }
    }
  });
});

describe('--cluster', () => {
  let server: FakeApiServer;
  let kubeconfig: string;
  beforeAll(async () => {
    server = await startFakeApiServer();
    kubeconfig = writeKubeconfig(server.url);
  });
  afterAll(() => server.close());

  it('lists what a namespace deletion takes from the live cluster, and never prints Secret data', async () => {
    const result = await runCliAsync(
      ['check', `${K8S}/kubectl-delete/namespace-old-form/delete.txt`, '--cluster', '--kubeconfig', kubeconfig, '--context', 'prod-eu', '--format', 'json'],
      { env: NO_KUBECONFIG },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as JsonReport;
    const namespace = finding(json, 'Namespace/payments-prod');
    expect(namespace?.dependents?.count).toBeGreaterThan(5);
    expect(resource(json, 'Secret/payments-prod/db-credentials')).toMatchObject({ action: 'delete', reason: 'namespace payments-prod is deleted' });
    expect(result.stdout).not.toContain(MARKER);
    expect(result.stdout).not.toContain(MARKER_BASE64);
  });

  it('lists the objects a namespace deletion takes under the namespace in text, counted, and each in JSON', async () => {
    const args = ['check', `${K8S}/kubectl-delete/namespace-old-form/delete.txt`, '--cluster', '--kubeconfig', kubeconfig, '--context', 'prod-eu'];
    const text = await runCliAsync(args, { env: NO_KUBECONFIG });
    const json = JSON.parse((await runCliAsync([...args, '--format', 'json'], { env: NO_KUBECONFIG })).stdout) as JsonReport;
    const contained = json.findings.filter((f) => json.resources.some((r) => r.address === f.address && r.reason === 'namespace payments-prod is deleted'));
    expect(contained.length).toBeGreaterThan(5);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      new RegExp(
        `Namespace/payments-prod \\[production\\][^\\n]*\\n(?: {11}[^\\n]*\\n)* {11}and ${contained.length} objects in it, deleted with it: ${contained.length} errors \\(each one in --format json\\)\\.\\n`,
      ),
    );
    for (const finding of contained) expect(text.stdout).not.toContain(`  error    ${finding.address} `);
  });

  it('fills in what a text output lacks: an object named without namespace gets its live labels', async () => {
    const result = await runCliAsync(
      ['check', `${K8S}/kubectl-delete/output-name/delete.txt`, '--cluster', '--kubeconfig', kubeconfig, '--context', 'prod-eu', '--format', 'json'],
      { env: NO_KUBECONFIG },
    );
    const json = JSON.parse(result.stdout) as JsonReport;
    expect(json.resources.some((r) => r.address.startsWith('Namespace/payments-prod'))).toBe(true);
  });

  it('the configuration can ask for the cluster (kubernetes.cluster), and --no-cluster overrides it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blast-radius-config-'));
    const config = join(dir, '.blast-radius.yml');
    writeFileSync(config, `version: 1\nkubernetes:\n  cluster: true\n  kubeconfig: ${JSON.stringify(kubeconfig)}\n`);
    const args = ['check', `${K8S}/kubectl-delete/namespace-old-form/delete.txt`, '--config', config, '--context', 'prod-eu', '--format', 'json'];
    const asked = JSON.parse((await runCliAsync(args, { env: NO_KUBECONFIG })).stdout) as JsonReport;
    expect(finding(asked, 'Namespace/payments-prod')?.dependents?.count).toBeGreaterThan(5);
    const notAsked = JSON.parse((await runCliAsync([...args, '--no-cluster'], { env: NO_KUBECONFIG })).stdout) as JsonReport;
    expect(finding(notAsked, 'Namespace/payments-prod')?.dependents).toBeUndefined();
  });

  it('no cluster reachable is exit 2 with the reason, never a pass', async () => {
    const result = await runCliAsync(
      ['check', `${K8S}/kubectl-delete/namespace-old-form/delete.txt`, '--cluster', '--kubeconfig', kubeconfig, '--context', 'dead'],
      {
        env: NO_KUBECONFIG,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^blast-radius: cannot reach the cluster of context dead at http:\/\/127\.0\.0\.1:1/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
