// No format prints a secret: every reporter renders the report of each fixture that plants marker secrets, and none of
// the markers its expect.json lists as absent appears, plain or base64.
import { join } from 'node:path';
import { check } from '../../src/check.js';
import type { Report } from '../../src/model.js';
import { REPORTERS, loadReporter } from '../../src/reporters/index.js';
import { fixtureCases } from '../helpers/fixture-cases.js';
import { ROOT } from '../helpers/run-cli.js';

const withSecrets = [...fixtureCases('terraform'), ...fixtureCases('terraform-handmade'), ...fixtureCases('terraform-recoverability')].filter(
  (c) => (c.expect.absent ?? []).length > 0,
);

it('covers the fixtures that plant secrets', () => {
  expect(withSecrets.map((c) => c.name)).toEqual(expect.arrayContaining(['sensitive-replace', 'tags-sensitive-and-not-prod']));
});

describe.each(withSecrets.map((c) => [c.name, c] as const))('%s', (_name, fixture) => {
  let report: Report;
  beforeAll(async () => {
    report = await check({ files: [join(ROOT, fixture.plan)] });
  });

  it.each(Object.keys(REPORTERS))('%s prints none of its secrets', async (format) => {
    const output = (await loadReporter(format))(report);
    expect(output.length).toBeGreaterThan(0);
    for (const secret of fixture.expect.absent ?? []) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(Buffer.from(secret).toString('base64'));
    }
  });
});
