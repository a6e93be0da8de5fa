// The Google Cloud reader: project variables, the key file's project_id and type only, gcloud's active configuration.
import type { CredentialReading } from '../../src/credentials/credential-finding.js';
import { readGcp } from '../../src/credentials/gcp.js';
import { SECRET_MARKERS, SERVICE_ACCOUNT_KEY, expectNoSecret, fakeHome, type FakeHome } from './fake-home.js';

let fake: FakeHome;
beforeEach(() => {
  fake = fakeHome();
});
afterEach(() => fake.remove());

const summary = (readings: CredentialReading[]) => readings.map((r) => [r.what, r.value, r.basis.kind]);

describe('GOOGLE_APPLICATION_CREDENTIALS', () => {
  it('takes only type and project_id from the key file', () => {
    const key = fake.write('keys/deployer.json', SERVICE_ACCOUNT_KEY);
    const readings = readGcp({ GOOGLE_APPLICATION_CREDENTIALS: key }, fake.home);
    expect(summary(readings)).toEqual([
      ['credentials', 'service_account', 'detail'],
      ['project', 'acme-payments-prod', 'name'],
    ]);
    expect(readings[1]?.where).toBe(`GOOGLE_APPLICATION_CREDENTIALS ${key} project_id`);
    expectNoSecret(JSON.stringify(readings));
    expect(JSON.stringify(readings)).not.toContain('deployer@');
  });

  it('says a key file is not valid JSON without quoting it', () => {
    const key = fake.write('key.json', `{"type": "service_account", "private_key": "${SECRET_MARKERS[4]}" oops}`);
    const readings = readGcp({ GOOGLE_APPLICATION_CREDENTIALS: key }, fake.home);
    expect(readings).toEqual([{ source: 'gcp', what: 'file', value: key, where: key, basis: { kind: 'unreadable', problem: 'it is not valid JSON' } }]);
    expectNoSecret(JSON.stringify(readings));
  });

  it.each([
    ['a missing file', undefined, 'GOOGLE_APPLICATION_CREDENTIALS names it but it does not exist'],
    ['a JSON array', '[1, 2]', 'it is not a JSON object'],
  ])('reports %s as unreadable', (_name, content, problem) => {
    const key = content === undefined ? fake.path('absent.json') : fake.write('key.json', content);
    expect(readGcp({ GOOGLE_APPLICATION_CREDENTIALS: key }, fake.home)[0]?.basis).toEqual({ kind: 'unreadable', problem });
  });

  it('says the credentials are set when the file names no type or project', () => {
    const key = fake.write('key.json', `{"refresh_token": "${SECRET_MARKERS[4]}"}`);
    const readings = readGcp({ GOOGLE_APPLICATION_CREDENTIALS: key }, fake.home);
    expect(summary(readings)).toEqual([['credentials', 'set', 'unknowable']]);
    expectNoSecret(JSON.stringify(readings));
  });
});

describe('project variables', () => {
  it('reads CLOUDSDK_CORE_PROJECT, GOOGLE_CLOUD_PROJECT, GOOGLE_PROJECT and GCLOUD_PROJECT', () => {
    const env = {
      CLOUDSDK_CORE_PROJECT: 'acme-prod',
      GOOGLE_CLOUD_PROJECT: 'acme-dev',
      GOOGLE_PROJECT: 'acme-qa',
      GCLOUD_PROJECT: 'acme-sandbox',
      OTHER: 'prod',
    };
    expect(readGcp(env, fake.home).map((r) => [r.where, r.value])).toEqual([
      ['CLOUDSDK_CORE_PROJECT', 'acme-prod'],
      ['GOOGLE_CLOUD_PROJECT', 'acme-dev'],
      ['GOOGLE_PROJECT', 'acme-qa'],
      ['GCLOUD_PROJECT', 'acme-sandbox'],
    ]);
  });
});

describe("gcloud's active configuration", () => {
  it('follows active_config to configurations/config_<name> and reads [core] project', () => {
    fake.write('.config/gcloud/active_config', 'payments\n');
    fake.write(
      '.config/gcloud/configurations/config_payments',
      '[core]\naccount = me@acme.com\nproject = payments-prod-7\n\n[compute]\nregion = europe-west1\n',
    );
    const readings = readGcp({}, fake.home);
    expect(summary(readings)).toEqual([
      ['configuration', 'payments', 'name'],
      ['project', 'payments-prod-7', 'name'],
    ]);
    expect(readings[1]?.where).toBe(`${fake.path('.config/gcloud/configurations/config_payments')} [core] project`);
    expect(JSON.stringify(readings)).not.toContain('me@acme.com');
  });

  it('uses the default configuration without active_config, and honours CLOUDSDK_CONFIG and CLOUDSDK_ACTIVE_CONFIG_NAME', () => {
    fake.write('.config/gcloud/configurations/config_default', '[core]\nproject = acme-dev\n');
    expect(readGcp({}, fake.home).map((r) => r.value)).toEqual(['default', 'acme-dev']);
    fake.write('gcloud-elsewhere/configurations/config_prod', '[core]\nproject = acme-prod\n');
    expect(readGcp({ CLOUDSDK_CONFIG: fake.path('gcloud-elsewhere'), CLOUDSDK_ACTIVE_CONFIG_NAME: 'prod' }, fake.home).map((r) => [r.value, r.where])).toEqual([
      ['prod', 'CLOUDSDK_ACTIVE_CONFIG_NAME'],
      ['acme-prod', `${fake.path('gcloud-elsewhere/configurations/config_prod')} [core] project`],
    ]);
  });

  it('does not follow an active_config that is not a configuration name', () => {
    fake.write('.config/gcloud/active_config', '../../secrets');
    expect(summary(readGcp({}, fake.home))).toEqual([['file', fake.path('.config/gcloud/active_config'), 'unreadable']]);
  });

  it('reports a malformed configuration file as unreadable', () => {
    fake.write('.config/gcloud/configurations/config_default', 'project = acme-prod\n');
    expect(readGcp({}, fake.home)[0]?.basis).toEqual({ kind: 'unreadable', problem: 'line 1 sets a value before any [section] header' });
  });

  it('reports nothing without gcloud configuration', () => {
    expect(readGcp({}, fake.home)).toEqual([]);
  });
});
