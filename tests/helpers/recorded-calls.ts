// Reads the log that argv-recording stand-in programs append to: one line a call, the program's name and then its
// arguments, separated by tabs.
import { existsSync, readFileSync } from 'node:fs';

export function recordedCalls(log: string): string[][] {
  return existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split('\t'))
    : [];
}
