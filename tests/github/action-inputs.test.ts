// The action's inputs: lists split on spaces and newlines, defaults, and a bad value refused with its input's name.
import { readActionInputs } from '../../src/github/action-inputs.js';

const PLAN = { INPUT_PLAN: 'plan.json' };

it('reads the defaults action.yml passes (empty strings and the token)', () => {
  expect(
    readActionInputs({
      ...PLAN,
      INPUT_CONFIG: '',
      INPUT_FORMATS: '',
      INPUT_COMMENT: 'true',
      'INPUT_FAIL-ON': 'block',
      INPUT_SARIF: 'false',
      'INPUT_GITHUB-TOKEN': 't',
      'INPUT_TF-BASE': '',
    }),
  ).toEqual({
    plans: ['plan.json'],
    formats: [],
    comment: true,
    failOn: 'block',
    sarif: false,
    token: 't',
    tfBase: { mode: 'default' },
  });
});

it('splits plans and formats on spaces and newlines', () => {
  const inputs = readActionInputs({ INPUT_PLAN: 'a/plan.json b/plan.json\n  c/tfplan\n', INPUT_FORMATS: 'agent=agent.txt\ntext=report.txt' });
  expect(inputs.plans).toEqual(['a/plan.json', 'b/plan.json', 'c/tfplan']);
  expect(inputs.formats).toEqual(['agent=agent.txt', 'text=report.txt']);
});

it.each([
  ['TRUE', true],
  [' false ', false],
])('reads comment: %j', (value, expected) => {
  expect(readActionInputs({ ...PLAN, INPUT_COMMENT: value }).comment).toBe(expected);
});

it.each([
  ['', { mode: 'default' }],
  ['none', { mode: 'off' }],
  ['origin/release', { mode: 'given', revision: 'origin/release' }],
])('reads tf-base: %j', (value, expected) => {
  expect(readActionInputs({ ...PLAN, 'INPUT_TF-BASE': value }).tfBase).toEqual(expected);
});

it.each([
  [{ INPUT_PLAN: ' \n ' }, /^Input plan is required/],
  [{ ...PLAN, INPUT_COMMENT: 'yes' }, /^Input comment must be true or false, not "yes"\.$/],
  [{ ...PLAN, INPUT_SARIF: '1' }, /^Input sarif must be true or false/],
  [{ ...PLAN, 'INPUT_FAIL-ON': 'error' }, /^Input fail-on must be one of block, warning, never, not "error"\.$/],
  [{ ...PLAN, INPUT_FORMATS: 'text' }, /^Input formats: "text" names no file/],
  [{ ...PLAN, INPUT_FORMATS: 'sarif=' }, /^Input formats: "sarif=" names no file/],
])('refuses %j', (env, message) => {
  expect(() => readActionInputs(env)).toThrow(message);
});
