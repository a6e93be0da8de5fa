// Docs that cannot drift: one page per rule with fixed sections, a generated index in sync, versions that agree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '../src/model.js';
import { RULES } from '../src/policy/rules/index.js';
import { ruleUrl } from '../src/policy/rule.js';
import { VERSION } from '../src/version.js';
import { ROOT, runCli } from './helpers/run-cli.js';

const RULE_DOCS = join(ROOT, 'docs', 'rules');
const SECTIONS = ['## Example', '## Why', '## How to fix', '## How to allow-list'];

describe.each(Object.values(RULES).map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('has an id that is kebab-case and matches its key', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(RULES[id as keyof typeof RULES]).toBe(rule);
  });

  it('has a one-line description ending with a period', () => {
    expect(rule.description).toMatch(/^[A-Z].*\.$/);
    expect(rule.description).not.toContain('\n');
  });

  it('has a doc page with a title and the sections in order', () => {
    const page = readFileSync(join(RULE_DOCS, `${id}.md`), 'utf8');
    expect(page.split('\n')[0]).toBe(`# ${id}`);
    const positions = SECTIONS.map((heading) => page.indexOf(`\n${heading}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('links to that page', () => {
    expect(ruleUrl(id)).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
  });
});

/** The heading each platform's fixes have on the pages of the rules that block deletes and replaces. */
const PLATFORM_HEADINGS = { terraform: 'Terraform', kubernetes: 'Kubernetes', pulumi: 'Pulumi', cloudformation: 'CloudFormation' } satisfies Record<
  Platform,
  string
>;

it.each(['prod-delete', 'prod-replace'])('says on the page of %s how to fix it on every platform, in its own words', (id) => {
  const page = readFileSync(join(RULE_DOCS, `${id}.md`), 'utf8');
  const fixes = page.slice(page.indexOf('\n## How to fix\n'), page.indexOf('\n## How to allow-list\n'));
  for (const heading of Object.values(PLATFORM_HEADINGS)) expect(fixes).toContain(`\n### ${heading}\n`);
});

it('has no doc page for a rule that does not exist', () => {
  const pages = readdirSync(RULE_DOCS).map((f) => f.replace(/\.md$/, ''));
  expect(pages.sort()).toEqual(Object.keys(RULES).sort());
});

it('keeps the rule table sorted by id', () => {
  expect(Object.keys(RULES)).toEqual([...Object.keys(RULES)].sort());
});

it('has docs/cli-operations.md generated from the CLI catalogs (npm run docs:operations)', () => {
  const result = runCli(['operations', '--format', 'markdown']);
  expect(result.code).toBe(0);
  expect(readFileSync(join(ROOT, 'docs', 'cli-operations.md'), 'utf8')).toBe(result.stdout);
});

it('has docs/rules.md generated from the rules (npm run docs:rules)', () => {
  const result = runCli(['rules', '--format', 'markdown']);
  expect(result.code).toBe(0);
  expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(result.stdout);
});

it('has the package version in the code', () => {
  expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version).toBe(VERSION);
});

it('has the package version in the lock file', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  expect([lock.version, lock.packages[''].version]).toEqual([VERSION, VERSION]);
});

it('has the package version as the newest release of CHANGELOG.md, with its compare link', () => {
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
  expect(/^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/m.exec(changelog)?.[1]).toBe(VERSION);
  expect(changelog).toMatch(new RegExp(`^\\[${VERSION.replace(/\./g, '\\.')}\\]: https://`, 'm'));
});

it.each(['README.md', 'docs/github-action.md', 'docs/json-report.md'])('%s names the package version wherever it names one', (file) => {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const named = [...text.matchAll(/blast-radius(?:@| |\/blast-radius@v|", "version": ")(\d+\.\d+\.\d+)/g)].map((match) => match[1]);
  expect(named.filter((version) => version !== VERSION)).toEqual([]);
});

describe('configuration examples', () => {
  const examples = (file: string): string[] =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((y) => y.includes('rules:'));

  it.each(['README.md', 'docs/configuration.md'])('%s holds configuration examples that validate and compile', async (file) => {
    const { readYaml } = await import('../src/config/read-yaml.js');
    const { validateConfig } = await import('../src/config/validate-config.js');
    const { compileConfig } = await import('../src/config/compile-config.js');
    const found = examples(file);
    expect(found.length).toBeGreaterThan(0);
    for (const text of found) {
      const config = validateConfig(readYaml(text, file), text, file);
      // Examples carry realistic expiry dates: compile them as of the day this test was written.
      expect(() => compileConfig({ path: file, config }, '2026-11-25')).not.toThrow();
    }
  });
});
