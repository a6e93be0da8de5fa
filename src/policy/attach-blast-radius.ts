// Adds to every delete or replace finding the resources that go down with it: its dependents in the configuration,
// directly and transitively, each with the path that links it.
import { blastRadius } from '../analyzers/terraform/dependency-graph.js';
import { DESTRUCTIVE_ACTIONS, WHOLE_PLAN, type AnalyzedInput, type Finding } from '../model.js';

/** A report lists this many paths per finding at most; `count` still gives them all. */
const MAX_PATHS = 20;

export function attachBlastRadius(findings: Finding[], inputs: AnalyzedInput[]): Finding[] {
  const graphs = new Map(inputs.map((input) => [input.file, input.dependents]));
  return findings.map((finding) => {
    const graph = graphs.get(finding.file);
    if (!graph || !DESTRUCTIVE_ACTIONS.has(finding.action) || finding.address === WHOLE_PLAN) return finding;
    const radius = blastRadius(graph, finding.address);
    if (radius.count === 0) return finding;
    const chains = radius.chains.slice(0, MAX_PATHS);
    return { ...finding, dependents: { count: radius.count, paths: chains.map((chain) => chain.join(' → ')), chains } };
  });
}
