// Lists the fixture directories that carry an expect.json, with their expectations.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

export interface Expectation {
  exitCode: number;
  findings: { ruleId: string; address: string; severity: string }[];
  environments: Record<string, string>;
  absent?: string[];
  /** Address → the recoverability outcome every finding on it carries (src/catalog/recoverability.ts). */
  recoverability?: Record<string, string>;
}

export interface FixtureCase {
  name: string;
  dir: string;
  plan: string;
  expect: Expectation;
}

export function fixtureCases(group: string): FixtureCase[] {
  const base = join(ROOT, 'fixtures', group);
  return readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'expect.json')))
    .sort()
    .map((name) => ({
      name,
      dir: join(base, name),
      plan: join('fixtures', group, name, 'plan.json'),
      expect: JSON.parse(readFileSync(join(base, name, 'expect.json'), 'utf8')) as Expectation,
    }));
}
