// Every format names the configuration used, and shows a waived production delete with who, why and until when.
import kleur from 'kleur';
import type { Report } from '../../src/model.js';
import { loadReporter } from '../../src/reporters/index.js';
import { SAMPLE_REPORT } from './sample-report.js';

const waived = { reason: 'Retiring the old database (OPS-7)', by: 'jane@example.com', expires: '2027-01-15' };
const [productionFinding] = SAMPLE_REPORT.findings;

/** A plan whose only production delete an exception waived, checked under a configuration file. */
const ONLY_DELETE_WAIVED: Report = {
  ...SAMPLE_REPORT,
  verdict: 'pass',
  config: '/repo/.blast-radius.yml',
  findings: [{ ...productionFinding, ruleId: 'prod-delete', action: 'delete', impact: undefined, waived }],
  summary: { ...SAMPLE_REPORT.summary, errors: 0, warnings: 0, infos: 0, waived: 1, changes: 1, byAction: { delete: 1 }, dataLoss: 0 },
  rules: {
    'prod-delete': {
      description: 'Deleting a resource in a protected environment.',
      severity: 'error',
      url: 'https://github.com/blast-radius/blast-radius/blob/main/docs/rules/prod-delete.md',
    },
  },
  exceptions: [{ address: 'module.db*', rules: ['prod-delete'], ...waived, waived: [productionFinding.address] }],
  fingerprint: undefined,
  approveCommand: undefined,
};

beforeAll(() => {
  kleur.enabled = false;
});

it('says in the text headline that the production delete is waived, by whom and until when, never that nothing is destroyed', async () => {
  const text = (await loadReporter('text'))(ONLY_DELETE_WAIVED);
  const headline = text.split('\n')[0];
  expect(headline).not.toMatch(/nothing is destroyed/);
  expect(headline).toContain(`${productionFinding.address} (prod-delete) waived by jane@example.com until 2027-01-15: Retiring the old database (OPS-7)`);
  expect(text).toContain('\nConfiguration: /repo/.blast-radius.yml\n');
});

it.each(['text', 'markdown', 'json', 'sarif', 'github', 'gitlab', 'agent'])('%s shows the waiver and names the configuration file', async (format) => {
  const output = (await loadReporter(format))(ONLY_DELETE_WAIVED);
  for (const part of ['jane@example.com', '2027-01-15', 'Retiring the old database (OPS-7)', '/repo/.blast-radius.yml']) expect(output).toContain(part);
});

it.each(['text', 'markdown', 'github', 'agent'])('%s names the built-in defaults when no file was read', async (format) => {
  expect((await loadReporter(format))({ ...ONLY_DELETE_WAIVED, config: undefined })).toContain('built-in defaults');
});

it('writes control characters of a configuration path escaped, so it cannot start a line of its own', async () => {
  const github = (await loadReporter('github'))({ ...ONLY_DELETE_WAIVED, config: '/repo/x\n::error::pwned/.blast-radius.yml' });
  expect(github).not.toMatch(/^::error::pwned/m);
  expect(github).toContain('/repo/x\\u000a::error::pwned/.blast-radius.yml');
});

it('gives SARIF consumers the configuration as a run property, null for the built-in defaults', async () => {
  const format = await loadReporter('sarif');
  expect(JSON.parse(format(ONLY_DELETE_WAIVED)).runs[0].properties).toEqual({ configuration: '/repo/.blast-radius.yml' });
  expect(JSON.parse(format({ ...ONLY_DELETE_WAIVED, config: undefined })).runs[0].properties).toEqual({ configuration: null });
});
