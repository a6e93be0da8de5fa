// A change set as blast-radius keeps it from `aws cloudformation describe-change-set` output: the facts the analysis
// needs, each checked against the values the CloudFormation API documents (botocore's service model), nothing else.

/** ResourceChange.Action: what CloudFormation does to the resource. */
export const CHANGE_ACTIONS = ['Add', 'Modify', 'Remove', 'Import', 'Dynamic', 'SyncWithActual'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** ResourceChange.Replacement: for Modify, whether CloudFormation creates a new resource and deletes the old one. */
export const REPLACEMENTS = ['True', 'False', 'Conditional'] as const;
export type Replacement = (typeof REPLACEMENTS)[number];

/** ResourceChange.PolicyAction: what the DeletionPolicy or UpdateReplacePolicy does to the physical resource. */
export const POLICY_ACTIONS = ['Delete', 'Retain', 'Snapshot', 'ReplaceAndDelete', 'ReplaceAndRetain', 'ReplaceAndSnapshot'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/** ResourceTargetDefinition.RequiresRecreation: whether changing the property recreates the resource. */
export const RECREATIONS = ['Never', 'Conditionally', 'Always'] as const;
export type Recreation = (typeof RECREATIONS)[number];

/** One Details[].Target: which attribute or property changes, and whether that recreates the resource. */
export interface ChangeTarget {
  /** `Properties`, `Tags`, `Metadata` … */
  attribute?: string;
  /** The property's name, when the attribute is `Properties`. */
  name?: string;
  requiresRecreation?: Recreation;
}

/** One Changes[].ResourceChange. */
export interface CfnResourceChange {
  action: ChangeAction;
  logicalResourceId: string;
  physicalResourceId?: string;
  resourceType: string;
  replacement?: Replacement;
  policyAction?: PolicyAction;
  targets: ChangeTarget[];
  /** For a nested stack (`AWS::CloudFormation::Stack`): the ARN of its own change set (IncludeNestedStacks). */
  changeSetId?: string;
  /** JSON text of the resource before and after (`--include-property-values`); only tags and names are read from it. */
  beforeContext?: string;
  afterContext?: string;
}

export interface StackTag {
  key: string;
  value: string;
}

export interface StackParameter {
  key: string;
  /** Absent for UsePreviousValue; `****` for a NoEcho parameter. */
  value?: string;
}

/** One change set, its pages (NextToken) joined. */
export interface ChangeSet {
  changeSetId: string;
  changeSetName?: string;
  stackId?: string;
  stackName: string;
  tags: StackTag[];
  parameters: StackParameter[];
  changes: CfnResourceChange[];
}
