// Property tests (fast-check, fixed seed): a damaged plan is never judged — truncated anywhere, or cut inside any
// value, it is an InputError; and a secret planted in any sensitive attribute never reaches any output format.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config/compiled-config.js';
import { InputError } from '../../src/errors.js';
import { REPORTERS, loadReporter, type Reporter } from '../../src/reporters/index.js';
import { ROOT } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const SEED = 20261125;
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const plans = ['fixtures/terraform/prod-replace/plan.json', 'fixtures/terraform-handmade/aws-rds-prod-replace/plan.json', 'fixtures/terraform/fan-out/plan.json'];
const texts = plans.map((plan) => readFileSync(join(ROOT, plan), 'utf8'));

let written = 0;
async function checkText(text: string) {
  const file = scratch.write(`case-${written++}.json`, text);
  return check({ files: [file], compiledConfig: DEFAULT_CONFIG });
}

it('refuses a plan truncated at any point', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: texts.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), async (which, at) => {
      const text = texts[which] as string;
      const cut = Math.min(text.trimEnd().length - 1, Math.floor(at * text.length));
      await expect(checkText(text.slice(0, cut))).rejects.toBeInstanceOf(InputError);
    }),
    { seed: SEED, numRuns: 60 },
  );
});

it('refuses a plan whose closing brackets are deleted', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: texts.length - 1 }), fc.nat(), async (which, pick) => {
      const text = texts[which] as string;
      const closers = [...text.matchAll(/[}\]]/g)].map((m) => m.index as number);
      const at = closers[pick % closers.length] as number;
      await expect(checkText(text.slice(0, at) + text.slice(at + 1))).rejects.toBeInstanceOf(InputError);
    }),
    { seed: SEED, numRuns: 40 },
  );
});

it('never prints a value marked sensitive, whatever it is and wherever it sits, in any format', async () => {
  const plan = JSON.parse(texts[1] as string);
  // One at a time: jest's ESM loader fails on concurrent first imports of modules that share dependencies.
  const reporters: Reporter[] = [];
  for (const name of Object.keys(REPORTERS)) reporters.push(await loadReporter(name));
  await fc.assert(
    fc.asyncProperty(
      fc.stringMatching(/^[A-Za-z0-9_-]{6,24}$/).map((s) => `SECRET${s}`),
      fc.constantFrom('tags', 'identifier', 'name', 'password'),
      async (secret, field) => {
        const copy = structuredClone(plan);
        const change = copy.resource_changes.find((c: { address: string }) => c.address === 'aws_db_instance.main').change;
        for (const side of ['before', 'after'] as const) {
          const sensitive = `${side}_sensitive` as const;
          if (field === 'tags') {
            change[side].tags = { ...change[side].tags, Environment: secret };
            change[sensitive].tags = { Environment: true };
            // The provider-computed tags_all repeats it, unmarked, as real plans do.
            change[side].tags_all = { ...change[side].tags_all, Environment: secret };
          } else {
            change[side][field] = secret;
            change[sensitive][field] = true;
          }
        }
        const report = await checkText(JSON.stringify(copy));
        for (const reporter of reporters) {
          const output = reporter(report);
          expect(output).not.toContain(secret);
          expect(output).not.toContain(Buffer.from(secret).toString('base64'));
        }
      },
    ),
    { seed: SEED, numRuns: 30 },
  );
});
