// Parses the `--format` values (`name` or `name=path`) into output targets, refusing bad sets before any work starts.
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { REPORTERS, isFormatName, type FormatName } from './index.js';

/** One output of a run: a format written to a file, or to standard output when `path` is absent. */
export interface FormatTarget {
  format: FormatName;
  path?: string;
}

function parseTarget(value: string): FormatTarget {
  const separator = value.indexOf('=');
  const name = separator === -1 ? value : value.slice(0, separator);
  if (!isFormatName(name)) {
    throw new UsageError(`Invalid value "${name}" for --format: choose one of ${Object.keys(REPORTERS).join(', ')} (as name, or name=path to write a file).`);
  }
  if (separator === -1) return { format: name };
  const path = value.slice(separator + 1);
  if (path === '') throw new UsageError(`--format ${value} names no file: write ${name}=path, or ${name} alone for standard output.`);
  return { format: name, path };
}

/** Every target of `values`; at most one goes to standard output and no file is named twice. */
export function parseFormatTargets(values: readonly string[]): FormatTarget[] {
  const targets = values.map(parseTarget);
  const toStdout = targets.filter((target) => target.path === undefined);
  if (toStdout.length > 1) {
    const names = toStdout.map((target) => target.format).join(', ');
    throw new UsageError(`Only one --format can print to standard output, not ${names}: write the others to files (name=path).`);
  }
  const seen = new Map<string, FormatTarget>();
  for (const target of targets) {
    if (target.path === undefined) continue;
    const absolute = resolve(target.path);
    const earlier = seen.get(absolute);
    if (earlier) {
      throw new UsageError(`--format ${earlier.format}=${earlier.path} and ${target.format}=${target.path} name the same file: give each its own.`);
    }
    seen.set(absolute, target);
  }
  return targets;
}
