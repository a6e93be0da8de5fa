// The examples in docs/reporters.md are what the reporters print for the fixtures they name: the page cannot drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check.js';
import type { Report } from '../../src/model.js';
import { loadReporter } from '../../src/reporters/index.js';
import { ROOT } from '../helpers/run-cli.js';

const page = readFileSync(join(ROOT, 'docs/reporters.md'), 'utf8');

/** The fenced code blocks of the section headed by the format's name. */
function examples(format: string): string[] {
  const start = page.indexOf(`\n## \`${format}\`\n`);
  expect(start).toBeGreaterThan(-1);
  const end = page.indexOf('\n## ', start + 1);
  const section = page.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^(`{3,})[a-z]*\n([\s\S]*?)\n\1$/gm)].map((match) => `${match[2]}\n`);
}

async function render(format: string, report: Report): Promise<string> {
  return (await loadReporter(format))(report);
}

let blocked: Report;
let passed: Report;
beforeAll(async () => {
  blocked = await check({ files: ['fixtures/terraform/prod-replace/plan.json'] });
  passed = await check({ files: ['fixtures/terraform/staging-delete/plan.json'] });
});

it.each(['markdown', 'github', 'gitlab'])('shows the whole %s output', async (format) => {
  expect(examples(format)).toEqual([await render(format, blocked)]);
});

it('shows the agent output of a refusal and of a pass', async () => {
  expect(examples('agent')).toEqual([await render('agent', blocked), await render('agent', passed)]);
});

it('shows a SARIF result as printed', async () => {
  const [result] = examples('sarif');
  expect(JSON.parse(result)).toEqual(JSON.parse(await render('sarif', blocked)).runs[0].results[0]);
});
