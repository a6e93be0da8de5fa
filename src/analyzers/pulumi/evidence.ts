// Reads the evidence of one Pulumi resource state (tags, labels, name-like inputs, cloud accounts) without any value
// Pulumi marks secret: `[secret]` in today's output, a signature object (whose plaintext may be the value) in older ones.
import type { AccountId, Label, NameHint } from '../../model.js';
import { collectAccounts } from '../terraform/accounts.js';
import { collectIdentity } from '../terraform/identity.js';
import { collectLabels } from '../terraform/labels.js';
import { NAME_FIELDS } from '../terraform/name-hints.js';
import type { ValueSide } from '../terraform/kept-attributes.js';
import type { JsonValue } from '../terraform/plan-types.js';

/** The key Pulumi marks a secret (and an asset or archive) with: `sig.Secret` in sdk/go/common/resource/sig. */
export const SECRET_SIGNATURE_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIGNATURE = '1b47061264138c4ac30d75fd1eb44270';
/** What `pulumi preview --json` writes in place of a secret (pkg/backend/display/json.go massagePropertyValue). */
const SECRET_PLACEHOLDER = '[secret]';
/** Deep enough for `metadata.labels`, `settings.userLabels`; the trees are walked once per step. */
const MAX_DEPTH = 8;

/** Terraform's name attributes in Pulumi's spelling: `db_name` is `dbName`. */
const PULUMI_NAME_FIELDS = NAME_FIELDS.map((field) => pulumiSpelling(field));

/** What a Pulumi state carries for a value known only after apply (`UnknownStringValue`, sdk/go/common/resource/plugin/rpc.go). */
const UNKNOWN_VALUE = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/**
 * A state's properties as one side of a change for the kept attributes (src/analyzers/terraform/kept-attributes.ts):
 * its outputs over its inputs, with `[secret]` and signature objects read as sensitive and the unknown marker as unknown.
 * A new state in a preview has inputs only, which hold the defaults the provider filled in (`__defaults`) but leave out
 * what it computes, so a property missing there is not said rather than not set.
 */
export function stateSide(state: Record<string, unknown> | undefined): ValueSide | undefined {
  if (state === undefined) return undefined;
  const inputs = isObject(state.inputs) ? state.inputs : {};
  const outputs = isObject(state.outputs) ? state.outputs : undefined;
  return {
    values: { ...inputs, ...outputs } as JsonValue,
    omitsComputed: outputs === undefined,
    isSecret: (value) => value === SECRET_PLACEHOLDER || (isObject(value) && Object.hasOwn(value, SECRET_SIGNATURE_KEY)),
    isUnknown: (value) => value === UNKNOWN_VALUE,
  };
}

/** A Terraform attribute name in Pulumi's spelling: `skip_final_snapshot` is `skipFinalSnapshot`. */
export function pulumiSpelling(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

export interface StateEvidence {
  labels: Label[];
  nameHints: NameHint[];
  accounts: AccountId[];
  /** The object's id and its ARN, self link and region among the outputs (`id=…`, `arn=…`), as the fingerprint reads them. */
  identity: string[];
  /** Every string a secret held (the plaintext of old signature objects), so that no copy elsewhere is carried. */
  secrets: Set<string>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function collectLeaves(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    out.add(value);
    // Old previews serialize a secret's plaintext as JSON text: its strings are secrets too.
    try {
      collectLeaves(JSON.parse(value), out);
    } catch {
      // Not JSON text: the string itself is the secret.
    }
  } else if (typeof value === 'number') out.add(String(value));
  else if (Array.isArray(value)) for (const item of value) collectLeaves(item, out);
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) if (key !== SECRET_SIGNATURE_KEY) collectLeaves(item, out);
}

/** A copy of the tree with every secret left out (and its plaintext gathered), as plain JSON the Terraform readers take. */
function withoutSecrets(value: unknown, depth: number, secrets: Set<string>): JsonValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (typeof value === 'string') return value === SECRET_PLACEHOLDER ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, depth + 1, secrets) ?? null);
  if (!isObject(value)) return undefined;
  if (Object.hasOwn(value, SECRET_SIGNATURE_KEY)) {
    if (value[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE) collectLeaves(value, secrets);
    return undefined;
  }
  const copy: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) {
    const kept = withoutSecrets(item, depth + 1, secrets);
    if (kept !== undefined) copy[key] = kept;
  }
  return copy;
}

function nameHints(properties: JsonValue | undefined): NameHint[] {
  if (!isObject(properties)) return [];
  const hints: NameHint[] = [];
  const add = (field: string, value: unknown): void => {
    if (typeof value === 'string' && value !== '') hints.push({ field, value });
  };
  for (const field of PULUMI_NAME_FIELDS) add(field, properties[field]);
  const metadata = properties.metadata;
  if (isObject(metadata)) for (const field of ['name', 'namespace']) add(`metadata.${field}`, metadata[field]);
  return hints;
}

/** The evidence in a state's `inputs` and `outputs` (absent members give none). */
export function stateEvidence(state: Record<string, unknown> | undefined, secrets = new Set<string>()): StateEvidence {
  const evidence: StateEvidence = { labels: [], nameHints: [], accounts: [], identity: [], secrets };
  if (state === undefined) return evidence;
  const outputs = withoutSecrets(state.outputs, 0, secrets);
  const output = (key: string): unknown => (isObject(outputs) ? outputs[key] : undefined);
  evidence.identity = collectIdentity({ id: state.id, arn: output('arn'), self_link: output('selfLink'), region: output('region') } as JsonValue, undefined);
  for (const member of ['inputs', 'outputs']) {
    const properties = withoutSecrets(state[member], 0, secrets);
    evidence.labels.push(...collectLabels(properties, undefined));
    evidence.nameHints.push(...nameHints(properties));
    evidence.accounts.push(...collectAccounts(properties, undefined));
  }
  return evidence;
}
