// Reads a small JSON configuration file as an object, or says in one sentence why it cannot: missing, unreadable,
// not JSON (never quoting its text, which may hold a key), or not an object.
import { readSmallFile } from './read-small-file.js';

export type JsonObjectFile = { status: 'read'; object: Record<string, unknown> } | { status: 'missing' } | { status: 'unreadable'; problem: string };

export function readJsonObject(path: string): JsonObjectFile {
  const text = readSmallFile(path);
  if (text.status !== 'read') return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.text);
  } catch {
    // JSON.parse quotes the text around the error, which may be a private key: say only that it is not JSON.
    return { status: 'unreadable', problem: 'it is not valid JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { status: 'unreadable', problem: 'it is not a JSON object' };
  return { status: 'read', object: parsed as Record<string, unknown> };
}
