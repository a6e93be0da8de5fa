// Reads the helm-diff plugin's output (`helm diff upgrade …`, databus23/helm-diff): the default `diff` mode, whose
// entries are `NS, NAME, KIND (API) has been added: | has been removed: | has changed:` followed by the object's
// lines marked `+ `, `- ` or `  ` (diff/report.go, diff/diff.go, manifest/parse.go), and the `simple` and `json`
// modes, which name the objects only. helm-diff compares manifests without the server, so a changed immutable field
// shows as a diff here: such an object is reported as a replace with the field named.
import { InputError } from '../../errors.js';
import { duplicateKeyError } from '../../inputs/duplicate-keys.js';
import { firstDuplicateKey } from '../../inputs/json-documents.js';
import { hasImmutableFields, immutableFieldsChanged } from './immutable-fields.js';
import { DIFF_HEADER, DIFF_MESSAGES, SIMPLE_LINE, SIMPLE_MESSAGES, SIMPLE_PLAN } from './helm-diff-lines.js';
import { builtinKind } from './kind-names.js';
import type { KubeAction, KubeChange, KubeObjectFacts, KubeObjectId, KubeReading, UnjudgedObject } from './kube-change.js';
import { isBody, objectFacts, type Body } from './object-facts.js';
import { isNoiseLine, outputLines } from './tool-output-lines.js';
import { parseBodyYaml } from './yaml-body.js';

/** helm-diff's change types (diff/report.go) and what each does to the object. */
const CHANGE_TYPES: Record<string, KubeAction> = { ADD: 'create', REMOVE: 'delete', MODIFY: 'update', OWNERSHIP: 'update', MODIFY_SUPPRESSED: 'update' };
const SUPPRESSED_KIND = /^\+ Changes suppressed on sensitive content of type \w+$/;
/** A core API version where the key holds the group: `v1`. */
const CORE_VERSION = /^v\d+[a-z0-9]*$/;

interface Entry {
  key: { namespace: string; name: string; kind: string; api: string };
  changeType: string;
  oldLines: string[];
  newLines: string[];
  /** helm-diff left lines out (`...`, with --context): the bodies are incomplete. */
  partial: boolean;
  /** --suppress hid the body. */
  suppressed: boolean;
  /** 1-based line of the header. */
  line: number;
}

function objectId(key: Entry['key'], body: Body | undefined): { id: KubeObjectId; namespaceKnown: boolean } {
  const group = CORE_VERSION.test(key.api) ? '' : key.api;
  const builtin = builtinKind(group, key.kind);
  const read = body && objectFacts(body);
  const version = read?.id.version ?? (group === '' ? key.api : undefined);
  // helm-diff gives every object without a namespace the release's, cluster-scoped ones too.
  const clusterScoped = builtin?.namespaced === false;
  const namespace = clusterScoped || key.namespace === '' ? undefined : key.namespace;
  const id: KubeObjectId = {
    group,
    kind: builtin?.kind ?? key.kind,
    name: key.name,
    ...(version === undefined ? {} : { version }),
    ...(namespace === undefined ? {} : { namespace }),
  };
  const namespaceKnown = clusterScoped || builtin?.namespaced === true || read?.id.namespace !== undefined;
  return { id, namespaceKnown };
}

function describe(key: Entry['key']): string {
  return `${key.kind} ${key.namespace === '' ? '' : `${key.namespace}/`}${key.name}`;
}

/** The dotted paths where two bodies differ: leaves, or the highest key present on one side only. */
function changedPaths(before: unknown, after: unknown, path: string, into: string[]): string[] {
  if (isBody(before) && isBody(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      changedPaths(before[key], after[key], path === '' ? key : `${path}.${key}`, into);
  } else if (Array.isArray(before) && Array.isArray(after)) {
    for (let at = 0; at < Math.max(before.length, after.length); at++) changedPaths(before[at], after[at], `${path}[${at}]`, into);
  } else if (before !== after) {
    into.push(path);
  }
  return into;
}

/** The body of one side of an entry; it must be the object the entry's header names. */
function body(lines: string[], entry: Entry, file: string): Body {
  const parsed = parseBodyYaml(lines.join('\n'), file, entry.line + 1, describe(entry.key));
  const read = objectFacts(parsed);
  const group = CORE_VERSION.test(entry.key.api) ? '' : entry.key.api;
  if (!read || read.id.kind !== entry.key.kind || read.id.name !== entry.key.name || read.id.group !== group) {
    throw new InputError(`${file}: the body at line ${entry.line + 1} is not the ${describe(entry.key)} its helm-diff header names.`);
  }
  return parsed;
}

function facts(read: Body | undefined): KubeObjectFacts {
  return (read && objectFacts(read)?.facts) ?? {};
}

/** A changed object: a replace when an immutable field changed, else an update. */
function changedObject(entry: Entry, file: string, unjudged: UnjudgedObject[]): KubeChange {
  if (entry.partial) {
    const { id, namespaceKnown } = objectId(entry.key, undefined);
    unjudged.push({ id, message: `helm-diff printed only part of ${describe(entry.key)} (--context): whether an immutable field changed cannot be told` });
    return { id, action: 'update', facts: {}, evidence: 'name', namespaceKnown };
  }
  const before = body(entry.oldLines, entry, file);
  const after = body(entry.newLines, entry, file);
  const { id, namespaceKnown } = objectId(entry.key, after);
  const immutable = immutableFieldsChanged(id.group, id.kind, changedPaths(before, after, '', []), before.immutable === true);
  const change: KubeChange = { id, action: 'update', facts: facts(after), factsBefore: facts(before), evidence: 'object', namespaceKnown };
  if (immutable.length === 0) return change;
  const fields = immutable.map((field) => field.field);
  const why = immutable.map((field) => field.why).join('; ');
  return { ...change, action: 'replace', reason: `immutable field${fields.length > 1 ? 's' : ''} ${fields.join(', ')} changed: ${why}`, replacePaths: fields };
}

function entryChange(entry: Entry, file: string, unjudged: UnjudgedObject[]): KubeChange {
  const action = CHANGE_TYPES[entry.changeType];
  if (entry.changeType === 'MODIFY' && !entry.suppressed) return changedObject(entry, file, unjudged);
  const lines = action === 'create' ? entry.newLines : action === 'delete' ? entry.oldLines : undefined;
  const read = lines && !entry.suppressed ? body(lines, entry, file) : undefined;
  const { id, namespaceKnown } = objectId(entry.key, read);
  const reason =
    action === 'delete'
      ? { reason: 'it is no longer in the release (helm diff)' }
      : entry.changeType === 'OWNERSHIP'
        ? { reason: 'it moves into this release (helm diff: changed ownership)' }
        : {};
  return { id, action, ...reason, facts: facts(read), evidence: read ? 'object' : 'name', namespaceKnown };
}

/** Adds one body line of the default mode to `entry`; false when the line is not one. */
function addBodyLine(entry: Entry, line: string): boolean {
  if (line === '...') entry.partial = true;
  else if (SUPPRESSED_KIND.test(line)) entry.suppressed = true;
  else if (line === '+' || line.startsWith('+ ')) entry.newLines.push(line.slice(2));
  else if (line === '-' || line.startsWith('- ')) entry.oldLines.push(line.slice(2));
  else if (line === '' || line.startsWith('  ')) {
    entry.oldLines.push(line.slice(2));
    entry.newLines.push(line.slice(2));
  } else return false;
  return true;
}

function readDiffMode(lines: string[], file: string): KubeReading {
  const changes: KubeChange[] = [];
  const unjudged: UnjudgedObject[] = [];
  let entry: Entry | undefined;
  const finish = (): void => {
    if (entry) changes.push(entryChange(entry, file, unjudged));
  };
  lines.forEach((line, index) => {
    const header = DIFF_HEADER.exec(line);
    if (header) {
      finish();
      const [, namespace, name, kind, api, message] = header as unknown as [string, string, string, string, string, string];
      entry = {
        key: { namespace, name, kind, api },
        changeType: DIFF_MESSAGES[message],
        oldLines: [],
        newLines: [],
        partial: false,
        suppressed: false,
        line: index + 1,
      };
    } else if (entry ? !addBodyLine(entry, line) : !isNoiseLine(line)) {
      throw new InputError(`${file}: line ${index + 1} is not helm-diff output.`);
    }
  });
  finish();
  return { format: 'helm-diff', changes, unjudged };
}

/** In the modes that name objects only, a changed object of a kind with immutable fields cannot be judged fully. */
function nameOnlyChange(key: Entry['key'], changeType: string, unjudged: UnjudgedObject[]): KubeChange {
  const { id, namespaceKnown } = objectId(key, undefined);
  const action = CHANGE_TYPES[changeType];
  if (changeType === 'MODIFY' && hasImmutableFields(id.group, id.kind)) {
    unjudged.push({
      id,
      message: `helm-diff's output names ${describe(key)} as changed without the change: whether an immutable field changed cannot be told`,
    });
  }
  return { id, action, ...(action === 'delete' ? { reason: 'it is no longer in the release (helm diff)' } : {}), facts: {}, evidence: 'name', namespaceKnown };
}

function readSimpleMode(lines: string[], file: string): KubeReading {
  const changes: KubeChange[] = [];
  const unjudged: UnjudgedObject[] = [];
  const counted: Record<string, number> = { ADD: 0, MODIFY: 0, REMOVE: 0, OWNERSHIP: 0, MODIFY_SUPPRESSED: 0 };
  let plan: string | undefined;
  lines.forEach((line, index) => {
    const entry = SIMPLE_LINE.exec(line);
    if (entry && plan === undefined) {
      const [, namespace, name, kind, api, message] = entry as unknown as [string, string, string, string, string, string];
      const changeType = SIMPLE_MESSAGES[message];
      counted[changeType] = counted[changeType] + 1;
      changes.push(nameOnlyChange({ namespace, name, kind, api }, changeType, unjudged));
    } else if (SIMPLE_PLAN.test(line) && plan === undefined) {
      plan = line;
    } else if (!isNoiseLine(line)) {
      throw new InputError(`${file}: line ${index + 1} is not helm-diff --output simple output.`);
    }
  });
  // The Plan line counts every entry but those whose diff was suppressed entirely.
  if (plan !== `Plan: ${counted.ADD} to add, ${counted.MODIFY} to change, ${counted.REMOVE} to destroy, ${counted.OWNERSHIP} to change ownership.`) {
    throw new InputError(`${file}: its helm-diff Plan line is missing or does not count the objects listed: the output is truncated or damaged.`);
  }
  return { format: 'helm-diff', changes, unjudged };
}

function readJsonMode(text: string, file: string): KubeReading {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    throw new InputError(`${file} is not valid JSON: the helm-diff --output json output is truncated or damaged.`);
  }
  const duplicate = firstDuplicateKey(text);
  if (duplicate) throw duplicateKeyError(file, duplicate, 'helm-diff');
  const fields = ['api', 'kind', 'namespace', 'name', 'change'] as const;
  if (!Array.isArray(entries)) throw new InputError(`${file}: helm-diff --output json prints a list of changes; this is not one.`);
  const unjudged: UnjudgedObject[] = [];
  const changes = entries.map((entry, at) => {
    if (
      !isBody(entry) ||
      fields.some((field) => typeof entry[field] !== 'string') ||
      !((entry.change as string) in CHANGE_TYPES) ||
      entry.name === '' ||
      entry.kind === ''
    ) {
      throw new InputError(`${file}: entry ${at + 1} is not a helm-diff change (api, kind, namespace, name, change).`);
    }
    const key = { namespace: entry.namespace as string, name: entry.name as string, kind: entry.kind as string, api: entry.api as string };
    return nameOnlyChange(key, entry.change as string, unjudged);
  });
  return { format: 'helm-diff', changes, unjudged };
}

/**
 * Every object helm-diff output changes. Supports `--output diff` (the default), `simple` and `json`; `template`
 * output is read when it keeps the default template (the same as `json`). Pure: no I/O.
 */
export function readHelmDiff(text: string, file: string): KubeReading {
  const lines = outputLines(text);
  const first = lines.find((line) => !isNoiseLine(line)) ?? '';
  if (first.startsWith('[')) return readJsonMode(lines.filter((line) => !isNoiseLine(line)).join('\n'), file);
  if (SIMPLE_LINE.test(first) || SIMPLE_PLAN.test(first)) return readSimpleMode(lines, file);
  return readDiffMode(lines, file);
}
