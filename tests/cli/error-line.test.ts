// errorLine: every message printed on standard error carries the blast-radius prefix exactly once.
import { errorLine } from '../../src/cli/error-line.js';

it('puts the prefix before a message that does not name blast-radius', () => {
  expect(errorLine('no such file')).toBe('blast-radius: no such file');
});

it('leaves a message that starts with blast-radius as it is', () => {
  expect(errorLine('blast-radius guard runs terraform apply')).toBe('blast-radius guard runs terraform apply');
});

it('still prefixes a message that only mentions blast-radius later, or a word that starts with it', () => {
  expect(errorLine('the blast-radius shims are missing')).toBe('blast-radius: the blast-radius shims are missing');
  expect(errorLine('blast-radiusrc is not read')).toBe('blast-radius: blast-radiusrc is not read');
});
