// Validates a configuration document against the JSON Schema shipped in schema/, listing every problem as
// `path: what is wrong (line N)`; ajv is imported and the schema compiled only here.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';
import type { Config } from './config-types.js';

/** schema/ sits at the package root, above this file whether it runs from src/, dist/ or the bundle in dist/bin/. */
function schemaPath(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, 'schema', 'blast-radius.schema.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new Error('schema/blast-radius.schema.json is missing from the package');
    directory = parent;
  }
}

interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

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
    what = `unknown key "${key}"`;
  } else if (error.keyword === 'enum') {
    what = `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  const line = lineOf(text, key);
  return `${path}: ${what}${line ? ` (line ${line})` : ''}`;
}

export async function validateConfig(document: unknown, text: string, path: string): Promise<Config> {
  const { Ajv } = await import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath(), 'utf8')));
  if (validate(document ?? {})) return (document ?? {}) as Config;
  const problems = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if').map((e) => describe(e as SchemaError, text));
  throw new ConfigError(`${path} is not a valid blast-radius configuration:\n${[...new Set(problems)].map((p) => `  ${p}`).join('\n')}`);
}
