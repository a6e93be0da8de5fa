// Loads the configuration: from --config, else the nearest .blast-radius.yml/.yaml/.json, else the built-in defaults.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { DEFAULT_CONFIG, type CompiledConfig } from './compiled-config.js';
import { findConfig } from './find-config.js';

/** A configuration is a page of rules: a larger file (a multi-megabyte scalar, say) is refused before it is parsed. */
const MAX_BYTES = 1024 * 1024;

export async function loadConfig(explicitPath?: string, cwd: string = process.cwd()): Promise<CompiledConfig> {
  const path = explicitPath ?? findConfig(cwd);
  if (path === undefined) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `${path}: no such configuration file.` : `${path} cannot be read (${code}).`);
  }
  if (Buffer.byteLength(text) > MAX_BYTES) throw new ConfigError(`${path} is larger than 1 MB: that is not a configuration file.`);
  // Everything below is needed only when a configuration exists: YAML, the schema validator, the compiler.
  const [{ readYaml }, { validateConfig }, { compileConfig }] = await Promise.all([
    import('./read-yaml.js'),
    import('./validate-config.js'),
    import('./compile-config.js'),
  ]);
  const document = path.endsWith('.json') ? parseJson(text, path) : await readYaml(text, path);
  return compileConfig({ path, config: validateConfig(document, text, path) });
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError(`${path} is not valid JSON.`);
  }
}
