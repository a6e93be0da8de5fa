// Reads the objects passed with `--deleting FILE` (kubectl get -o json|yaml, multi-document YAML, `helm get manifest`,
// a GitOps tool's prune list) into one delete change per object, with its identity and safe facts.
import { InputError } from '../../errors.js';
import { parseJsonDocuments } from '../../inputs/json-documents.js';
import { loadYamlDocuments } from '../../yaml/yaml-documents.js';
import { isClusterScopedKind } from './cluster-scoped-kinds.js';
import type { KubeChange, KubeReading } from './kube-change.js';
import { isBody, objectFacts, type Body } from './object-facts.js';

/** The API server refuses request bodies over 3 MiB, so no object it stores holds a longer value. */
const MAX_SCALAR_CHARS = 3 * 1024 * 1024;

interface Document {
  number: number;
  value: unknown;
}

function parseDocuments(text: string, file: string): Document[] {
  if (/^\s*[[{]/.test(text)) return parseJsonDocuments(text, file, 'kubectl').map((value, index) => ({ number: index + 1, value }));
  return loadYamlDocuments(text, file);
}

function hasLongString(document: unknown): boolean {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.length > MAX_SCALAR_CHARS) return true;
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key.length > MAX_SCALAR_CHARS) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/** An object body and where it stands in the input, for error messages. */
interface Located {
  body: Body;
  where: string;
}

const kindOf = (body: Body): string | undefined => (typeof body.kind === 'string' && body.kind !== '' ? body.kind : undefined);

/** `List` (kubectl get), or a typed list (`PodList` from the API) whose `items` may lack apiVersion and kind. */
function isList(body: Body): boolean {
  const kind = kindOf(body);
  return kind === 'List' || (kind !== undefined && kind.endsWith('List') && Array.isArray(body.items));
}

function listItems(file: string, list: Body, where: string): Located[] {
  if (!Array.isArray(list.items)) throw new InputError(`${file}: ${where} is a List without an items list.`);
  const kind = kindOf(list) as string;
  // A typed list names its items' kind and version once: `PodList` in `v1` holds `v1` `Pod`s.
  const itemDefaults: Body = kind === 'List' ? {} : { apiVersion: list.apiVersion, kind: kind.slice(0, -'List'.length) };
  return list.items.flatMap((item: unknown, index): Located[] => {
    const at = `${where}, item ${index + 1}`;
    if (!isBody(item)) throw new InputError(`${file}: ${at} is not an object.`);
    return objectsIn(file, { ...itemDefaults, ...item }, at);
  });
}

function objectsIn(file: string, body: Body, where: string): Located[] {
  return isList(body) ? listItems(file, body, where) : [{ body, where }];
}

function documentObjects(file: string, document: Document): Located[] {
  const where = `document ${document.number}`;
  const { value } = document;
  if (value === null) return [];
  if (hasLongString(value)) throw new InputError(`${file}: ${where} holds a value longer than any Kubernetes object can (3 MiB): refused.`);
  // A bare array of objects (`jq .items`) reads like the items of a List.
  if (Array.isArray(value)) return listItems(file, { kind: 'List', items: value }, where);
  if (!isBody(value)) throw new InputError(`${file}: ${where} is ${typeof value === 'string' ? 'text' : `a ${typeof value}`}, not a Kubernetes object.`);
  return objectsIn(file, value, where);
}

function missingField(body: Body): string {
  if (typeof body.apiVersion !== 'string' || body.apiVersion === '') return 'apiVersion';
  if (kindOf(body) === undefined) return 'kind';
  return 'metadata.name';
}

/** Custom kinds the input's own CustomResourceDefinitions declare cluster-scoped (`spec.scope: Cluster`). */
function clusterScopedCustomKinds(objects: Located[]): Set<string> {
  const kinds = new Set<string>();
  for (const { body } of objects) {
    if (kindOf(body) !== 'CustomResourceDefinition' || !isBody(body.spec) || body.spec.scope !== 'Cluster') continue;
    const names = isBody(body.spec.names) ? body.spec.names : {};
    if (typeof body.spec.group === 'string' && typeof names.kind === 'string') kinds.add(`${body.spec.group}/${names.kind}`);
  }
  return kinds;
}

/**
 * The objects in the text, each as a delete. Objects from the API (`kubectl get`) always carry their namespace;
 * manifests (`helm get manifest`) often leave it to the install, so a namespaced object without one is marked
 * `namespaceKnown: false`. Damaged input, a document that is not an object, or an object without apiVersion, kind
 * or name is an InputError naming the file and the document (and item).
 */
export function readDeletedObjects(text: string, file: string): KubeReading {
  const documents = parseDocuments(text, file);
  const objects = documents.flatMap((document) => documentObjects(file, document));
  const sawList = documents.some((document) => Array.isArray(document.value) || (isBody(document.value) && isList(document.value)));
  if (objects.length === 0 && !sawList)
    throw new InputError(`${file} holds no Kubernetes objects: expected \`kubectl get … -o json|yaml\` output or manifests.`);
  const customClusterScoped = clusterScopedCustomKinds(objects);
  const changes = objects.map(({ body, where }): KubeChange => {
    const read = objectFacts(body);
    if (read === undefined) {
      const kind = kindOf(body);
      throw new InputError(`${file}: ${where}${kind === undefined ? '' : ` (${kind})`} has no ${missingField(body)}.`);
    }
    const { id, facts } = read;
    const clusterScoped = isClusterScopedKind(id.group, id.kind) || customClusterScoped.has(`${id.group}/${id.kind}`);
    return { id, action: 'delete', facts, evidence: 'object', namespaceKnown: id.namespace !== undefined || clusterScoped };
  });
  return { format: 'kubernetes-objects', changes, unjudged: [] };
}
