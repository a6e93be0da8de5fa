// The input-format table: each entry lives in its own folder, belongs to a platform, detects its own committed fixtures
// (and no format before it does), and its reader gives inputs of its platform.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseFormat, inputHead } from '../../src/formats/choose-format.js';
import { INPUT_FORMATS, INPUT_FORMAT_IDS, type InputFormatId } from '../../src/formats/index.js';
import { loadInput } from '../../src/formats/load-input.js';
import { PLATFORMS } from '../../src/platforms/index.js';

/** Committed outputs of the real tools, by the format they are in. */
const FIXTURES: Record<InputFormatId, string[]> = {
  'pulumi-preview': readdirSync('fixtures/pulumi', { withFileTypes: true })
    .filter((d) => d.isDirectory() && !['program-error', 'protected-delete', 'truncated'].includes(d.name))
    .map((d) => join('fixtures/pulumi', d.name, 'preview.json')),
  'cloudformation-change-set': ['fixtures/cloudformation/aws-cli-update/change-set.json', 'fixtures/cloudformation/nested-root-and-child/change-set.json'],
  terraform: ['fixtures/terraform/destroy-prod/plan.json', 'fixtures/terraform/create-only/plan.json'],
  'kubectl-diff': readdirSync('fixtures/kubernetes/kubectl-diff', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join('fixtures/kubernetes/kubectl-diff', d.name, 'diff.txt')),
  'kubectl-apply': ['fixtures/kubernetes/kubectl-apply/client-dry-run/apply.txt', 'fixtures/kubernetes/kubectl-apply/prune-server-dry-run/apply.txt'],
  'kubectl-delete': ['fixtures/kubernetes/kubectl-delete/namespace-new-form/delete.txt', 'fixtures/kubernetes/kubectl-delete/output-name/delete.txt'],
  'helm-diff': ['fixtures/kubernetes/helm-diff/upgrade/helm-diff.txt', 'fixtures/kubernetes/helm-diff/immutable-fields/helm-diff.txt'],
  'kubernetes-objects': ['fixtures/kubernetes/objects/payments-namespace-yaml/objects.yaml', 'fixtures/kubernetes/objects/single-object/namespace.json'],
};

describe('the input-format table', () => {
  it.each(INPUT_FORMAT_IDS)('%s is keyed by its id, lives in src/formats/<id>/ and belongs to a platform', (id) => {
    expect(INPUT_FORMATS[id].id).toBe(id);
    expect(existsSync(join('src/formats', id, 'index.ts'))).toBe(true);
    expect(Object.keys(PLATFORMS)).toContain(INPUT_FORMATS[id].platform);
  });

  it('has a fixture for every format', () => {
    for (const id of INPUT_FORMAT_IDS) for (const file of FIXTURES[id]) expect(existsSync(file)).toBe(true);
  });

  it.each(INPUT_FORMAT_IDS.filter((id) => id !== 'kubernetes-objects'))('detects %s from its fixtures, before any other format claims them', (id) => {
    for (const file of FIXTURES[id]) expect(chooseFormat(inputHead([readFileSync(file)]), file, undefined).id).toBe(id);
  });

  it('never takes a Terraform plan for a Pulumi preview', () => {
    const plans = [
      ...readdirSync('fixtures/terraform', { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join('fixtures/terraform', d.name, 'plan.json')))
        .map((d) => join('fixtures/terraform', d.name, 'plan.json')),
      ...(existsSync('../shared/wild-plans')
        ? readdirSync('../shared/wild-plans')
            .filter((f) => f.endsWith('.json'))
            .map((f) => join('../shared/wild-plans', f))
        : []),
    ];
    expect(plans.length).toBeGreaterThan(20);
    for (const file of plans) expect(INPUT_FORMATS['pulumi-preview'].detect(inputHead([readFileSync(file)]))).toBe(false);
  });

  it('detects a failed or truncated preview as Pulumi, so that its reader says what is wrong', () => {
    for (const name of ['program-error', 'protected-delete', 'truncated']) {
      const file = join('fixtures/pulumi', name, 'preview.json');
      expect(chooseFormat(inputHead([readFileSync(file)]), file, undefined).id).toBe('pulumi-preview');
    }
  });

  it('never detects objects alone, and says how to pass them', () => {
    const [file] = FIXTURES['kubernetes-objects'] as [string];
    expect(() => chooseFormat(inputHead([readFileSync(file)]), file, undefined)).toThrow(`pass it with --deleting ${file}`);
  });

  it('detects a UTF-16 input from its decoded head', () => {
    const text = readFileSync('fixtures/kubernetes/kubectl-apply/client-dry-run/apply.txt', 'utf8');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(chooseFormat(inputHead([bytes]), 'apply.txt', undefined).id).toBe('kubectl-apply');
  });

  it.each(INPUT_FORMAT_IDS)('reads %s into inputs of its platform', async (id) => {
    const file = FIXTURES[id][0];
    const inputs = await loadInput(file, 0, { inputFormat: id });
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) expect(input.platform).toBe(INPUT_FORMATS[id].platform);
  });
});
