// Validates a configuration document against the JSON Schema shipped in schema/, listing every problem as
// `path: what is wrong (line N)`, with Ajv's validator generated from that schema ahead of time (neither ajv nor the
// schema is loaded at run time; scripts/generate-config-validator.js makes it).
import { ConfigError } from '../errors.js';
import type { Config } from './config-types.js';
import { validate as generatedValidate } from '../generated/config-validator.generated.js';

/** An Ajv error object, as the generated validator leaves them in its `errors`. */
interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

interface SchemaValidator {
  (document: unknown): boolean;
  errors?: SchemaError[] | null;
}

const validateAgainstSchema: SchemaValidator = generatedValidate;

/** The line of a key in the text, when that key occurs exactly once (otherwise no line is claimed). */
function lineOf(text: string, key: string | undefined): number | undefined {
  if (!key || /^\d+$/.test(key)) return undefined;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A block key (`  adress: x`, `- adress: x`) or a flow key (`match: { adress: x }`).
  const pattern = new RegExp(`(?:^|[\\s{,])["']?${escaped}["']?\\s*:`);
  const lines = text.split('\n');
  const hits = lines.flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
  return hits.length === 1 ? hits[0] : undefined;
}

function describe(error: SchemaError, text: string): string {
  const path = error.instancePath === '' ? '(top level)' : error.instancePath.slice(1).replace(/\//g, '.');
  let what = error.message ?? error.keyword;
  let key = error.instancePath.split('/').pop();
  if (error.keyword === 'additionalProperties') {
    key = String(error.params.additionalProperty);
    what = error.instancePath === '/policy/rules' ? `no policy rule is called "${key}" (\`blast-radius rules\` lists them)` : `unknown key "${key}"`;
  } else if (error.keyword === 'enum') {
    what = `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  const line = lineOf(text, key);
  return `${path}: ${what}${line ? ` (line ${line})` : ''}`;
}

export function validateConfig(document: unknown, text: string, path: string): Config {
  if (validateAgainstSchema(document ?? {})) return document ?? {};
  const problems = (validateAgainstSchema.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if').map((e) => describe(e, text));
  throw new ConfigError(`${path} is not a valid blast-radius configuration:\n${[...new Set(problems)].map((p) => `  ${p}`).join('\n')}`);
}
