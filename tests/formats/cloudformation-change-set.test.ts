// Detection of `cloudformation-change-set`, which comes before terraform in the table: it claims every committed change
// set, a head whose Changes come before the change set's id, and never a Terraform plan (committed or from the wild).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseFormat, inputHead } from '../../src/formats/choose-format.js';
import { startsLikeChangeSet } from '../../src/formats/cloudformation-change-set/index.js';
import { ROOT } from '../helpers/run-cli.js';

const files = (folder: string, name: string): string[] =>
  existsSync(folder)
    ? readdirSync(folder)
        .filter((entry) => existsSync(join(folder, entry, name)))
        .map((entry) => join(folder, entry, name))
    : [];

const WILD = join(ROOT, '..', 'shared', 'wild-plans');
const PLANS = [
  ...files(join(ROOT, 'fixtures', 'terraform'), 'plan.json'),
  ...files(join(ROOT, 'fixtures', 'terraform-handmade'), 'plan.json'),
  ...(existsSync(WILD) ? readdirSync(WILD).filter((file) => file.endsWith('.json')) : []).map((file) => join(WILD, file)),
];
const CHANGE_SETS = files(join(ROOT, 'fixtures', 'cloudformation'), 'change-set.json');

const detected = (file: string): string => chooseFormat(inputHead([readFileSync(file)]), file, undefined).id;

it('has Terraform plans and change sets to try', () => {
  expect(PLANS.length).toBeGreaterThan(20);
  expect(CHANGE_SETS.length).toBeGreaterThanOrEqual(12);
});

it.each(PLANS)('never claims the Terraform plan %s', (file) => {
  expect(startsLikeChangeSet(inputHead([readFileSync(file)]).text)).toBe(false);
});

it.each(CHANGE_SETS)('claims %s', (file) => {
  expect(detected(file)).toBe('cloudformation-change-set');
});

it('claims a change set whose Changes fill the head before its id, and a UTF-8 BOM before it', () => {
  const change = { Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: 'Queue', ResourceType: 'AWS::SQS::Queue', Details: [] } };
  const text = JSON.stringify({ Changes: Array.from({ length: 2000 }, () => change), ChangeSetId: 'arn', StackName: 's', Status: 'CREATE_COMPLETE' }, null, 4);
  expect(text.indexOf('ChangeSetId')).toBeGreaterThan(64 * 1024);
  expect(chooseFormat(inputHead([Buffer.from(text)]), 'long.json', undefined).id).toBe('cloudformation-change-set');
  expect(chooseFormat(inputHead([Buffer.from(`\uFEFF${text}`)]), 'bom.json', undefined).id).toBe('cloudformation-change-set');
});

it.each([
  ['a plan that mentions a change set in a value', JSON.stringify({ format_version: '1.2', resource_changes: [], note: { Changes: 1, ChangeSetId: 'x' } })],
  ['a JSON object without a change set id or resource change', JSON.stringify({ Changes: [] })],
  ['a list of changes (cdk diff --json)', JSON.stringify([{ Type: 'Resource', ResourceChange: {} }])],
])('leaves %s to the formats after it', (_what, text) => {
  expect(startsLikeChangeSet(text)).toBe(false);
});
