// A private scratch directory (mode 0700, in the system's temporary directory) for one guarded run or one run task:
// made, handed to the work, and removed afterwards whatever happens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `use` in a new directory named `blast-radius-<purpose>-…` that only this process's user can use. */
export async function inPrivateDirectory<T>(purpose: string, use: (directory: string) => Promise<T>): Promise<T> {
  const scratch = mkdtempSync(join(tmpdir(), `blast-radius-${purpose}-`));
  try {
    return await use(scratch);
  } finally {
    try {
      rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
    } catch (error) {
      // Something kept writing there (another process of the same user): the outcome stands, the leftover is said.
      process.stderr.write(`blast-radius: the private directory ${scratch} could not be removed (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`);
    }
  }
}
