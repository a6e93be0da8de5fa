// Whether a plan was made against an empty state: real plans of Terraform 1.11.4, and the shapes prior_state can take,
// read whole and streamed alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/config/compiled-config.js';
import { analyzeInputs } from '../../../src/check.js';
import { stateWasEmpty } from '../../../src/analyzers/terraform/prior-state.js';
import { ROOT } from '../../helpers/run-cli.js';
import { scratchDirectory } from '../../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

/** Each input's emptyPriorState, read whole and streamed (the second must equal the first). */
async function emptyPriorState(file: string): Promise<[boolean, boolean]> {
  const read = async (inMemoryLimit: number) =>
    (await analyzeInputs({ files: [file], inMemoryLimit, compiledConfig: DEFAULT_CONFIG }))[0].emptyPriorState === true;
  return [await read(64 * 1024 * 1024), await read(0)];
}

describe('real plans', () => {
  it.each([
    ['create-only', true, 'prior_state absent: Terraform leaves it out for an empty state'],
    ['prod-create-empty-state', true, 'prior_state holds a data source and an output only'],
    ['prod-replace', false, 'creates beside resources in the state'],
    ['data-source', false, 'a data source and managed resources'],
    ['module-removal', false, 'managed resources in child modules only'],
    ['no-changes', false, 'only no-ops'],
  ])('%s: %s (%s)', async (name, expected) => {
    expect(await emptyPriorState(join(ROOT, 'fixtures/terraform', name, 'plan.json'))).toEqual([expected, expected]);
  });
});

describe('prior_state shapes', () => {
  const base = JSON.parse(readFileSync(join(ROOT, 'fixtures/terraform/create-only/plan.json'), 'utf8'));
  const dataSource = { address: 'data.x.y', mode: 'data', type: 'x', name: 'y' };
  const managed = { address: 'x.z', mode: 'managed', type: 'x', name: 'z' };
  it.each([
    ['null', true, null],
    ['without values', true, { format_version: '1.0' }],
    ['with outputs only', true, { values: { outputs: { a: { value: 1 } } } }],
    ['data sources only, in a child module too', true, { values: { root_module: { resources: [dataSource], child_modules: [{ resources: [dataSource] }] } } }],
    ['resources null', true, { values: { root_module: { resources: null } } }],
    ['a managed resource after data sources', false, { values: { root_module: { resources: [dataSource, dataSource, managed] } } }],
    ['a managed resource in a child module', false, { values: { root_module: { child_modules: [{ child_modules: [{ resources: [managed] }] }] } } }],
    ['a resource without a mode (Terraform reads it as managed)', false, { values: { root_module: { resources: [{ address: 'x.z' }] } } }],
    ['not an object', false, 'empty'],
    ['values not an object', false, { values: [] }],
    ['resources not a list', false, { values: { root_module: { resources: {} } } }],
    ['a resource that is not an object', false, { values: { root_module: { resources: [null] } } }],
  ])('%s: empty is %s, read whole and streamed', async (_name, expected, priorState) => {
    const file = scratch.write('plan.json', JSON.stringify({ ...base, prior_state: priorState }));
    expect(await emptyPriorState(file)).toEqual([expected, expected]);
  });

  it('is not empty when a change acts on an object the state must hold, whatever prior_state says', () => {
    expect(stateWasEmpty(undefined, { create: 2, read: 1 })).toBe(true);
    for (const action of ['update', 'delete', 'replace', 'no-op', 'import', 'forget', 'move'] as const) {
      expect(stateWasEmpty(undefined, { create: 2, [action]: 1 })).toBe(false);
    }
  });
});
