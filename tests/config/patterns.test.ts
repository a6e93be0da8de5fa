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
  ['/^[P-R]rod-\\x45u$/i', 'prOD-eU', true],
  ['/^[^a-z]+$/i', 'ABC', false],
  ['/^\\w+[\\b]$/i', 'abc\b', true],
  ['/^(?<Env>prod)$/i', 'PROD', true],
  ['/^σ$/i', 'ς', true],
  ['/^\\d{2}$/i', '42', true],
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

describe('patterns that would backtrack for minutes on a 1,000-character key', () => {
  const key = 'a'.repeat(1000);

  it('runs a glob with many stars in linear time', () => {
    const matcher = compilePattern('*a*a*a*a*a*a*a*a*a*a*a*b', 'test');
    expect(matcher(key)).toBe(false);
    expect(matcher(`${key}b`.slice(-1000))).toBe(true);
    expect(compilePattern('*a?a*', 'test')('xxaya')).toBe(true);
    expect(compilePattern('a*', 'test')('b')).toBe(false);
  }, 5_000);

  it('runs a case-insensitive regular expression of chained .* in linear time', () => {
    const matcher = compilePattern('/.*a.*a.*a.*a.*a.*a.*a.*a.*a.*a.*b/i', 'test');
    expect(matcher(key)).toBe(false);
    expect(matcher(key.toUpperCase())).toBe(false);
    expect(matcher(`${'A'.repeat(999)}B`)).toBe(true);
  }, 5_000);

  it('refuses a regular expression the linear engine cannot run, naming it', () => {
    for (const slow of ['/(?=a).*a.*b/', '/(a)\\1/', '/.*a.*b/u']) {
      expect(() => compilePattern(slow, 'rules[0]')).toThrow(`rules[0]: ${slow} cannot run in linear time`);
    }
  });
});
