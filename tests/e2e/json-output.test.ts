// The JSON report of a large plan, written in slices by the CLI, is exactly JSON.stringify(report, null, 2) and a
// newline, on standard output and in a file alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import formatJson from '../../src/reporters/json.js';
import type { Report } from '../../src/model.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

/** destroy-prod's deletes, repeated under new names until the report is several megabytes (several 1 MB writes). */
function largePlan(copies: number): string {
  const plan = JSON.parse(readFileSync(join(ROOT, 'fixtures/terraform/destroy-prod/plan.json'), 'utf8')) as {
    resource_changes: { address: string; name: string }[];
  };
  plan.resource_changes = Array.from({ length: copies }, (_, i) =>
    plan.resource_changes.map((change) => ({ ...change, address: `${change.address}_${i}`, name: `${change.name}_${i}` })),
  ).flat();
  return scratch.write('plan.json', JSON.stringify(plan));
}

it('writes the whole text of the report, byte for byte, to standard output and to a file', () => {
  const file = join(scratch.path, 'report.json');
  const result = runCli(['check', largePlan(3000), '--no-approvals', '--format', 'json', '--format', `json=${file}`], { cwd: scratch.path });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  expect(result.stdout.length).toBeGreaterThan(3 * 1024 * 1024);
  expect(result.stdout).toBe(formatJson(JSON.parse(result.stdout) as Report));
  expect(readFileSync(file, 'utf8')).toBe(result.stdout);
});
