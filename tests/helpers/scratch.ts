// Temporary directories for tests that write input files, removed after the suite.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function scratchDirectory(): { path: string; write(name: string, content: string | Buffer): string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'blast-radius-test-'));
  return {
    path,
    write(name, content) {
      const file = join(path, name);
      writeFileSync(file, content);
      return file;
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}
