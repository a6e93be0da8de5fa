// The change set analyzer: every Action, Replacement and PolicyAction the API documents, the evidence each change carries
// (stack name and tags, physical id, tags and names of the contexts, accounts), nested stacks, and what is refused.
import { analyzeChangeSet, judgeChange } from '../../../src/analyzers/cloudformation/analyze-change-set.js';
import type { CfnResourceChange } from '../../../src/analyzers/cloudformation/change-set.js';
import { readChangeSets } from '../../../src/analyzers/cloudformation/read-change-sets.js';
import { InputError } from '../../../src/errors.js';
import type { AnalyzedInput } from '../../../src/model.js';

const SECRET = 'BR-SECRET-MARKER-unit-5e2b';
const CHANGE_SET_ID = 'arn:aws:cloudformation:eu-west-1:210987654321:changeSet/cs/4eca1a01-e285-xmpl-8026-9a1967bfb4b0';

type Json = Record<string, unknown>;

/** A describe-change-set output around the given ResourceChanges; `extra` sets or replaces top-level members. */
function document(changes: Json[], extra: Json = {}): Json {
  return {
    Changes: changes.map((change) => ({ Type: 'Resource', ResourceChange: change })),
    ChangeSetName: 'cs',
    ChangeSetId: CHANGE_SET_ID,
    StackId: 'arn:aws:cloudformation:eu-west-1:210987654321:stack/orders/d0a825a0-e4cd-xmpl-b9fb-061c69e99204',
    StackName: 'orders',
    Status: 'CREATE_COMPLETE',
    Tags: null,
    ...extra,
  };
}

const change = (fields: Json): Json => ({ LogicalResourceId: 'Db', ResourceType: 'AWS::RDS::DBInstance', Details: [], ...fields });

function analyze(documents: Json[], quietChanges: 'keep' | 'count' = 'keep'): AnalyzedInput[] {
  const changeSets = readChangeSets(documents, 'cs.json');
  const judged = new Set(changeSets.map((changeSet) => changeSet.changeSetId));
  return changeSets.map((changeSet, i) => analyzeChangeSet(changeSet, 'cs.json', i, judged, quietChanges));
}

const only = (fields: Json, extra: Json = {}) => analyze([document([change(fields)], extra)])[0].changes[0];

describe('actions', () => {
  it.each([
    [{ Action: 'Add' }, 'create'],
    [{ Action: 'Import' }, 'import'],
    [{ Action: 'SyncWithActual' }, 'no-op'],
    [{ Action: 'Modify', Replacement: 'False' }, 'update'],
    [{ Action: 'Modify', Replacement: 'True' }, 'replace'],
    [{ Action: 'Modify', Replacement: 'Conditional' }, 'replace'],
    [{ Action: 'Modify' }, 'replace'],
    [{ Action: 'Dynamic' }, 'replace'],
    [{ Action: 'Remove' }, 'delete'],
    [{ Action: 'Remove', PolicyAction: 'Delete' }, 'delete'],
    [{ Action: 'Remove', PolicyAction: 'Snapshot' }, 'delete'],
    [{ Action: 'Remove', PolicyAction: 'Retain' }, 'forget'],
    [{ Action: 'Modify', Replacement: 'True', PolicyAction: 'ReplaceAndRetain' }, 'replace'],
  ])('%j is %s', (fields, action) => {
    expect(only(fields).action).toBe(action);
  });

  it('marks an import as importing, and a replace as creating the new resource first', () => {
    expect(only({ Action: 'Import' }).importing).toBe(true);
    expect(only({ Action: 'Modify', Replacement: 'True' }).replaceOrder).toBe('create-first');
  });

  it('names what forces a replacement, always or on conditions, once each', () => {
    const replaced = only({
      Action: 'Modify',
      Replacement: 'True',
      Details: [
        { Target: { Attribute: 'Properties', Name: 'KeyName', RequiresRecreation: 'Always' }, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' },
        { Target: { Attribute: 'Properties', Name: 'InstanceType', RequiresRecreation: 'Conditionally' }, Evaluation: 'Static' },
        { Target: { Attribute: 'Tags', RequiresRecreation: 'Never' }, Evaluation: 'Static' },
        { Target: { Attribute: 'Properties', Name: 'KeyName', RequiresRecreation: 'Always' }, Evaluation: 'Static', ChangeSource: 'ParameterReference' },
      ],
    });
    expect(replaced.replacePaths).toEqual(['KeyName', 'InstanceType']);
    expect(replaced.reason).toBe(
      'changing KeyName (RequiresRecreation Always), InstanceType (RequiresRecreation Conditionally) forces replacement (Replacement True)',
    );
  });

  it('says a conditional replacement may replace, and a Dynamic action cannot be known', () => {
    expect(only({ Action: 'Modify', Replacement: 'Conditional' }).reason).toMatch(
      /^CloudFormation may replace it \(Replacement Conditional\).*judged as a replace$/,
    );
    expect(only({ Action: 'Dynamic' }).reason).toMatch(/cannot tell what it does to it until the change set runs \(Action Dynamic\).*possible replace/);
    expect(only({ Action: 'Modify' }).reason).toMatch(/did not say whether it replaces it/);
  });

  it('says what the deletion and replace policies keep', () => {
    expect(only({ Action: 'Remove', PolicyAction: 'Retain' }).reason).toMatch(/^DeletionPolicy Retain keeps it/);
    expect(only({ Action: 'Remove', PolicyAction: 'Snapshot' }).reason).toMatch(/DeletionPolicy Snapshot takes a snapshot first \(recoverable/);
    expect(only({ Action: 'Modify', Replacement: 'True', PolicyAction: 'ReplaceAndRetain' }).reason).toMatch(/UpdateReplacePolicy Retain keeps the old one/);
    expect(only({ Action: 'Modify', Replacement: 'True', PolicyAction: 'ReplaceAndSnapshot' }).reason).toMatch(/UpdateReplacePolicy Snapshot takes a snapshot/);
    expect(only({ Action: 'Remove', PolicyAction: 'Delete' }).reason).toBe('it leaves the template (Action Remove)');
  });

  it('judges every documented action (the switch has no default)', () => {
    const base: CfnResourceChange = { action: 'Add', logicalResourceId: 'A', resourceType: 'AWS::S3::Bucket', targets: [] };
    for (const action of ['Add', 'Modify', 'Remove', 'Import', 'Dynamic', 'SyncWithActual'] as const)
      expect(judgeChange({ ...base, action }).action).toBeDefined();
  });
});

describe('evidence', () => {
  it('addresses a change <StackName>/<LogicalResourceId> and keeps its type and logical id', () => {
    const result = only({ Action: 'Remove', PhysicalResourceId: 'orders-db-1' });
    expect([result.source, result.address, result.type, result.name, result.modulePath]).toEqual([
      'cloudformation',
      'orders/Db',
      'AWS::RDS::DBInstance',
      'Db',
      [],
    ]);
  });

  it('gives every change the stack name, the stack tags and the physical id', () => {
    const result = only({ Action: 'Remove', PhysicalResourceId: 'orders-db-1' }, { Tags: [{ Key: 'Environment', Value: 'production' }] });
    expect(result.nameHints).toEqual([
      { field: 'stack', value: 'orders' },
      { field: 'PhysicalResourceId', value: 'orders-db-1' },
    ]);
    expect(result.labels).toEqual([{ key: 'Environment', value: 'production', field: 'stack tags' }]);
  });

  it('reads the account from the stack and change set ARNs, and a physical id that is one', () => {
    expect(only({ Action: 'Remove' }).accounts).toEqual([{ provider: 'aws', id: '210987654321', field: 'ChangeSetId' }]);
    const nested = only({ Action: 'Remove', PhysicalResourceId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/child/d0a8' });
    expect(nested.accounts.map((account) => account.id)).toEqual(['210987654321', '111122223333']);
  });

  it('reads only the tags and the name properties of the contexts, never another property value', () => {
    const context = JSON.stringify({
      Properties: {
        DBInstanceIdentifier: 'orders-db',
        MasterUserPassword: SECRET,
        Tags: [{ Key: 'Environment', Value: 'prod' }],
        Nested: { Name: SECRET },
      },
    });
    const analyzed = analyze([
      document([
        change({
          Action: 'Modify',
          Replacement: 'True',
          BeforeContext: context,
          AfterContext: JSON.stringify({ Properties: { TableName: 'orders', Tags: { team: 'orders' } } }),
          Details: [{ Target: { Attribute: 'Properties', Name: 'MasterUserPassword', RequiresRecreation: 'Never', BeforeValue: SECRET, AfterValue: SECRET } }],
        }),
      ]),
    ])[0];
    const [result] = analyzed.changes;
    expect(result.labels).toEqual([
      { key: 'Environment', value: 'prod', field: 'Properties.Tags' },
      { key: 'team', value: 'orders', field: 'Properties.Tags' },
    ]);
    expect(result.nameHints).toEqual([
      { field: 'stack', value: 'orders' },
      { field: 'Properties.DBInstanceIdentifier', value: 'orders-db' },
      { field: 'Properties.TableName', value: 'orders' },
    ]);
    expect(JSON.stringify(analyzed)).not.toContain(SECRET);
  });

  it('notes a context that is not complete JSON, whose evidence could not be read', () => {
    const result = only({ Action: 'Remove', BeforeContext: '{"Properties":{"Tags":[{"Key":"Environment","Va' });
    expect(result.labels).toEqual([]);
    expect(result.evidenceNote).toMatch(/not complete JSON/);
  });

  it('keeps the parameters as plan-wide variables, a NoEcho value as sensitive without its value', () => {
    const [analyzed] = analyze([
      document([change({ Action: 'Add' })], {
        Parameters: [
          { ParameterKey: 'Environment', ParameterValue: 'prod' },
          { ParameterKey: 'DbPassword', ParameterValue: '****' },
          { ParameterKey: 'Kept', UsePreviousValue: true },
        ],
      }),
    ]);
    expect(analyzed.variables).toEqual([
      { name: 'Environment', value: 'prod', sensitive: false },
      { name: 'DbPassword', sensitive: true },
      { name: 'Kept', sensitive: false },
    ]);
  });

  it('counts quiet changes without keeping them when asked', () => {
    const [analyzed] = analyze([document([change({ Action: 'SyncWithActual' }), change({ LogicalResourceId: 'B', Action: 'Add' })])], 'count');
    expect(analyzed.changes.map((c) => c.address)).toEqual(['orders/B']);
    expect(analyzed.actionCounts).toEqual({ 'no-op': 1, create: 1 });
  });
});

describe('nested stacks', () => {
  const nestedStack = (fields: Json = {}): Json =>
    change({ LogicalResourceId: 'Child', ResourceType: 'AWS::CloudFormation::Stack', Action: 'Modify', Replacement: 'False', ...fields });
  const childId = 'arn:aws:cloudformation:eu-west-1:210987654321:changeSet/child-cs/11111111-e285-xmpl-8026-9a1967bfb4b0';

  it('leaves a modified nested stack unjudged when its own change set is not in the input', () => {
    const [analyzed] = analyze([document([nestedStack({ ChangeSetId: childId })])]);
    expect(analyzed.unjudged).toEqual([expect.stringMatching(/^orders\/Child \(AWS::CloudFormation::Stack\): the nested stack's own changes/)]);
    expect(analyzed.changes.map((c) => c.action)).toEqual(['update']);
  });

  it('judges it by its own change set when that is in the same input', () => {
    const inputs = analyze([
      document([nestedStack({ ChangeSetId: childId })]),
      document([change({ Action: 'Remove' })], { ChangeSetId: childId, StackName: 'orders-Child-XMPL', ParentChangeSetId: CHANGE_SET_ID }),
    ]);
    expect(inputs.map((input) => input.unjudged)).toEqual([undefined, undefined]);
    expect(inputs[1].changes.map((c) => [c.address, c.action])).toEqual([['orders-Child-XMPL/Db', 'delete']]);
  });

  it('judges a nested stack that is added or removed as any resource', () => {
    expect(analyze([document([nestedStack({ Action: 'Add' }), nestedStack({ Action: 'Remove', LogicalResourceId: 'Old' })])])[0].unjudged).toBeUndefined();
    expect(analyze([document([nestedStack({ Action: 'Dynamic' })])])[0].unjudged).toHaveLength(1);
  });
});

describe('pages', () => {
  it('joins the pages of one change set, each but the last with a NextToken', () => {
    const [analyzed, more] = analyze([
      document([change({ Action: 'Add' })], { NextToken: 'page-2' }),
      document([change({ LogicalResourceId: 'B', Action: 'Remove' })], { NextToken: 'page-3' }),
      document([change({ LogicalResourceId: 'C', Action: 'Remove' })]),
    ]);
    expect(more).toBeUndefined();
    expect(analyzed.changes.map((c) => c.address)).toEqual(['orders/Db', 'orders/B', 'orders/C']);
  });

  it('refuses a change set whose last page has a NextToken, and one passed twice', () => {
    expect(() => analyze([document([], { NextToken: 'page-2' })])).toThrow(/holds only part of the change set cs of stack orders \(NextToken is set/);
    expect(() => analyze([document([]), document([])])).toThrow(/holds the change set .* twice/);
  });
});

describe('refusals (InputError, one sentence naming the file)', () => {
  it.each([
    [
      /^cs\.json: the change set cs of stack orders is FAILED, not CREATE_COMPLETE \(StatusReason: "No updates are to be performed\."\)/,
      [document([], { Status: 'FAILED', StatusReason: 'No updates are to be performed.' })],
    ],
    [/is CREATE_IN_PROGRESS, not CREATE_COMPLETE, so it does not list every change/, [document([], { Status: 'CREATE_IN_PROGRESS' })]],
    [/gives orders\/Db the Action "Destroy", which blast-radius does not know/, [document([change({ Action: 'Destroy' })])]],
    [/the Replacement "Maybe", which blast-radius does not know/, [document([change({ Action: 'Modify', Replacement: 'Maybe' })])]],
    [/the PolicyAction "Archive", which blast-radius does not know/, [document([change({ Action: 'Remove', PolicyAction: 'Archive' })])]],
    [/the RequiresRecreation "Sometimes"/, [document([change({ Action: 'Modify', Details: [{ Target: { RequiresRecreation: 'Sometimes' } }] })])]],
    [/a change of Type "Hook", which blast-radius does not know/, [{ ...document([]), Changes: [{ Type: 'Hook', ResourceChange: {} }] }]],
    [/orders\/Db has no Action/, [document([change({})])]],
    [/is not the output of `aws cloudformation describe-change-set --output json`: it has no StackName/, [{ ...document([]), StackName: undefined }]],
    [/it has no Changes/, [{ ...document([]), Changes: undefined }]],
    [/it is not a JSON object/, [[]]],
  ])('%s', (message, documents) => {
    expect(() => readChangeSets(documents, 'cs.json')).toThrow(InputError);
    expect(() => readChangeSets(documents, 'cs.json')).toThrow(message);
  });

  it('redacts credentials in a StatusReason it quotes, and cuts a long one', () => {
    const reason = `Failed to connect: postgresql://admin:${SECRET}@db/x ${'x'.repeat(400)}`;
    expect(() => readChangeSets([document([], { Status: 'FAILED', StatusReason: reason })], 'cs.json')).toThrow(/admin:\*\*\*@db\/x x+…"\)/);
    expect(() => readChangeSets([document([], { Status: 'FAILED', StatusReason: reason })], 'cs.json')).not.toThrow(new RegExp(SECRET));
  });
});
