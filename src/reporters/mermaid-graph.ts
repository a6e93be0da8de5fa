// A Mermaid flowchart of the resources a report destroys and of what depends on them: one subgraph per plan, nodes
// coloured by environment, arrows from what depends on a destroyed resource to it (read as the paths of text and
// JSON are: dependent → … → destroyed), at most MAX_GRAPH_NODES
// destroyed nodes and as many dependents, each with an "and N more" node (https://mermaid.js.org/syntax/flowchart.html).
import { DESTRUCTIVE_ACTIONS, type EnvironmentTag, type Report, type ReportResource } from '../model.js';
import { plural } from './plural.js';

/** More nodes than this are counted in one "and N more" node: GitHub renders large graphs slowly, or not at all. */
export const MAX_GRAPH_NODES = 30;

/** Labels longer than this (in characters) are cut with an ellipsis. */
const MAX_LABEL_LENGTH = 80;

/** Mermaid's entity codes for what could end a quoted label, start an entity, or be read as HTML or Markdown. */
const LABEL_ENTITIES: Record<string, string> = { '"': '#quot;', '#': '#35;', '&': '#amp;', '<': '#lt;', '>': '#gt;', '`': '#96;' };

const NEUTRAL_TEXT = 'color:#1f2328';
const ENVIRONMENT_STYLES: Record<string, string> = {
  staging: 'fill:#fff1c2,stroke:#9a6700',
  development: 'fill:#dafbe1,stroke:#1a7f37',
  test: 'fill:#ddf4ff,stroke:#0969da',
  unknown: 'fill:#eaeef2,stroke:#6e7781',
};
const PROTECTED_STYLE = 'fill:#ffd7d5,stroke:#cf222e,stroke-width:2px';
const OTHER_ENVIRONMENT_STYLE = 'fill:#fbefff,stroke:#8250df';

/** The text of a quoted label: cut to length (never inside a character), on one line, special characters coded. */
function labelText(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const characters = Array.from(flat);
  const cut = characters.length > MAX_LABEL_LENGTH ? `${characters.slice(0, MAX_LABEL_LENGTH - 1).join('')}…` : flat;
  return cut.replace(/["#&<>`]/g, (character) => LABEL_ENTITIES[character] ?? character);
}

function environmentStyle(environment: EnvironmentTag): string {
  const colours = environment.protected
    ? PROTECTED_STYLE
    : ((Object.hasOwn(ENVIRONMENT_STYLES, environment.name) ? ENVIRONMENT_STYLES[environment.name] : undefined) ?? OTHER_ENVIRONMENT_STYLE);
  return `${colours},${NEUTRAL_TEXT}`;
}

/** Destroyed resources, protected ones first, each group in report order. */
function destroyedResources(report: Report): ReportResource[] {
  const destroyed = report.resources.filter((resource) => DESTRUCTIVE_ACTIONS.has(resource.action));
  return [...destroyed.filter((r) => r.environment.protected), ...destroyed.filter((r) => !r.environment.protected)];
}

/** Edges `dependent → … → destroyed`, as the findings' dependency paths are written: each arrow reads "depends on". */
function dependencyEdges(report: Report, shown: ReportResource[]): [from: string, to: string][] {
  const edges = new Map<string, [string, string]>();
  for (const resource of shown) {
    const finding = report.findings.find((f) => f.file === resource.file && f.address === resource.address && f.dependents);
    for (const path of finding?.dependents?.chains ?? []) {
      const chain = [...path];
      // The path ends at the resource's configuration address: the graph names its instance.
      chain[chain.length - 1] = resource.address;
      for (let i = 0; i + 1 < chain.length; i++) edges.set(`${chain[i]}\u0000${chain[i + 1]}`, [chain[i], chain[i + 1]]);
    }
  }
  return [...edges.values()];
}

/** The flowchart's source, or undefined when the report destroys nothing. */
export function mermaidGraph(report: Report): string | undefined {
  const destroyed = destroyedResources(report);
  if (destroyed.length === 0) return undefined;
  const shown = destroyed.slice(0, MAX_GRAPH_NODES);
  const nodeIds = new Map(shown.map((resource, i) => [resource, `n${i}`]));
  // Class names are generated: an environment's own name could be a Mermaid keyword or hold any character.
  const environments = [...new Map(shown.map((r) => [r.environment.name, r.environment])).values()];
  const classOf = new Map(environments.map((environment, i) => [environment.name, `env${i}`]));

  const lines = ['flowchart LR'];
  const files = [...new Set(shown.map((resource) => resource.file))];
  files.forEach((file, i) => {
    lines.push(`  subgraph plan${i}["${labelText(file)}"]`);
    for (const resource of shown.filter((r) => r.file === file)) {
      const details = labelText(`${resource.action} · ${resource.environment.name}`);
      lines.push(`    ${nodeIds.get(resource)}["${labelText(resource.address)}<br/>${details}"]`);
    }
    lines.push('  end');
  });
  const hidden = destroyed.length - shown.length;
  if (hidden > 0) lines.push(`  more["… and ${plural(hidden, 'more destroyed resource', 'more destroyed resources')}"]`, '  class more more');
  const ids = new Map(shown.map((resource) => [resource.address, nodeIds.get(resource) as string]));
  const edges = dependencyEdges(report, shown);
  const dependents = [...new Set(edges.map(([from]) => from))].filter((address) => !ids.has(address));
  dependents.slice(0, MAX_GRAPH_NODES).forEach((address, i) => {
    ids.set(address, `d${i}`);
    lines.push(`  d${i}["${labelText(address)}<br/>depends on it"]`, `  class d${i} dependent`);
  });
  for (const [from, to] of edges) if (ids.has(from) && ids.has(to)) lines.push(`  ${ids.get(from)} --> ${ids.get(to)}`);
  const hiddenDependents = dependents.length - Math.min(dependents.length, MAX_GRAPH_NODES);
  if (hiddenDependents > 0)
    lines.push(`  moredependents["… and ${plural(hiddenDependents, 'more dependent', 'more dependents')}"]`, '  class moredependents more');
  for (const environment of environments) {
    const members = shown.filter((r) => r.environment.name === environment.name).map((r) => nodeIds.get(r));
    lines.push(`  class ${members.join(',')} ${classOf.get(environment.name)}`);
  }
  for (const environment of environments) lines.push(`  classDef ${classOf.get(environment.name)} ${environmentStyle(environment)}`);
  if (hidden > 0 || hiddenDependents > 0) lines.push(`  classDef more fill:#ffffff,stroke:#6e7781,stroke-dasharray:4 2,${NEUTRAL_TEXT}`);
  if (dependents.length > 0) lines.push(`  classDef dependent fill:#fff8c5,stroke:#bf8700,${NEUTRAL_TEXT}`);
  return lines.join('\n');
}
