// The first-call marker of agents without a session-start event: true once per agent and session; plain ids name it,
// other ids are hashed.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isFirstCall, sessionMarker } from '../../src/hooks/first-call.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'blast-radius-markers-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

it('is true for the first call of a session only, per agent', () => {
  expect(isFirstCall('cursor', 'conv-1', directory)).toBe(true);
  expect(isFirstCall('cursor', 'conv-1', directory)).toBe(false);
  expect(isFirstCall('cursor', 'conv-2', directory)).toBe(true);
  expect(isFirstCall('other-agent', 'conv-1', directory)).toBe(true);
  expect(existsSync(sessionMarker('cursor', 'conv-1', directory))).toBe(true);
});

it('names the marker by the agent and a plain session id, which the shell pre-filter looks for', () => {
  expect(sessionMarker('cursor', 'c0ffee-12_ab', directory)).toBe(join(directory, 'blast-radius-session-cursor-c0ffee-12_ab'));
  expect(basename(sessionMarker('cursor', 'x'.repeat(129), directory))).toMatch(/^blast-radius-session-[0-9a-f]{16}$/);
});

it('names the marker by a hash when the id holds other characters, so that a session id cannot choose a path', () => {
  const marker = sessionMarker('cursor', '../../etc/passwd', directory);
  expect(basename(marker)).toMatch(/^blast-radius-session-[0-9a-f]{16}$/);
  expect(join(directory, basename(marker))).toBe(marker);
});

it('is false, not an error, when no marker can be written', () => {
  expect(isFirstCall('cursor', 'conv-1', join(directory, 'missing'))).toBe(false);
});
