// The AWS reader: the active profile, its account, role and region, and whether keys exist — never a key itself.
import { readAws } from '../../src/credentials/aws.js';
import type { CredentialReading } from '../../src/credentials/credential-finding.js';
import { AWS_CONFIG, AWS_CREDENTIALS, SECRET_MARKERS, expectNoSecret, fakeHome, type FakeHome } from './fake-home.js';

let fake: FakeHome;
beforeEach(() => {
  fake = fakeHome({ '.aws/config': AWS_CONFIG, '.aws/credentials': AWS_CREDENTIALS });
});
afterEach(() => fake.remove());

const summary = (readings: CredentialReading[]) => readings.map((r) => [r.what, r.value, r.basis.kind]);

describe('the active profile', () => {
  it('reads AWS_PROFILE and its [profile NAME] section: account, role, region, keys in the credentials file', () => {
    const readings = readAws({ AWS_PROFILE: 'prod-admin' }, fake.home);
    expect(summary(readings)).toEqual([
      ['profile', 'prod-admin', 'name'],
      ['account', '123456789012', 'id'],
      ['role', 'AdministratorAccess', 'name'],
      ['region', 'eu-west-1', 'detail'],
      ['static-credentials', 'set', 'name'],
    ]);
    expect(readings[0]).toMatchObject({ where: 'AWS_PROFILE', basis: { text: 'prod-admin' } });
    expect(readings[1]?.where).toBe(`${fake.path('.aws/config')} [profile prod-admin] sso_account_id`);
    expect(readings[4]).toMatchObject({ where: `${fake.path('.aws/credentials')} [prod-admin]`, basis: { text: 'prod-admin' } });
  });

  it('takes the account and role name from role_arn', () => {
    const readings = readAws({ AWS_DEFAULT_PROFILE: 'product-dev' }, fake.home);
    expect(summary(readings)).toEqual([
      ['profile', 'product-dev', 'name'],
      ['account', '210987654321', 'id'],
      ['role', 'product-dev-deployer', 'name'],
    ]);
    expect(readings[0]?.where).toBe('AWS_DEFAULT_PROFILE');
  });

  it('reports both AWS_PROFILE and AWS_DEFAULT_PROFILE when they differ, since tools disagree on which wins', () => {
    const profiles = readAws({ AWS_PROFILE: 'product-dev', AWS_DEFAULT_PROFILE: 'prod-admin' }, fake.home).filter((r) => r.what === 'profile');
    expect(profiles.map((r) => [r.value, r.where])).toEqual([
      ['product-dev', 'AWS_PROFILE'],
      ['prod-admin', 'AWS_DEFAULT_PROFILE'],
    ]);
  });

  it('falls back to the default profile when it exists, and reports nothing without one', () => {
    expect(summary(readAws({}, fake.home))).toEqual([
      ['profile', 'default', 'name'],
      ['region', 'us-east-1', 'detail'],
      ['static-credentials', 'set', 'name'],
    ]);
    const empty = fakeHome();
    expect(readAws({}, empty.home)).toEqual([]);
    empty.remove();
  });

  it('accepts [profile default] for the default profile', () => {
    fake.write('.aws/config', '[profile default]\nregion = eu-north-1\n');
    expect(summary(readAws({ AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' }, fake.home))).toEqual([
      ['profile', 'default', 'name'],
      ['region', 'eu-north-1', 'detail'],
    ]);
  });

  it('reports a profile that no file defines as unconfigured: it reaches nothing', () => {
    const [reading, ...rest] = readAws({ AWS_PROFILE: 'orders-prod' }, fake.home);
    expect(rest).toEqual([]);
    expect(reading).toMatchObject({ what: 'profile', value: 'orders-prod', where: 'AWS_PROFILE', basis: { kind: 'unconfigured' } });
    expect(reading?.basis).toMatchObject({ why: expect.stringContaining('named but not configured') });
  });

  it('judges a profile that no file defines by its name, with credentials from variables or for a command about to run', () => {
    for (const variable of [
      'AWS_ACCESS_KEY_ID',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    ]) {
      const readings = readAws({ AWS_PROFILE: 'orders-prod', [variable]: 'x' }, fake.home);
      expect(readings.find((r) => r.what === 'profile')?.basis.kind).toBe('name');
    }
    expect(summary(readAws({ AWS_PROFILE: 'orders-prod' }, fake.home, 'judged-by-name'))).toEqual([['profile', 'orders-prod', 'name']]);
  });

  it('judges a profile by its name when a file could not be read (what it holds is unknown)', () => {
    fake.write('.aws/config', '[profile broken\n');
    expect(readAws({ AWS_PROFILE: 'orders-prod' }, fake.home).find((r) => r.what === 'profile')?.basis.kind).toBe('name');
  });

  it('does not read a nested setting (s3 = … region) as the profile region', () => {
    const regions = readAws({ AWS_PROFILE: 'prod-admin' }, fake.home).filter((r) => r.what === 'region');
    expect(regions.map((r) => r.value)).toEqual(['eu-west-1']);
  });
});

describe('files', () => {
  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, with ~', () => {
    fake.write('elsewhere/config', '[profile payments-prod]\nsso_account_id = 999999999999\n');
    fake.write('elsewhere/credentials', `[payments-prod]\naws_access_key_id = ${SECRET_MARKERS[0]}\n`);
    const readings = readAws(
      { AWS_PROFILE: 'payments-prod', AWS_CONFIG_FILE: '~/elsewhere/config', AWS_SHARED_CREDENTIALS_FILE: fake.path('elsewhere/credentials') },
      fake.home,
    );
    expect(summary(readings)).toEqual([
      ['profile', 'payments-prod', 'name'],
      ['account', '999999999999', 'id'],
      ['static-credentials', 'set', 'name'],
    ]);
    expect(readings[1]?.where).toContain(fake.path('elsewhere/config'));
  });

  it('reports keys written into the config file itself', () => {
    expect(summary(readAws({ AWS_PROFILE: 'legacy' }, fake.home))).toEqual([
      ['profile', 'legacy', 'name'],
      ['static-credentials', 'set', 'name'],
    ]);
  });

  it('reports a malformed config file as unreadable in one sentence and guesses nothing from it', () => {
    fake.write('.aws/config', `[profile prod-admin]\nsso_account_id = 123456789012\nthis line is ${SECRET_MARKERS[1]}\n`);
    const readings = readAws({ AWS_PROFILE: 'prod-admin' }, fake.home);
    expect(summary(readings)).toEqual([
      ['profile', 'prod-admin', 'name'],
      ['static-credentials', 'set', 'name'],
      ['file', fake.path('.aws/config'), 'unreadable'],
    ]);
    expect(readings[2]?.basis).toEqual({ kind: 'unreadable', problem: 'line 3 is neither a [section] header nor a key = value setting' });
    expectNoSecret(JSON.stringify(readings));
  });

  it('reports a config file over 1 MB as unreadable without reading it', () => {
    fake.write('.aws/config', `[default]\n${'# padding\n'.repeat(110_000)}`);
    const readings = readAws({}, fake.home);
    expect(readings.find((r) => r.what === 'file')?.basis).toMatchObject({ kind: 'unreadable', problem: expect.stringContaining('larger than 1 MB') });
  });
});

describe('secrets', () => {
  it('says only "set" for AWS_ACCESS_KEY_ID and never carries a key, secret or token', () => {
    const env = {
      AWS_PROFILE: 'prod-admin',
      AWS_ACCESS_KEY_ID: SECRET_MARKERS[3],
      AWS_SECRET_ACCESS_KEY: SECRET_MARKERS[1],
      AWS_SESSION_TOKEN: SECRET_MARKERS[2],
    };
    const readings = readAws(env, fake.home);
    expect(readings[0]).toMatchObject({ what: 'static-credentials', value: 'set', where: 'AWS_ACCESS_KEY_ID', basis: { kind: 'unknowable' } });
    expectNoSecret(JSON.stringify([readings, readAws({ AWS_PROFILE: 'legacy' }, fake.home), readAws({}, fake.home)]));
  });
});
