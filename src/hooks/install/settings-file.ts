// Reads and writes an agent's JSON settings file, keeping everything already in it; refuses a file it cannot parse.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../../errors.js';

export type Json = Record<string, unknown>;

export function readSettings(path: string): Json {
  if (!existsSync(path)) return {};
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(`${path} is not valid JSON: fix it by hand first, blast-radius will not overwrite it.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`${path} does not hold a JSON object: fix it by hand first, blast-radius will not overwrite it.`);
  }
  return parsed as Json;
}

export function writeSettings(path: string, settings: Json): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(settings, null, 2)}\n`);
}

/** The object at `key`, created when absent; a value of another type there is a ConfigError. */
export function objectAt(parent: Json, key: string, path: string): Json {
  const value = parent[key];
  if (value === undefined) return (parent[key] = {});
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${path}: "${key}" is not an object.`);
  return value as Json;
}

/** The list at `key`, created when absent; a value of another type there is a ConfigError. */
export function listAt(parent: Json, key: string, path: string): unknown[] {
  const value = parent[key];
  if (value === undefined) return (parent[key] = []);
  if (!Array.isArray(value)) throw new ConfigError(`${path}: "${key}" is not a list.`);
  return value;
}
