// Builds who-depends-on-whom from a plan's `configuration`: expression `references`, `depends_on`, module calls'
// inputs (every resource of a module depends on what its call references) and module outputs (referencing
// `module.m.x` depends on every resource of module m). Addresses are configuration addresses, without instance keys.

type Json = Record<string, unknown>;

/** Configuration address → the configuration addresses that reference it directly. */
export type DependentsGraph = Map<string, Set<string>>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A node still to visit, or a `references` list found on the way (kept in place, so the order stays the document's). */
type Pending = { node: unknown } | { references: unknown[] };

/** Every `references` list anywhere inside an expressions tree; iterative, so no nesting depth overflows the stack. */
function collectReferences(tree: unknown, out: string[]): void {
  const stack: Pending[] = [{ node: tree }];
  while (stack.length > 0) {
    const pending = stack.pop() as Pending;
    if ('references' in pending) {
      for (const reference of pending.references) if (typeof reference === 'string') out.push(reference);
      continue;
    }
    const { node } = pending;
    const children: Pending[] = Array.isArray(node)
      ? node.map((item: unknown) => ({ node: item }))
      : isObject(node)
        ? Object.entries(node).map(([key, value]) => (key === 'references' && Array.isArray(value) ? { references: value } : { node: value }))
        : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** `aws_lb.prod.arn` → `aws_lb.prod`; `data.x.y.z` → `data.x.y`; `module.m.out` → `module.m`; `var.x` → undefined. */
function referencedAddress(reference: string): string | undefined {
  const parts = reference.replace(/\[[^\]]*\]/g, '').split('.');
  if (parts[0] === 'module') return parts.length >= 2 ? `module.${parts[1]}` : undefined;
  if (parts[0] === 'data') return parts.length >= 3 ? parts.slice(0, 3).join('.') : undefined;
  if (['var', 'local', 'each', 'count', 'path', 'terraform', 'self'].includes(parts[0])) return undefined;
  return parts.length >= 2 ? parts.slice(0, 2).join('.') : undefined;
}

interface Edge {
  from: string;
  to: string;
}

/** A module still to walk: its configuration, its address prefix, and what every resource in it depends on through its calls. */
interface PendingModule {
  module: Json;
  prefix: string;
  inherited: string[];
}

/** Walks the root module and every module it calls, depth first and in document order, without recursion. */
function walkModules(root: Json, edges: Edge[], members: Map<string, string[]>): void {
  const stack: PendingModule[] = [{ module: root, prefix: '', inherited: [] }];
  while (stack.length > 0) {
    const { module, prefix, inherited } = stack.pop() as PendingModule;
    const scope = (address: string): string => (prefix ? `${prefix}.${address}` : address);
    const own: string[] = [];
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (!isObject(resource) || typeof resource.address !== 'string') continue;
      const address = scope(resource.address);
      own.push(address);
      const references: string[] = [];
      collectReferences(resource.expressions, references);
      collectReferences(resource.count_expression, references);
      collectReferences(resource.for_each_expression, references);
      if (Array.isArray(resource.depends_on)) references.push(...resource.depends_on.filter((r): r is string => typeof r === 'string'));
      for (const reference of references) {
        const target = referencedAddress(reference);
        if (target !== undefined) edges.push({ from: address, to: scope(target) });
      }
      for (const target of inherited) edges.push({ from: address, to: target });
    }
    members.set(prefix, own);
    const calls: PendingModule[] = [];
    for (const [name, call] of Object.entries(isObject(module.module_calls) ? module.module_calls : {})) {
      if (!isObject(call)) continue;
      const callAddress = scope(`module.${name}`);
      const references: string[] = [];
      collectReferences(call.expressions, references);
      collectReferences(call.count_expression, references);
      collectReferences(call.for_each_expression, references);
      if (Array.isArray(call.depends_on)) references.push(...call.depends_on.filter((r): r is string => typeof r === 'string'));
      const callInputs = references.flatMap((r) => {
        const target = referencedAddress(r);
        return target === undefined ? [] : [scope(target)];
      });
      if (isObject(call.module)) calls.push({ module: call.module, prefix: callAddress, inherited: [...inherited, ...callInputs] });
    }
    for (let i = calls.length - 1; i >= 0; i--) stack.push(calls[i]);
  }
}

export function buildDependentsGraph(configuration: unknown): DependentsGraph {
  const graph: DependentsGraph = new Map();
  if (!isObject(configuration) || !isObject(configuration.root_module)) return graph;
  const edges: Edge[] = [];
  const members = new Map<string, string[]>();
  walkModules(configuration.root_module, edges, members);
  const add = (target: string, dependent: string): void => {
    if (target === dependent) return;
    const set = graph.get(target) ?? new Set<string>();
    set.add(dependent);
    graph.set(target, set);
  };
  for (const { from, to } of edges) {
    // A reference to a module (its outputs) depends on every resource inside that module.
    const isModule = /(?:^|\.)module\.[^.]+$/.test(to);
    if (!isModule) {
      add(to, from);
      continue;
    }
    for (const [prefix, resources] of members) {
      if (prefix === to || prefix.startsWith(`${to}.`)) for (const resource of resources) add(resource, from);
    }
  }
  return graph;
}

/** `module.a["x"].aws_lb.b[0]` → `module.a.aws_lb.b`: the configuration address of a resource instance. */
export function configurationAddress(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '');
}

export interface BlastRadius {
  /** Every configuration address that depends on the resource, directly or through others. */
  count: number;
  /** The path from each dependent, nearest dependents first, as addresses: `[aws_route53_record.api, aws_lb_listener.https, aws_lb.prod]`. */
  chains: string[][];
}

/** Breadth-first over the dependents, so each path is a shortest one. */
export function blastRadius(graph: ReadonlyMap<string, ReadonlySet<string>>, address: string): BlastRadius {
  const start = configurationAddress(address);
  const via = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const dependent of graph.get(current) ?? []) {
      if (dependent === start || via.has(dependent)) continue;
      via.set(dependent, current);
      queue.push(dependent);
    }
  }
  const chains = [...via.keys()].map((dependent) => {
    const chain = [dependent];
    let step = via.get(dependent);
    while (step !== undefined) {
      chain.push(step);
      step = via.get(step);
    }
    return chain;
  });
  return { count: via.size, chains };
}
