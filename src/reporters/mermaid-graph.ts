// A Mermaid flowchart of the resources a report destroys: one subgraph per plan, nodes coloured by environment,
// at most MAX_GRAPH_NODES nodes and one "and N more" node (https://mermaid.js.org/syntax/flowchart.html).
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
  const colours = environment.protected ? PROTECTED_STYLE : (ENVIRONMENT_STYLES[environment.name] ?? OTHER_ENVIRONMENT_STYLE);
  return `${colours},${NEUTRAL_TEXT}`;
}

/** Destroyed resources, protected ones first, each group in report order. */
function destroyedResources(report: Report): ReportResource[] {
  const destroyed = report.resources.filter((resource) => DESTRUCTIVE_ACTIONS.has(resource.action));
  return [...destroyed.filter((r) => r.environment.protected), ...destroyed.filter((r) => !r.environment.protected)];
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
  for (const environment of environments) {
    const members = shown.filter((r) => r.environment.name === environment.name).map((r) => nodeIds.get(r));
    lines.push(`  class ${members.join(',')} ${classOf.get(environment.name)}`);
  }
  for (const environment of environments) lines.push(`  classDef ${classOf.get(environment.name)} ${environmentStyle(environment)}`);
  if (hidden > 0) lines.push(`  classDef more fill:#ffffff,stroke:#6e7781,stroke-dasharray:4 2,${NEUTRAL_TEXT}`);
  return lines.join('\n');
}
