// Builds ResourceChange values for unit tests: only the fields a test cares about need to be given.
import type { ResourceChange } from '../../src/model.js';

export function resourceChange(overrides: Partial<ResourceChange> = {}): ResourceChange {
  return {
    source: 'terraform',
    input: 0,
    address: overrides.address ?? `${overrides.type ?? 'aws_instance'}.${overrides.name ?? 'main'}`,
    type: 'aws_instance',
    name: 'main',
    modulePath: [],
    action: 'delete',
    labels: [],
    nameHints: [],
    accounts: [],
    ...overrides,
  };
}
