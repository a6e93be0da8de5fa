// The committed bundle of the GitHub Action (dist-action/) is exactly what scripts/bundle-action.js builds from the
// sources now, so what a workflow runs cannot drift from what the tests check (run npm run bundle:action after a change).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

it('is what the sources build now', () => {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/bundle-action.js'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});
