// Filling message templates: every placeholder takes its data, data is never read as a template, a missing value throws.
import { formatMessage, placeholders } from '../../src/policy/format-message.js';
import { DESTRUCTION_MESSAGES } from '../../src/policy/describe-destruction.js';

it('fills every placeholder, spaces inside the braces allowed, numbers written as numbers', () => {
  expect(formatMessage('{{file}} holds {{ count }} of {{max}}.', { file: 'plan.json', count: 12, max: 0 })).toBe('plan.json holds 12 of 0.');
});

it('lists the placeholders of a template in order', () => {
  expect(placeholders('{{a}} then {{ b }} then {{a}}')).toEqual(['a', 'b', 'a']);
});

it('copies data as it is, even when it looks like a placeholder', () => {
  expect(formatMessage('{{address}} is gone.', { address: 'x["{{file}}"]', file: 'nope' })).toBe('x["{{file}}"] is gone.');
});

it('throws, naming the placeholder, when the data lacks it (a rule bug, never a half-written finding)', () => {
  expect(() => formatMessage('{{address}} in {{environment}}', { address: 'a' })).toThrow(/\{\{environment\}\}/);
  expect(() => formatMessage('{{toString}}', {})).toThrow(/\{\{toString\}\}/);
});

it('writes the destruction sentence reports have always printed', () => {
  const data = {
    subject: 'aws_db_instance.main',
    because: ' because it is tainted (replace_because_tainted)',
    environment: 'production',
    reason: 'its tags say Environment = "production"',
    consequence: '',
  };
  expect(formatMessage(DESTRUCTION_MESSAGES.replaced, data)).toBe(
    'aws_db_instance.main would be destroyed and then re-created because it is tainted (replace_because_tainted). It is in production: its tags say Environment = "production".',
  );
});
