// Recognizes the errors kubectl prints (to stderr, read here when piped with 2>&1): an immutable-field rejection
// becomes a replace with the field named, any other error an object that could not be judged. Values quoted in an
// error (`Invalid value: …`, the patch and object kubectl apply prints) are never carried.
import { builtinKindsNamed } from './kind-names.js';
import type { KubeChange, KubeObjectId, UnjudgedObject } from './kube-change.js';

/** One error, and how many input lines it took. */
export interface KubectlError {
  lines: number;
  /** Set for an immutable-field rejection of a builtin object: the apply would have to delete and recreate it. */
  change?: KubeChange;
  /** Set for every other error. */
  unjudged?: UnjudgedObject;
}

/** A field error as the API server words it (apimachinery field.ErrorType): `spec.selector: Invalid value: …`. */
const CAUSE =
  /^(\S+): (Invalid value|Unsupported value|Duplicate value|Required value|Forbidden|Not found|Too long|Too many|Too short|Internal error|Invalid type)(?:: (.*))?$/;
/**
 * Cause types whose text quotes the value before the explanation: all but Required value, Forbidden, Too long and
 * Internal error (apimachinery field.Error.ErrorBody).
 */
const VALUE_TYPES = ['Invalid value', 'Unsupported value', 'Duplicate value', 'Not found', 'Too many', 'Too short', 'Invalid type'];
const QUOTES_VALUE = new Set(VALUE_TYPES);
const QUOTED_VALUE_START = new RegExp(`(${VALUE_TYPES.join('|')}): `, 'g');
/** `, spec.x: Invalid value…`: the next cause of an aggregated message, which ends a value quoted without detail. */
const NEXT_CAUSE =
  /, \S+: (?:Invalid value|Unsupported value|Duplicate value|Required value|Forbidden|Not found|Too long|Too many|Too short|Internal error|Invalid type)\b/y;
/** Explanations the API server gives when an update changes a field that cannot change. */
const IMMUTABLE =
  /immutable|may not change once set|may not be changed|updates to .+ for fields other than .+ are forbidden|pod updates may not change fields other than/i;

/** kubectl's own message for an invalid object: `The Deployment "web" is invalid: spec.selector: …` (cmd/util/helpers.go). */
const THE_KIND_IS_INVALID = /^The (\w+) "([^"]*)" is invalid(?:: ?(.*))?$/;
/** An API status error: `Error from server (NotFound): deployments.apps "web" not found`. */
const ERROR_FROM_SERVER = /^Error from server(?: \((\w+)\))?: (.*)$/;
/** Any other kubectl error: `error: unable to recognize "k8s/x.yaml": …`. */
const PLAIN_ERROR = /^error: (.+)$/;
/** The server's message for an invalid object, inside a longer message: `Deployment.apps "web" is invalid: …`. */
const KIND_IS_INVALID = /\b([A-Z]\w*)(?:\.([a-z0-9.-]+))? "([^"]+)" is invalid(?:: (.*))?$/;
/** The object an error names: `deployments.apps "web" not found`, `namespaces "x" is forbidden`. */
const NAMED_OBJECT = /\b([A-Za-z]\w*)(?:\.([a-z0-9.-]+))? "([^"]+)" (?:is invalid|not found|is forbidden|already exists)/;
/** kubectl apply's failed patch: `Error from server (Invalid): error when applying patch:` … `for: "file": …`. */
const APPLYING_PATCH = /error when applying patch:$/;
const PATCH_TARGET = /^Name: "([^"]*)", Namespace: "([^"]*)"$/;
/** Lines that continue the error above them: the object diff after a Forbidden pod update, kubectl's CRD hint. */
const CONTINUATION = /^(?:[ \t]|[-+][ \t]|ensure CRDs are installed first$)/;
/** Longest message kept for an object that could not be judged. */
const MAX_MESSAGE = 400;

interface Cause {
  field: string;
  type: string;
  /** The cause without any value it quoted. */
  text: string;
  immutable: boolean;
}

/** The index after a quoted string that starts at `open`, escapes honoured; the end of the text if it never closes. */
function afterQuoted(text: string, open: number): number {
  for (let at = open + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at + 1;
  }
  return text.length;
}

/**
 * Where a value a cause quotes (Go's %q, %v or %#v) that starts at `start` ends: at the `: ` before its explanation,
 * the `, ` before the next cause or the `]` closing the list, outside quoted strings and brackets; else at the end.
 */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const c = text[at];
    if (c === '"') {
      at = afterQuoted(text, at) - 1;
    } else if ('{[('.includes(c)) {
      depth++;
    } else if ('}])'.includes(c)) {
      if (depth === 0) return at;
      depth--;
    } else if (depth === 0 && c === ':' && text[at + 1] === ' ') {
      return at;
    } else if (depth === 0 && c === ',') {
      NEXT_CAUSE.lastIndex = at;
      if (NEXT_CAUSE.test(text)) return at;
    }
  }
  return text.length;
}

/** `Invalid value: v1.LabelSelector{…}: field is immutable` → the explanation after the value. */
function withoutValue(type: string, rest: string | undefined): string {
  if (rest === undefined) return '';
  if (!QUOTES_VALUE.has(type)) return rest;
  const end = valueEnd(rest, 0);
  return rest.startsWith(': ', end) ? rest.slice(end + 2) : '';
}

function readCause(text: string): Cause | undefined {
  const match = CAUSE.exec(text.trim());
  if (!match) return undefined;
  const [, field, type, rest] = match as unknown as [string, string, string, string | undefined];
  const explanation = withoutValue(type, rest);
  const shown = QUOTES_VALUE.has(type) ? `${type} (value not shown)` : type;
  return { field, type, text: `${field}: ${shown}${explanation === '' ? '' : `: ${explanation}`}`, immutable: IMMUTABLE.test(explanation) };
}

/** The causes of an aggregated message: `[a: Invalid value: …, b: Required value]` or a single one. */
function readCauses(message: string): Cause[] {
  const inner = message.startsWith('[') && message.endsWith(']') ? message.slice(1, -1) : message;
  const parts = inner.split(
    /, (?=\S+: (?:Invalid value|Unsupported value|Duplicate value|Required value|Forbidden|Not found|Too long|Too many|Too short|Internal error|Invalid type)\b)/,
  );
  return parts.flatMap((part) => readCause(part) ?? []);
}

/** The message without quoted values, on one line, bounded. */
function safeMessage(message: string): string {
  let redacted = '';
  let from = 0;
  QUOTED_VALUE_START.lastIndex = 0;
  for (let match = QUOTED_VALUE_START.exec(message); match; match = QUOTED_VALUE_START.exec(message)) {
    const end = valueEnd(message, QUOTED_VALUE_START.lastIndex);
    redacted += `${message.slice(from, match.index)}${match[1]} (value not shown)`;
    from = end;
    QUOTED_VALUE_START.lastIndex = end;
  }
  redacted += message.slice(from);
  return redacted.length > MAX_MESSAGE ? `${redacted.slice(0, MAX_MESSAGE)}…` : redacted;
}

/** The object an error names, as far as it names it. */
function namedObject(message: string): Partial<KubeObjectId> | undefined {
  const match = NAMED_OBJECT.exec(message);
  if (!match) return undefined;
  const [, kindOrResource, group, name] = match as unknown as [string, string, string | undefined, string];
  // `Deployment.apps "web"` names a Kind; `deployments.apps "web"` (not found, forbidden) a resource: keep its name only.
  return /^[A-Z]/.test(kindOrResource) ? { kind: kindOrResource, group: group ?? '', name } : { name, ...(group === undefined ? {} : { group }) };
}

/**
 * The immutable-field rejection of `kind`/`name` as a replace, when the kind is builtin (a custom kind's group is
 * not printed, so it is left unjudged); undefined when no cause is an immutable field.
 */
function immutableChange(kind: string, group: string | undefined, name: string, namespace: string | undefined, causes: Cause[]): KubeChange | undefined {
  const fields = [...new Set(causes.filter((cause) => cause.immutable).map((cause) => cause.field))];
  if (fields.length === 0) return undefined;
  const candidates = builtinKindsNamed(kind).filter((builtin) => group === undefined || builtin.group === group);
  if (candidates.length !== 1) return undefined;
  const [builtin] = candidates as [(typeof candidates)[number]];
  const clusterScoped = builtin.namespaced === false;
  const id: KubeObjectId = { group: builtin.group, kind: builtin.kind, name, ...(namespace === undefined || clusterScoped ? {} : { namespace }) };
  return {
    id,
    action: 'replace',
    reason: `immutable field${fields.length > 1 ? 's' : ''} ${fields.join(', ')} changed: the server refused the update (${causes
      .filter((c) => c.immutable)
      .map((c) => c.text)
      .join('; ')})`,
    replacePaths: fields,
    facts: {},
    evidence: 'name',
    namespaceKnown: namespace !== undefined || clusterScoped,
  };
}

/** A change or an unjudged object for an invalid-object error. */
function invalidObject(
  kind: string,
  group: string | undefined,
  name: string,
  namespace: string | undefined,
  causes: Cause[],
  message: string,
  lines: number,
): KubectlError {
  const change = immutableChange(kind, group, name, namespace, causes);
  if (change) return { lines, change };
  const id: Partial<KubeObjectId> = { kind, name, ...(group === undefined ? {} : { group }), ...(namespace === undefined ? {} : { namespace }) };
  return { lines, unjudged: { id, message } };
}

/** Lines after `start` that continue the error (see CONTINUATION). */
function continuationLines(lines: string[], start: number): number {
  let count = 0;
  while (start + count < lines.length && CONTINUATION.test(lines[start + count])) count++;
  return count;
}

/** `The Deployment "web" is invalid: …`, its causes on the same line or on the `* …` lines after it. */
function readTheKindIsInvalid(lines: string[], index: number, match: RegExpExecArray): KubectlError {
  const [, kind, name, rest] = match as unknown as [string, string, string, string | undefined];
  let used = 1;
  const causeTexts: string[] = [];
  if (rest !== undefined && rest.trim() !== '') {
    causeTexts.push(rest);
  } else {
    while (index + used < lines.length && lines[index + used].startsWith('* ')) causeTexts.push(lines[index + used++].slice(2));
  }
  const causes = causeTexts.flatMap((text) => readCause(text) ?? []);
  used += continuationLines(lines, index + used);
  const message = `The ${kind} "${name}" is invalid${causes.length > 0 ? `: ${causes.map((c) => c.text).join('; ')}` : ''}`;
  return invalidObject(kind, undefined, name, undefined, causes, safeMessage(message), used);
}

/** `Error from server (Invalid): error when applying patch:` … `for: "file": …`: the patch and object are skipped. */
function readApplyingPatch(lines: string[], index: number): KubectlError | undefined {
  let namespace: string | undefined;
  for (let end = index + 1; end < lines.length; end++) {
    const line = lines[end];
    const target = PATCH_TARGET.exec(line);
    if (target) namespace = target[2] === '' ? undefined : target[2];
    if (!line.startsWith('for: ')) continue;
    const used = end - index + 1 + continuationLines(lines, end + 1);
    const invalid = KIND_IS_INVALID.exec(line);
    if (invalid) {
      const [, kind, group, name, causesText] = invalid as unknown as [string, string, string | undefined, string, string | undefined];
      const causes = causesText === undefined ? [] : readCauses(causesText);
      const message = `${kind}${group === undefined ? '' : `.${group}`} "${name}" is invalid${causes.length > 0 ? `: ${causes.map((c) => c.text).join('; ')}` : ''}`;
      return invalidObject(kind, group ?? '', name, namespace, causes, safeMessage(message), used);
    }
    return { lines: used, unjudged: { message: safeMessage(line.slice('for: '.length)), ...(namedObject(line) ? { id: namedObject(line) } : {}) } };
  }
  return undefined;
}

/**
 * Reads the kubectl error that starts at `lines[index]`; undefined when that line starts none. An error whose
 * continuation never ends (an apply patch without its `for:` line) is not recognized, so the caller refuses it.
 */
export function readKubectlError(lines: string[], index: number): KubectlError | undefined {
  const line = lines[index];
  const theKind = THE_KIND_IS_INVALID.exec(line);
  if (theKind) return readTheKindIsInvalid(lines, index, theKind);
  const fromServer = ERROR_FROM_SERVER.exec(line);
  if (fromServer) {
    const message = fromServer[2];
    if (APPLYING_PATCH.test(message)) return readApplyingPatch(lines, index);
    const used = 1 + continuationLines(lines, index + 1);
    const invalid = KIND_IS_INVALID.exec(message);
    if (invalid) {
      const [, kind, group, name, causesText] = invalid as unknown as [string, string, string | undefined, string, string | undefined];
      return invalidObject(kind, group ?? '', name, undefined, causesText === undefined ? [] : readCauses(causesText), safeMessage(line), used);
    }
    const id = namedObject(message);
    return { lines: used, unjudged: { message: safeMessage(line), ...(id ? { id } : {}) } };
  }
  const plain = PLAIN_ERROR.exec(line);
  if (plain) {
    const id = namedObject(plain[1]);
    return { lines: 1 + continuationLines(lines, index + 1), unjudged: { message: safeMessage(line), ...(id ? { id } : {}) } };
  }
  return undefined;
}
