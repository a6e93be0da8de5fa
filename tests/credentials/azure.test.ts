// The Azure reader: subscription ids from ARM_SUBSCRIPTION_ID and AZURE_SUBSCRIPTION_ID (judged only with
// configuration), and the default subscription of az's own profile, whose name can be judged.
import { readAzure } from '../../src/credentials/azure.js';
import { fakeHome, type FakeHome } from './fake-home.js';

it('reads both subscription variables as ids', () => {
  const env = {
    ARM_SUBSCRIPTION_ID: '11111111-2222-3333-4444-555555555555',
    AZURE_SUBSCRIPTION_ID: '66666666-7777-8888-9999-000000000000',
    ARM_CLIENT_SECRET: 'SECRET-MARKER-azure',
  };
  const readings = readAzure(env, '/nonexistent');
  expect(readings.map((r) => [r.where, r.value, r.basis.kind])).toEqual([
    ['ARM_SUBSCRIPTION_ID', '11111111-2222-3333-4444-555555555555', 'id'],
    ['AZURE_SUBSCRIPTION_ID', '66666666-7777-8888-9999-000000000000', 'id'],
  ]);
  expect(JSON.stringify(readings)).not.toContain('SECRET-MARKER');
});

it('reads nothing when neither is set, or set empty', () => {
  expect(readAzure({ ARM_SUBSCRIPTION_ID: '' }, '/nonexistent')).toEqual([]);
});

describe("az's own profile", () => {
  const profile = (subscriptions: unknown): string => `\uFEFF${JSON.stringify({ installationId: 'x', subscriptions })}`; // az writes it with a byte-order mark (utf-8-sig)
  let fake: FakeHome;
  beforeEach(() => {
    fake = fakeHome({
      '.azure/azureProfile.json': profile([
        { id: '11111111-2222-3333-4444-555555555555', name: 'payments-dev', isDefault: false, user: { name: 'jane@example.com', type: 'user' } },
        { id: '66666666-7777-8888-9999-000000000000', name: 'payments-prod', isDefault: true, user: { name: 'jane@example.com', type: 'user' } },
      ]),
      'other/azureProfile.json': profile([{ id: '0', name: 'sandbox', isDefault: true }]),
      'broken/azureProfile.json': '{"subscriptions": [',
    });
  });
  afterEach(() => fake.remove());

  it('reads the default subscription az uses, by name and id, and nothing of its user', () => {
    const readings = readAzure({}, fake.home);
    expect(readings.map((r) => [r.value, r.basis.kind])).toEqual([
      ['payments-prod', 'name'],
      ['66666666-7777-8888-9999-000000000000', 'id'],
    ]);
    expect(JSON.stringify(readings)).not.toContain('jane@example.com');
  });

  it('follows AZURE_CONFIG_DIR, and names a profile it cannot read', () => {
    expect(readAzure({ AZURE_CONFIG_DIR: fake.path('other') }, fake.home).map((r) => r.value)).toEqual(['sandbox', '0']);
    const [broken] = readAzure({ AZURE_CONFIG_DIR: fake.path('broken') }, fake.home);
    expect(broken).toMatchObject({ where: fake.path('broken/azureProfile.json'), basis: { kind: 'unreadable', problem: 'it is not valid JSON' } });
  });
});
