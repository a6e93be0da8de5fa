// Recoverability end to end, for the inputs besides Terraform plans (those are in fixtures.test.ts): CloudFormation's
// DeletionPolicy and UpdateReplacePolicy, Pulumi's camelCase inputs, secrets and retainOnDelete, and Kubernetes
// reclaim policies, claim retention and keep annotations, through the built CLI in JSON and in words.
import { runCli } from '../helpers/run-cli.js';

interface Outcome {
  address: string;
  severity: string;
  outcome: string;
  why: string;
}

function outcomes(args: string[]): { code: number | null; found: Outcome[]; text: string; agent: string } {
  const json = runCli(['check', ...args, '--format', 'json']);
  const findings = JSON.parse(json.stdout).findings as { address: string; severity: string; recoverability?: { outcome: string; why: string } }[];
  const found = findings.flatMap((f) => (f.recoverability ? [{ address: f.address, severity: f.severity, ...f.recoverability }] : []));
  return { code: json.code, found, text: runCli(['check', ...args]).stdout, agent: runCli(['check', ...args, '--format', 'agent']).stdout };
}

const byAddress = (found: Outcome[]): Record<string, string> => Object.fromEntries(found.map((o) => [o.address, o.outcome]));

describe('CloudFormation change sets', () => {
  it('are recoverable under a DeletionPolicy Snapshot, and say so', () => {
    const { code, found, text } = outcomes(['fixtures/cloudformation/snapshot-delete/change-set.json']);
    expect(code).toBe(1);
    expect(found).toEqual([
      {
        address: 'orders-prod/ReportingCluster',
        severity: 'error',
        outcome: 'recoverable',
        why: 'DeletionPolicy Snapshot takes a snapshot before deleting it',
      },
    ]);
    expect(text).toContain('Data recoverable: DeletionPolicy Snapshot takes a snapshot before deleting it.');
  });

  it('are recoverable when an UpdateReplacePolicy Snapshot keeps the replaced resource', () => {
    expect(byAddress(outcomes(['fixtures/cloudformation/property-values/change-set.json']).found)).toEqual({ 'billing/BillingDatabase': 'recoverable' });
  });

  it('are unknown where the answer rests on property values a change set does not carry', () => {
    const { found, text } = outcomes(['fixtures/cloudformation/prod-rds-delete/change-set.json']);
    expect(found.map((o) => o.outcome)).toEqual(['unknown']);
    expect(found[0].why).toMatch(/^a change set carries no property values/);
    expect(text).toContain('Whether the data comes back is unknown: a change set carries no property values');
  });
});

describe('Pulumi previews', () => {
  it('read the camelCase inputs of the same attributes: skipFinalSnapshot true is lost for good', () => {
    const { code, found, agent } = outcomes(['fixtures/pulumi/skip-final-snapshot-delete/preview.json']);
    expect(code).toBe(1);
    expect(found.map((o) => o.outcome)).toEqual(['lost']);
    expect(agent).toContain('Data lost for good: skip_final_snapshot = true and automated backups are deleted with the instance.');
  });

  it('take a final snapshot by default, and never read a secret', () => {
    expect(outcomes(['fixtures/pulumi/prod-database-delete/preview.json']).found.map((o) => o.outcome)).toEqual(['recoverable']);
    expect(outcomes(['fixtures/pulumi/secret-snapshot-flag-delete/preview.json']).found.map((o) => [o.outcome, o.why])).toEqual([
      ['unknown', 'skip_final_snapshot is not known before the change: it is marked sensitive'],
    ]);
  });

  it('keep what retainOnDelete leaves behind on a replace', () => {
    expect(outcomes(['fixtures/pulumi/retain-on-delete-replace/preview.json']).found.map((o) => o.outcome)).toEqual(['retained']);
  });
});

describe('Kubernetes objects', () => {
  it('follow each volume reclaim policy, and leave a claim unknown without its volume', () => {
    const { found, text } = outcomes(['--deleting', 'fixtures/kubernetes/objects/payments-namespace/objects.json']);
    const outcome = byAddress(found);
    expect(outcome['PersistentVolume/pv-archive-payments']).toBe('retained');
    expect(outcome['PersistentVolume/pvc-3f1c9e2a-0005-4b7d-9c1e-000000000005']).toBe('lost');
    expect(outcome['PersistentVolumeClaim/payments-prod/archive']).toBe('unknown');
    expect(outcome['Namespace/payments-prod']).toBe('lost');
    expect(text).toContain('Data lost for good: persistentVolumeReclaimPolicy is Delete: the storage behind the volume is deleted or scrubbed with it.');
    // A production loss leads the errors, whatever its address.
    const errors = found.filter((o) => o.severity === 'error').map((o) => o.outcome);
    expect(errors.indexOf('lost')).toBe(0);
    expect(errors.findIndex((o) => o !== 'lost')).toBeGreaterThan(errors.lastIndexOf('lost'));
  });

  it('keep what a helm keep annotation leaves, and a StatefulSet keeps its claims by default', () => {
    expect(
      byAddress(outcomes(['--deleting', 'fixtures/kubernetes/objects/helm-manifest/manifest.yaml']).found)['PersistentVolumeClaim/payments-api-uploads'],
    ).toBe('retained');
    expect(byAddress(outcomes(['fixtures/kubernetes/helm-diff/upgrade/helm-diff.txt']).found)['StatefulSet.apps/payments-prod/ledger']).toBe('retained');
  });

  it('are unknown where a text output names a volume without its body', () => {
    const found = byAddress(outcomes(['fixtures/kubernetes/kubectl-diff/pruned-pvc/diff.txt']).found);
    expect(found['PersistentVolume/pvc-3c2b1a09-8f7e-4d6c-b5a4-39281706f5e4']).toBe('unknown');
  });
});

describe('protection-weakened on Kubernetes updates', () => {
  it('reads both bodies helm-diff shows: a reclaim policy Retain → Delete and a keep annotation removed', () => {
    const json = runCli(['check', 'fixtures/kubernetes/helm-diff/protection-removed/helm-diff.txt', '--format', 'json']);
    expect(json.code).toBe(1);
    const findings = (JSON.parse(json.stdout) as { findings: { ruleId: string; severity: string; address: string; message: string }[] }).findings;
    expect(findings.map((f) => [f.ruleId, f.severity, f.address])).toEqual([
      ['protection-weakened', 'error', 'PersistentVolume/ledger-archive-pv'],
      ['protection-weakened', 'error', 'PersistentVolumeClaim/payments-prod/ledger-data'],
    ]);
    expect(findings[0].message).toContain('the reclaim policy Retain (spec.persistentVolumeReclaimPolicy "Retain" → "Delete")');
    expect(findings[1].message).toContain(`helm's keep annotation (metadata.annotations[helm.sh/resource-policy] "keep" → not set)`);
  });

  it('finds nothing to weaken in an upgrade that keeps its protections', () => {
    const json = runCli(['check', 'fixtures/kubernetes/helm-diff/upgrade/helm-diff.txt', '--format', 'json']);
    expect((JSON.parse(json.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).not.toContain('protection-weakened');
  });
});

describe('protection-weakened on Pulumi updates', () => {
  it('reads the new inputs in camelCase, and leaves a computed property the new inputs omit unjudged', () => {
    const json = runCli(['check', 'fixtures/pulumi/deletion-protection-off/preview.json', '--format', 'json']);
    expect(json.code).toBe(1);
    const [finding, ...others] = (JSON.parse(json.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
    expect(others).toEqual([]);
    expect(finding.ruleId).toBe('protection-weakened');
    expect(finding.message).toContain('deletion protection (deletion_protection true → false).');
    expect(finding.message).not.toContain('backup_retention_period');
  });
});
