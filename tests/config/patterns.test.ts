// Configuration patterns: exact text, globs with * and ?, regular expressions; unsafe ones refused, all bounded.
import { compilePattern } from '../../src/config/patterns.js';

it.each([
  ['prod', 'prod', true],
  ['prod', 'prod-eu', false],
  ['module.legacy.*', 'module.legacy.aws_db_instance.main', true],
  ['module.legacy.*', 'module.legacyx.a', false],
  ['*["prod"]', 'aws_instance.web["prod"]', true],
  ['db-??', 'db-01', true],
  ['db-??', 'db-001', false],
  ['/^prod-[a-z]+$/', 'prod-eu', true],
  ['/^PROD/i', 'production', true],
])('%s matches %s: %s', (pattern, text, expected) => {
  expect(compilePattern(pattern, 'test')(text)).toBe(expected);
});

it('refuses patterns that backtrack exponentially', () => {
  for (const evil of ['/(a+)+$/', '/(a*)*b/', '/([a-z]+)*$/']) expect(() => compilePattern(evil, 'rules[0]')).toThrow(/exponential time/);
});

it('matches at most 1,024 characters of a subject', () => {
  const matcher = compilePattern('/^a+b$/', 'test');
  expect(matcher(`${'a'.repeat(1000)}b`)).toBe(true);
  expect(matcher(`${'a'.repeat(2000)}b`)).toBe(false);
});
