// Validating a configuration file loads neither ajv (about 60 ms to import) nor the schema compiler it carries.
import { jest } from '@jest/globals';

it('refuses an invalid document without importing ajv', async () => {
  jest.unstable_mockModule('ajv', () => {
    throw new Error('validateConfig imported ajv');
  });
  const { validateConfig } = await import('../../src/config/validate-config.js');
  expect(() => validateConfig({ version: 2 }, 'version: 2\n', '.blast-radius.yml')).toThrow(
    '.blast-radius.yml is not a valid blast-radius configuration:\n  version: must be equal to constant (line 1)',
  );
});
