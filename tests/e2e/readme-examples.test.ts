// The README's example outputs are what the built command prints now (scripts/readme-examples.js --check runs every
// `<!-- example: blast-radius … -->` and compares it with the block under it): they cannot go stale.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

it('shows, under each example comment, what that command prints now', () => {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/readme-examples.js'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

it('has examples of the text report of a blocked plan and of the markdown, github and agent formats', () => {
  const commands = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/^<!-- example: blast-radius (.+) -->$/gm)].map((match) => match[1]);
  expect(commands).toEqual([
    'check fixtures/terraform/prod-replace/plan.json',
    'check fixtures/terraform/fan-out/plan.json --format markdown',
    'check fixtures/terraform/fan-out/plan.json --format github',
    'check fixtures/terraform/fan-out/plan.json --format agent',
  ]);
});
