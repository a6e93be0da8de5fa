// The README's set-up: its first command ends in `npm run example`, which must show a blocked production replace
// and succeed only because blast-radius blocked it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

it('has a set-up of exactly two commands: install and run the example, then the test suite', () => {
  const setup = /## Set-up[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const commands = setup
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/\s+#.*$/, ''));
  expect(commands).toEqual(['npm ci && npm run example', 'npm test']);
});

it('runs the bundled example: a blocked production replace', () => {
  const result = spawnSync('npm', ['run', '--silent', 'example'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^BLOCKED/);
  expect(result.stdout).toContain('prod-replace');
  expect(result.stdout).toContain('terraform_data.prod_db');
});
