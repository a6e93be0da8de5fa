// Loads the configuration: from --config, else the nearest .blast-radius.yml/.yaml/.json, else the built-in defaults;
// a file another user could change is refused.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { configFileProblem } from './config-file-problem.js';
import { DEFAULT_CONFIG, type CompiledConfig } from './compiled-config.js';
import { findConfig } from './find-config.js';

/** A configuration is a page of rules: a larger file (a multi-megabyte scalar, say) is refused before it is parsed. */
const MAX_BYTES = 1024 * 1024;

export async function loadConfig(explicitPath?: string, cwd: string = process.cwd()): Promise<CompiledConfig> {
  const path = explicitPath ?? findConfig(cwd);
  if (path === undefined) return DEFAULT_CONFIG;
  const text = readTrusted(path);
  if (Buffer.byteLength(text) > MAX_BYTES) throw new ConfigError(`${path} is larger than 1 MB: that is not a configuration file.`);
  // Everything below is needed only when a configuration exists: YAML, the schema validator, the compiler.
  const [{ readYaml }, { validateConfig }, { compileConfig }] = await Promise.all([
    import('./read-yaml.js'),
    import('./validate-config.js'),
    import('./compile-config.js'),
  ]);
  const document = path.endsWith('.json') ? parseJson(text, path) : readYaml(text, path);
  return compileConfig({ path, config: validateConfig(document, text, path) });
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError(`${path} is not valid JSON.`);
  }
}

/** The file's text, read from the same descriptor whose owner and mode were checked (not on Windows, which has neither). */
function readTrusted(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `${path}: no such configuration file.` : `${path} cannot be read (${code}).`);
  }
  try {
    const problem = process.platform === 'win32' ? undefined : configFileProblem(fstatSync(fd), process.getuid?.() ?? 0);
    if (problem) throw new ConfigError(`${path} ${problem}.`);
    try {
      return readFileSync(fd, 'utf8');
    } catch (error) {
      throw new ConfigError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code}).`);
    }
  } finally {
    closeSync(fd);
  }
}
