// Jest configuration: TypeScript tests run as ES modules through ts-jest.
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  // A bound for tests that hang, not a speed limit: end-to-end tests spawn the CLI (and --cluster ones load
  // @kubernetes/client-node), which on a loaded CI machine can take several seconds.
  testTimeout: 30_000,
  roots: ['<rootDir>/tests'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
};
