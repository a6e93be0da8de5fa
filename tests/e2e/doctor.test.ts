// `blast-radius doctor` end to end over fake home directories: what it prints, that it always exits 0, no secret ever.
import { chmodSync } from 'node:fs';
import { delimiter } from 'node:path';
import doctorCommand, { doctorOutput } from '../../src/commands/doctor.js';
import {
  AWS_CONFIG,
  AWS_CREDENTIALS,
  SECRET_MARKERS,
  SERVICE_ACCOUNT_KEY,
  expectNoSecret,
  fakeHome,
  kubeconfig,
  type FakeHome,
} from '../credentials/fake-home.js';

const EKS_PROD = 'arn:aws:eks:eu-west-1:123456789012:cluster/payments-prod';

let fake: FakeHome;
beforeEach(() => {
  fake = fakeHome({
    '.aws/config': AWS_CONFIG,
    '.aws/credentials': AWS_CREDENTIALS,
    'keys/deployer.json': SERVICE_ACCOUNT_KEY,
    '.kube/config': kubeconfig({
      current: EKS_PROD,
      contexts: [
        [EKS_PROD, EKS_PROD, 'payments'],
        ['kind-dev', 'kind-dev'],
      ],
      clusters: [
        [EKS_PROD, 'https://ABC123.gr7.eu-west-1.eks.amazonaws.com'],
        ['kind-dev', 'https://127.0.0.1:6443'],
      ],
    }),
  });
});
afterEach(() => fake.remove());

/** A shell holding production keys: the incident this command exists for. */
const productionShell = () => ({
  AWS_PROFILE: 'prod-admin',
  AWS_ACCESS_KEY_ID: SECRET_MARKERS[3],
  AWS_SECRET_ACCESS_KEY: SECRET_MARKERS[1],
  AWS_SESSION_TOKEN: SECRET_MARKERS[2],
  GOOGLE_APPLICATION_CREDENTIALS: fake.path('keys/deployer.json'),
  ARM_SUBSCRIPTION_ID: '11111111-2222-3333-4444-555555555555',
  TF_WORKSPACE: 'prod',
});

describe('text', () => {
  it('lists each finding under its source with environment and evidence, then says the shell reaches production', () => {
    const output = doctorOutput('text', productionShell(), fake.home);
    expect(output).toContain('\nAWS\n  static-credentials set [unknown]\n      AWS_ACCESS_KEY_ID: ');
    expect(output).toContain('\n  profile prod-admin [production]\n      AWS_PROFILE: the profile name "prod-admin" contains the word "prod"\n');
    expect(output).toContain(
      '\n  account 123456789012 [unknown]\n      ~/.aws/config [profile prod-admin] sso_account_id: an AWS account id alone cannot be judged',
    );
    expect(output).toContain('\n  region eu-west-1\n      ~/.aws/config [profile prod-admin] region\n');
    expect(output).toContain('\nGoogle Cloud\n');
    expect(output).toContain('\nAzure\n  subscription 11111111-2222-3333-4444-555555555555 [unknown]\n');
    expect(output).toContain(`\nKubernetes\n  context ${EKS_PROD} [production]\n      ~/.kube/config current-context: `);
    expect(output).toContain('\nTerraform\n  workspace prod [production]\n      TF_WORKSPACE: ');
    const lastLine = output.trimEnd().split('\n').pop();
    expect(lastLine).toBe(
      `This shell can reach production: AWS profile prod-admin, AWS static-credentials (~/.aws/credentials [prod-admin]), Google Cloud project acme-payments-prod, Kubernetes context and cluster ${EKS_PROD}, Terraform workspace prod, with aws, sam, cdk, serverless, terraform, tofu, pulumi, gcloud, gsutil, kubectl, oc, helm, helmfile. (3 unknown)`,
    );
    expectNoSecret(output);
  });

  it('says nothing points at production, and counts what it could not judge', () => {
    const env = { AWS_PROFILE: 'product-dev', KUBECONFIG: fake.write('dev.yaml', kubeconfig({ current: 'kind-dev', contexts: [['kind-dev', 'kind-dev']] })) };
    const output = doctorOutput('text', env, fake.home);
    expect(output).toContain('  profile product-dev [development]\n');
    expect(output.trimEnd().split('\n').pop()).toBe('Nothing here points at production. (1 unknown)');
  });

  it('says so when it finds nothing at all', () => {
    const empty = fakeHome();
    const output = doctorOutput('text', {}, empty.home);
    empty.remove();
    expect(output).toContain('No AWS, Google Cloud, Azure, Kubernetes or Terraform credentials or settings found.');
    expect(output.trimEnd().split('\n').pop()).toBe('Nothing here points at production.');
  });

  it('says a profile named with no ~/.aws is not configured and reaches nothing, unless keys come from variables', () => {
    const empty = fakeHome();
    try {
      const output = doctorOutput('text', { AWS_PROFILE: 'prod-admin', PATH: '/usr/bin' }, empty.home);
      expect(output).toContain('  profile prod-admin [not configured]\n');
      expect(output).toContain('AWS_PROFILE: the profile is named but not configured: neither ~/.aws/config nor ~/.aws/credentials has it');
      expect(output).toMatch(/Nothing here points at production\.\n$/);
      expect(JSON.parse(doctorOutput('json', { AWS_PROFILE: 'prod-admin' }, empty.home))).toMatchObject({ reachesProduction: false, unknown: 0 });
      const withKeys = JSON.parse(doctorOutput('json', { AWS_PROFILE: 'prod-admin', AWS_ACCESS_KEY_ID: 'x' }, empty.home));
      expect(withKeys.reachesProduction).toBe(true);
    } finally {
      empty.remove();
    }
  });

  it('names an unreadable file in one sentence and counts it unknown', () => {
    fake.write('.kube/config', `current-context: prod\nusers:\n- user:\n    token: ${SECRET_MARKERS[5]}\n  - broken\n`);
    const output = doctorOutput('text', {}, fake.home);
    expect(output).toMatch(
      /\n {2}unreadable file ~\/\.kube\/config \[unknown\]\n {6}the file could not be read: it is not valid YAML at line \d+, column \d+.*; nothing in it was judged\n/,
    );
    expect(output).not.toContain('current-context: prod');
    expectNoSecret(output);
  });
});

describe('guard shims', () => {
  const shims = () => fake.path('.local/share/blast-radius/shims');
  const install = (...tools: string[]) => {
    for (const tool of tools) chmodSync(fake.write(`.local/share/blast-radius/shims/${tool}`, '#!/bin/sh\n'), 0o755);
  };

  it('says they are not on PATH, and how to put them there', () => {
    const output = doctorOutput('text', { PATH: '/usr/bin' }, fake.home);
    expect(output).toContain('\nGuard shims (~/.local/share/blast-radius/shims)\n  not on PATH: add `eval "$(blast-radius shims env)"` to the profile');
  });

  it('names the tools they guard, and a real tool that stands before them on PATH', () => {
    install('terraform', 'kubectl', 'helm');
    chmodSync(fake.write('early/kubectl', '#!/bin/sh\n'), 0o755);
    const env = { PATH: [fake.path('early'), shims(), '/usr/bin'].join(delimiter) };
    const output = doctorOutput('text', env, fake.home);
    expect(output).toContain('\n  active for terraform, helm\n  bypassed for kubectl: ~/early/kubectl comes before the shims on PATH\n');
    expect(JSON.parse(doctorOutput('json', env, fake.home)).shims).toEqual({
      directory: shims(),
      onPath: true,
      active: ['terraform', 'helm'],
      bypassed: [{ tool: 'kubectl', path: fake.path('early/kubectl') }],
    });
  });
});

describe('json', () => {
  it('prints { schemaVersion, reachesProduction, unknown, findings } with absolute paths', () => {
    const report = JSON.parse(doctorOutput('json', productionShell(), fake.home));
    expect(Object.keys(report)).toEqual(['schemaVersion', 'reachesProduction', 'unknown', 'findings', 'shims']);
    expect(report).toMatchObject({ schemaVersion: 1, reachesProduction: true, unknown: 3 });
    expect(report.findings).toContainEqual({
      source: 'kubernetes',
      what: 'cluster',
      value: EKS_PROD,
      where: `${fake.path('.kube/config')} context "${EKS_PROD}" cluster`,
      environment: {
        name: 'production',
        protected: true,
        rule: 'default-name',
        evidence: `cluster name "${EKS_PROD}"`,
        reason: `the cluster name "${EKS_PROD}" contains the word "prod"`,
      },
    });
    for (const finding of report.findings) expect(Object.keys(finding)).toEqual(['source', 'what', 'value', 'where', 'environment']);
  });

  it('reports reachesProduction false for a development shell', () => {
    const env = { AWS_PROFILE: 'product-dev', KUBECONFIG: [fake.path('none.yaml')].join(delimiter) };
    expect(JSON.parse(doctorOutput('json', env, fake.home))).toMatchObject({ reachesProduction: false });
  });

  it('never prints a secret marker, plain or base64, in either format', () => {
    for (const format of ['text', 'json']) expectNoSecret(doctorOutput(format, productionShell(), fake.home));
  });
});

describe('the command', () => {
  it('refuses an unknown format', () => {
    expect(() => doctorOutput('yaml', {}, fake.home)).toThrow('Invalid value "yaml" for --format: choose one of text, json.');
  });

  // os.homedir() reads the real environment, which jest's sandboxed process.env does not reach: files are named by variables.
  it('run() reads process.env, prints the report and exits 0 even when production is reachable', async () => {
    const saved = { ...process.env };
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    for (const name of Object.keys(process.env)) {
      if (/^(AWS_|GOOGLE_|GCLOUD_|CLOUDSDK_|ARM_|AZURE_|KUBECONFIG$|TF_WORKSPACE$)/.test(name)) delete process.env[name];
    }
    Object.assign(process.env, { AWS_PROFILE: 'prod-admin', AWS_CONFIG_FILE: fake.path('.aws/config'), KUBECONFIG: fake.path('.kube/config') });
    process.stdout.write = (chunk: string) => written.push(chunk) > 0;
    try {
      expect(await doctorCommand.run({ format: 'json' })).toBe(0);
    } finally {
      process.stdout.write = write;
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
    const report = JSON.parse(written.join(''));
    expect(report.reachesProduction).toBe(true);
    expect(report.findings[0]).toMatchObject({ what: 'profile', value: 'prod-admin', where: 'AWS_PROFILE' });
    expect(report.findings).toContainEqual(
      expect.objectContaining({ what: 'context', value: EKS_PROD, where: `${fake.path('.kube/config')} current-context` }),
    );
  });

  it('declares doctor [--format text|json] for the command line', () => {
    expect(doctorCommand.usage).toBe('doctor');
    expect(doctorCommand.positional).toBeUndefined();
    expect(doctorCommand.options.format).toMatchObject({ default: 'text', choices: ['text', 'json'] });
  });
});
