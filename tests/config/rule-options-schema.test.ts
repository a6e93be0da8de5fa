// The configuration schema's policy.rules in step with the rules: one entry per rule id, each with the options schema
// the rule declares, which its own defaults satisfy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { RULES } from '../../src/policy/rules/index.js';
import { ROOT } from '../helpers/run-cli.js';

interface Entry {
  $ref?: string;
  then?: { items: [unknown, unknown] };
}

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'blast-radius.schema.json'), 'utf8'));
const entries: Record<string, Entry> = schema.properties.policy.properties.rules.properties;

/** An entry's options schema, through the definition it names when it has one. */
function optionsSchema(entry: Entry): unknown {
  const resolved: Entry = entry.$ref ? schema.definitions[entry.$ref.replace('#/definitions/', '')] : entry;
  return resolved.then?.items[1];
}

it('has one entry per rule, and no other', () => {
  expect(Object.keys(entries)).toEqual(Object.keys(RULES));
});

describe.each(Object.values(RULES).map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('has the options schema the rule declares', () => {
    expect(optionsSchema(entries[id])).toEqual(rule.optionsSchema);
  });

  it('has default options that its schema accepts', () => {
    expect(new Ajv({ strict: false }).validate(rule.optionsSchema, rule.defaultOptions)).toBe(true);
  });
});
