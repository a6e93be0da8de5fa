// Lost or local Terraform state, and tag values read as a whole, through the built CLI: exit codes, findings and the
// words a person reads, on plans made by Terraform 1.11.4 (fixtures/terraform-state, fixtures/terraform).
import { copyFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const LOCAL = join(ROOT, 'fixtures/terraform-state/local-state');
const S3 = join(ROOT, 'fixtures/terraform-state/s3-backend');
const EMPTY_STATE = 'fixtures/terraform/prod-create-empty-state/plan.json';

interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: string;
  address: string;
  message: string;
}

function findings(args: string[], input?: string): { code: number | null; found: JsonFinding[] } {
  const result = runCli(['check', ...args, '--format', 'json'], input === undefined ? {} : { input });
  expect(result.stderr).toBe('');
  return { code: result.code, found: (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings };
}

/** A copy of a fixture case with the state Terraform's apply wrote put beside it as terraform.tfstate. */
function withStateFile(fixture: string, name: string): string {
  const dir = join(scratch.path, name);
  cpSync(fixture, dir, { recursive: true });
  copyFileSync(join(LOCAL, 'applied-state.json'), join(dir, 'terraform.tfstate'));
  return dir;
}

describe('prod-state-local', () => {
  it('warns, without blocking, when the sources beside a production plan declare no backend', () => {
    const { code, found } = findings([join(LOCAL, 'plan.json')]);
    expect(code).toBe(0);
    expect(found).toEqual([
      expect.objectContaining({ ruleId: 'prod-state-local', messageId: 'noRemoteBackend', severity: 'warning', address: '(whole plan)' }),
    ]);
    expect(found[0].message).toContain('its sources declare no backend, so the state of production lives on this machine');
  });

  it('reads the sources named by --tf-dir for a plan on standard input', () => {
    const { found } = findings(['-', '--tf-dir', LOCAL], readFileSync(join(LOCAL, 'plan.json'), 'utf8'));
    expect(found.map((f) => f.ruleId)).toEqual(['prod-state-local']);
  });

  it('says nothing without the sources: it cannot know where the state is', () => {
    const { code, found } = findings(['-'], readFileSync(join(LOCAL, 'plan.json'), 'utf8'));
    expect(code).toBe(0);
    expect(found).toEqual([]);
  });

  it('says nothing for the same plan when the sources declare an s3 backend', () => {
    expect(findings([join(S3, 'plan.json')]).found).toEqual([]);
  });

  it('names the state file beside sources that declare no backend', () => {
    const dir = withStateFile(LOCAL, 'local-with-state');
    const { found } = findings([join(dir, 'plan.json')]);
    expect(found[0]).toMatchObject({ ruleId: 'prod-state-local', messageId: 'noRemoteBackend' });
    expect(found[0].message).toContain(`lives on this machine (${join(dir, 'terraform.tfstate')})`);
  });

  it('warns of a leftover terraform.tfstate beside sources that declare an s3 backend, in the text report too', () => {
    const dir = withStateFile(S3, 's3-with-state');
    const { code, found } = findings([join(dir, 'plan.json')]);
    expect(code).toBe(0);
    expect(found).toEqual([expect.objectContaining({ ruleId: 'prod-state-local', messageId: 'stateFileBeside', severity: 'warning' })]);
    const text = runCli(['check', join(dir, 'plan.json')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^PASS/);
    expect(text.stdout).toContain(`declare backend "s3" (${join(dir, 'main.tf')}:3), but a state file sits beside them (${join(dir, 'terraform.tfstate')})`);
  });
});

describe('prod-create-from-empty-state', () => {
  it('warns once, naming the production creates and how to confirm a first apply', () => {
    const text = runCli(['check', EMPTY_STATE]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^PASS {2}nothing protected is destroyed \(1 warning below\)/);
    expect(text.stdout).toContain(
      'creates 2 resources in production (terraform_data.orders_db, terraform_data.orders_queue) from a state that holds no resource',
    );
    expect(text.stdout).toContain('If this is a new stack, its first apply is expected.');
    expect(text.stdout).toContain('`terraform state list`');
  });

  it('gives the same finding for the binary plan Terraform saved', () => {
    const { found } = findings([EMPTY_STATE.replace('plan.json', 'plan.tfplan')]);
    expect(found.map((f) => [f.ruleId, f.messageId])).toEqual([['prod-create-from-empty-state', 'emptyState']]);
  });

  it('blocks when the configuration makes it an error', () => {
    const config = scratch.write('.blast-radius.yml', 'version: 1\npolicy:\n  rules:\n    prod-create-from-empty-state: error\n');
    const result = runCli(['check', EMPTY_STATE, '--config', config]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^BLOCKED/);
  });

  it('says nothing when the plan creates production resources beside ones in the state', () => {
    const { found } = findings(['fixtures/terraform/prod-replace/plan.json']);
    expect(found.map((f) => f.ruleId)).not.toContain('prod-create-from-empty-state');
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('tag values read as a whole', () => {
  it('gives the reasons: a value holding a production word, and an environment key outranking tier', () => {
    const text = runCli(['check', 'fixtures/terraform/tag-value-precision/plan.json']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('environment = "production-like", which holds the word "production" but is not production as a whole value');
    expect(text.stdout).toContain('environment = "staging" (an environment key, which outranks tier = "prod")');
    expect(text.stdout).not.toMatch(/\sprod-delete\b/);
  });
});
