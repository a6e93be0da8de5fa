// The test runner's last line counts a suite that fails to load as a failure, which jest itself counts as no test.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

it('prints "1 passed, 1 failed" and exits 1 for one passing test beside a suite that throws while loading', () => {
  writeFileSync(
    join(scratch.path, 'jest.config.cjs'),
    `module.exports = { rootDir: ${JSON.stringify(scratch.path)}, testEnvironment: 'node', transform: {} };\n`,
  );
  writeFileSync(join(scratch.path, 'fine.test.js'), "test('passes', () => expect(1).toBe(1));\n");
  writeFileSync(join(scratch.path, 'broken.test.js'), "throw new Error('this suite cannot load');\n");
  const run = spawnSync(process.execPath, ['scripts/run-tests.js', '--config', join(scratch.path, 'jest.config.cjs')], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stdout.trim().split('\n').pop()).toBe('1 passed, 1 failed, 0 skipped');
  expect(run.status).toBe(1);
});
