// The normalized model every analyzer produces and every policy rule and reporter consumes.

/** What a change does to one resource, normalized across Terraform and Kubernetes. */
export type Action = 'create' | 'update' | 'delete' | 'replace' | 'forget' | 'move' | 'import' | 'read' | 'no-op';

/** Actions that destroy a live object: the only ones the protection rules look at. */
export const DESTRUCTIVE_ACTIONS: ReadonlySet<Action> = new Set<Action>(['delete', 'replace']);

/** Actions that change nothing: counted in the summary, left out of the report's resources. */
export const QUIET_ACTIONS: ReadonlySet<Action> = new Set<Action>(['no-op', 'read']);

/** The kind of tool whose change an input describes: it decides the report's words and which evidence is read. */
export type Platform = 'terraform' | 'kubernetes' | 'pulumi' | 'cloudformation';

/** The name reports give standard input, which is named `-` on the command line. */
export const STDIN = '-';

/** The name reports use for an input: the path as given, or `<stdin>`. */
export function displayName(path: string): string {
  return path === STDIN ? '<stdin>' : path;
}

/** A key/value label (a Terraform tag or label, a Kubernetes label) whose value is not sensitive. */
export interface Label {
  key: string;
  value: string;
  /** Where it was read: `tags`, `tags_all`, `settings[0].user_labels`, `metadata[0].labels` … */
  field: string;
}

/** A name-like attribute value (not sensitive) that may reveal the environment: `identifier = "orders-prod"`. */
export interface NameHint {
  field: string;
  value: string;
}

/** A cloud account a resource belongs to: an AWS account id, an Azure subscription id, a Google Cloud project. */
export interface AccountId {
  provider: 'aws' | 'azure' | 'gcp';
  id: string;
  /** The attribute it was found in. */
  field: string;
}

/**
 * A value an attribute the recoverability and protection tables name (src/catalog/) had: a boolean, a number, one of
 * the enum values the table lists, or for a `presence` attribute whether it is set. `null`: the input says it is not
 * set, so the provider's documented default applies. `{ unknown }`: the input does not say (a value Terraform knows only
 * after apply, one marked sensitive, or an enum value the table does not list).
 */
export type KeptValue = boolean | number | string | null | { unknown: 'until-apply' | 'sensitive' | 'unlisted' };

/** One attribute the tables name, before and after the change; a side the input does not carry is absent. */
export interface KeptAttribute {
  before?: KeptValue;
  after?: KeptValue;
}

/** One resource touched by a change, with only the facts the tool needs: no attribute values wholesale. */
export interface ResourceChange {
  source: Platform;
  /** Index of the input this change came from (Report.inputs). */
  input: number;
  /** Stable id a user can paste back: `module.a.aws_db_instance.main["x"]`. */
  address: string;
  /** Set when the resource was moved: its address before the move. */
  previousAddress?: string;
  /** Provider resource type (`aws_db_instance`) or Kubernetes kind. */
  type: string;
  /** The resource's own name in its block (`main`). */
  name: string;
  /** count index or for_each key, when the resource has one. */
  index?: string | number;
  /** Module names from the root down: `module.a.module.b` → ['a', 'b']. */
  modulePath: string[];
  action: Action;
  /** For replace: which comes first. Terraform's default is delete-first; create_before_destroy is create-first. */
  replaceOrder?: 'delete-first' | 'create-first';
  /** Why the tool decided this action, in the input's own words (Terraform action_reason …). */
  reason?: string;
  /** Attributes whose change forces the replacement (Terraform replace_paths), as dotted paths. */
  replacePaths?: string[];
  /** Set when the change concerns a deposed object (a leftover of create_before_destroy). */
  deposed?: string;
  /** Set when the resource is being imported. */
  importing?: boolean;
  labels: Label[];
  nameHints: NameHint[];
  /** Cloud accounts found in its attributes (never in sensitive ones). */
  accounts: AccountId[];
  /** The Kubernetes namespace, for Kubernetes objects. */
  namespace?: string;
  /**
   * Set when the input named the object with less evidence than a full plan or body gives (a text-only Kubernetes
   * output): what the environment decision could not see, in words a person reads.
   */
  evidenceNote?: string;
  /**
   * What identifies the live object beyond its address, before the change: `id=…`, `arn=…`, `self_link=…`, `region=…`
   * (never a sensitive value). The same address in another account, region or project has another identity.
   */
  identity?: string[];
  /** Set when an annotation tells the deleting tool to leave the object in place (`helm.sh/resource-policy: keep`). */
  keptBy?: string;
  /**
   * The attributes the recoverability and protection tables name for its type (src/catalog/kept-attributes.ts), by their
   * path in the table (`skip_final_snapshot`, `settings.backup_configuration.enabled`): only these values are kept.
   */
  keptAttributes?: Record<string, KeptAttribute>;
  /**
   * Set when the deleting tool itself keeps the object or a copy of its data, whatever the resource's own settings
   * (CloudFormation's DeletionPolicy Snapshot, UpdateReplacePolicy Retain, Pulumi's retainOnDelete on a replace).
   */
  deletionKeeps?: Recoverability & { outcome: 'retained' | 'recoverable' };
}

/** A resource that changed outside the tool that manages it (Terraform resource_drift). */
export interface Drift {
  input: number;
  address: string;
  type: string;
  action: Action;
}

/** A root variable of the plan (its value is omitted when the configuration marks it sensitive). */
export interface RootVariable {
  name: string;
  value?: string;
  sensitive: boolean;
}

/** Everything an analyzer learned from one input. */
export interface AnalyzedInput {
  file: string;
  /** What the input is, as reports name it: `terraform-plan`, `kubectl-diff` … */
  format: string;
  platform: Platform;
  formatVersion?: string;
  toolVersion?: string;
  /** The resource changes kept: all of them, or (check) all but the quiet ones no drift entry names. */
  changes: ResourceChange[];
  /** Every resource change of the input, kept or not, counted by action in the order actions first appear. */
  actionCounts: Partial<Record<Action, number>>;
  drift: Drift[];
  variables: RootVariable[];
  /** Output changes, by action only: their values are never carried. */
  outputActions: Action[];
  /**
   * Address → the addresses that go down with it directly: Terraform configuration dependents, or Kubernetes
   * cascades (a namespace's objects, a CRD's custom resources, owned objects, a claim's volume).
   */
  dependents: ReadonlyMap<string, ReadonlySet<string>>;
  /** Objects the input mentions but could not be judged from it (kubectl printed an error instead of a diff). */
  unjudged?: string[];
  /** Set on a Terraform plan made against a state that held no managed resource (a first apply, or a lost state). */
  emptyPriorState?: true;
}

/** One change with the environment it was found to belong to. */
export interface ClassifiedChange {
  change: ResourceChange;
  environment: EnvironmentTag;
}

/** The address plan-wide findings carry. */
export const WHOLE_PLAN = '(whole plan)';

/** Which environment a resource belongs to, and why. */
export interface EnvironmentTag {
  name: string;
  protected: boolean;
  /** The classifier rule that decided (`tag-value`, `name-token`, `root-variable`, `no-evidence`). */
  rule: string;
  /** The field and value that said so: `tags.Environment = "production"`. */
  evidence?: string;
  /** One sentence a person reads: `tag Environment = "production" on aws_db_instance.main`. */
  reason: string;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * Whether the data of a deleted or replaced resource comes back: `lost` nothing of it remains; `recoverable` a final
 * snapshot, retained backups, a soft-delete or deletion window, or a retained volume brings it back; `retained` the
 * resource or its data stays where it is; `unknown` the input does not say.
 */
export type RecoverabilityOutcome = 'lost' | 'recoverable' | 'retained' | 'unknown';

export interface Recoverability {
  outcome: RecoverabilityOutcome;
  /** What decides it, in plain words: `skip_final_snapshot = true and automated backups are deleted with the instance`. */
  why: string;
}

export interface Finding {
  ruleId: string;
  /** Which of the rule's messages `message` is (its key in the rule's `messages`): stable, for tools that sort findings. */
  messageId: string;
  severity: Severity;
  file: string;
  address: string;
  action: Action;
  environment: string;
  message: string;
  /**
   * Set when a configured exception, or a person's approval of the plan's fingerprint, waives the finding: it is
   * reported but no longer blocks. `fingerprint` is set for an approval only.
   */
  waived?: { reason: string; by: string; expires: string; fingerprint?: string };
  /** What destroying the resource's type does, when the catalog knows the type (src/catalog). */
  impact?: 'data-loss' | 'outage';
  /** For a delete, replace or forget: whether its data comes back (src/catalog/recoverability.ts). */
  recoverability?: Recoverability;
  /** For a delete or replace: the resources that depend on it, directly or through others (from the configuration). */
  dependents?: {
    count: number;
    /** Each path as one line, ` → ` between addresses (dependent first): for people. */
    paths: string[];
    /** The same paths as arrays of addresses, dependent first, the destroyed resource last: for programs. */
    chains: string[][];
  };
}

/** A finding blocks when it is an error that no exception or approval waived. */
export function blocks(finding: Finding): boolean {
  return finding.severity === 'error' && finding.waived === undefined;
}

/** A configured exception, with the addresses it waived in this run (none: it was not used). */
export interface ReportException {
  address: string;
  rules: string[];
  reason: string;
  by: string;
  expires: string;
  waived: string[];
}

export interface ReportResource {
  file: string;
  address: string;
  previousAddress?: string;
  type: string;
  action: Action;
  reason?: string;
  environment: EnvironmentTag;
}

export interface ReportInput {
  file: string;
  format: string;
  platform: Platform;
  formatVersion?: string;
  toolVersion?: string;
}

export interface RuleMeta {
  description: string;
  severity: Severity;
  url: string;
}

export interface Summary {
  /** Errors that block: waived ones are counted in `waived` instead. */
  errors: number;
  waived: number;
  warnings: number;
  infos: number;
  /** Resource changes seen, no-ops and reads included. */
  changes: number;
  byAction: Partial<Record<Action, number>>;
  byEnvironment: Record<string, number>;
  /** The resources of `resources`, by environment and then action. */
  byEnvironmentAndAction: Record<string, Partial<Record<Action, number>>>;
  /** Findings (not information) that destroy a resource type the catalog says holds data. */
  dataLoss: number;
  /** The destroyed resource with the most dependents, when any has dependents. */
  largestFanOut?: { address: string; dependents: number };
  /** Output value changes by action (values never carried). */
  outputsByAction: Partial<Record<Action, number>>;
}

/** The approval found in the approvals store for a report's fingerprint (src/approvals). */
export interface ReportApproval {
  fingerprint: string;
  /** `honoured`: it waived the blocking findings; `expired`: it was found but is no longer valid, so it waived nothing. */
  status: 'honoured' | 'expired';
  /** Who approved: the OS user, and git user.email when there is one (`jane (jane@example.com)`). */
  by: string;
  reason: string;
  /** ISO 8601 times. */
  approvedAt: string;
  expires: string;
}

/** The one thing reporters see: plain, serializable data. */
export interface Report {
  schemaVersion: 1;
  tool: { name: 'blast-radius'; version: string };
  verdict: 'pass' | 'block';
  inputs: ReportInput[];
  findings: Finding[];
  resources: ReportResource[];
  summary: Summary;
  /** Metadata of every rule the findings cite. */
  rules: Record<string, RuleMeta>;
  /** The configuration file used, if any. */
  config?: string;
  /** Every exception of the configuration, with what it waived. */
  exceptions: ReportException[];
  /**
   * Set when findings block (or blocked until an approval waived them): a hash of the blocking destructive changes,
   * the same for the same changes whatever the file names; any change to what would be destroyed changes it.
   */
  fingerprint?: string;
  /** With `fingerprint`: the command a person runs in a terminal to approve exactly these changes. */
  approveCommand?: string;
  /** The approval stored for `fingerprint`, when there is one. */
  approval?: ReportApproval;
}
