// Judging credential readings with the plans' environment rules: names by their words, ids and unreadable files unknown.
import type { Basis, CredentialReading } from '../../src/credentials/credential-finding.js';
import { inspectCredentials } from '../../src/credentials/inspect-credentials.js';
import { isUnjudged, judgeReading } from '../../src/credentials/judge-reading.js';
import { AWS_CONFIG, AWS_CREDENTIALS, SECRET_MARKERS, SERVICE_ACCOUNT_KEY, expectNoSecret, fakeHome, kubeconfig } from './fake-home.js';

const reading = (basis: Basis): CredentialReading => ({ source: 'aws', what: 'profile', value: 'x', where: 'AWS_PROFILE', basis });
const byName = (text: string, secondary = false) => judgeReading(reading({ kind: 'name', text, label: 'name', secondary })).environment;

describe('names, with the vocabulary of resource names', () => {
  it.each([
    ['prod-admin', 'production', true],
    ['gke_acme_europe-west1_prod', 'production', true],
    ['arn:aws:eks:eu-west-1:123456789012:cluster/payments-prod', 'production', true],
    ['PaymentsProd', 'production', true],
    ['acme-production', 'production', true],
    ['product-dev', 'development', false],
    ['orders-staging', 'staging', false],
    ['non-prod-admin', 'unknown', false],
    ['reproduce-bug', 'unknown', false],
    ['default', 'unknown', false],
  ])('%s → %s', (text, name, isProtected) => {
    expect(byName(text)).toMatchObject({ name, protected: isProtected });
  });

  it('says which word decided, with the rule plans use', () => {
    expect(byName('prod-admin')).toEqual({
      name: 'production',
      protected: true,
      rule: 'default-name',
      evidence: 'name "prod-admin"',
      reason: 'the name "prod-admin" contains the word "prod"',
    });
  });

  it('counts a secondary name (role, namespace, server) only when it names an environment', () => {
    expect(byName('prod-deployer', true)).toMatchObject({ name: 'production', rule: 'default-name' });
    expect(byName('AdministratorAccess', true)).toMatchObject({ name: 'unknown', rule: 'detail' });
  });
});

it.each([
  [{ kind: 'id', label: 'AWS account id' }, 'unjudged-id', true],
  [{ kind: 'unknowable', why: 'no name' }, 'unknowable', true],
  [{ kind: 'unreadable', problem: 'it is not valid YAML' }, 'unreadable', true],
  [{ kind: 'detail' }, 'detail', false],
] as [Basis, string, boolean][])('judges %o as unknown (rule %s), counted: %s', (basis, rule, counted) => {
  const finding = judgeReading(reading(basis));
  expect(finding.environment).toMatchObject({ name: 'unknown', protected: false, rule });
  expect(isUnjudged(finding)).toBe(counted);
});

describe('inspectCredentials', () => {
  it('runs every reader and says whether any finding is production', () => {
    const fake = fakeHome({
      '.aws/config': AWS_CONFIG,
      '.aws/credentials': AWS_CREDENTIALS,
      'key.json': SERVICE_ACCOUNT_KEY,
      '.kube/config': kubeconfig({ current: 'kind-dev', contexts: [['kind-dev', 'kind-dev']] }),
    });
    try {
      const env = { AWS_PROFILE: 'product-dev', AWS_SECRET_ACCESS_KEY: SECRET_MARKERS[1], ARM_SUBSCRIPTION_ID: '1-2-3', TF_WORKSPACE: 'qa' };
      const calm = inspectCredentials(env, fake.home);
      expect(calm.findings.map((f) => [f.source, f.what, f.environment.name])).toEqual([
        ['aws', 'profile', 'development'],
        ['aws', 'account', 'unknown'],
        ['aws', 'role', 'development'],
        ['azure', 'subscription', 'unknown'],
        ['kubernetes', 'context', 'development'],
        ['kubernetes', 'cluster', 'development'],
        ['terraform', 'workspace', 'test'],
      ]);
      expect(calm).toMatchObject({ reachesProduction: false, unknown: 2 });
      const risky = inspectCredentials({ ...env, GOOGLE_APPLICATION_CREDENTIALS: fake.path('key.json') }, fake.home);
      expect(risky.reachesProduction).toBe(true);
      expect(risky.findings.filter((f) => f.environment.protected).map((f) => [f.source, f.value])).toEqual([['gcp', 'acme-payments-prod']]);
      expectNoSecret(JSON.stringify([calm, risky]));
    } finally {
      fake.remove();
    }
  });

  it('finds nothing in an empty environment', () => {
    expect(inspectCredentials({}, '/nonexistent-home')).toEqual({ reachesProduction: false, unknown: 0, findings: [] });
  });
});
