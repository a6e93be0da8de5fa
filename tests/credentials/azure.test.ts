// The Azure reader: subscription ids from ARM_SUBSCRIPTION_ID and AZURE_SUBSCRIPTION_ID, judged only with configuration.
import { readAzure } from '../../src/credentials/azure.js';

it('reads both subscription variables as ids', () => {
  const env = { ARM_SUBSCRIPTION_ID: '11111111-2222-3333-4444-555555555555', AZURE_SUBSCRIPTION_ID: '66666666-7777-8888-9999-000000000000', ARM_CLIENT_SECRET: 'SECRET-MARKER-azure' };
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
