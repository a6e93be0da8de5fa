// Compares output with a golden file beside the test; UPDATE_GOLDEN=1 rewrites the file instead (then review the diff).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function expectGolden(actual: string, goldenPath: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
    if (process.env.CI) throw new Error(`${goldenPath} is missing: run the tests with UPDATE_GOLDEN=1 and commit it.`);
    writeFileSync(goldenPath, actual);
  }
  expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
}
