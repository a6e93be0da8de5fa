// An object that says nothing of its environment but goes down with another one (a volume with its claim, a pod with
// its ReplicaSet, an object with its namespace) takes the environment of the object that takes it down.
import type { AnalyzedInput, ClassifiedChange, EnvironmentTag } from '../model.js';
import { PLATFORMS } from '../platforms/index.js';
import { NO_EVIDENCE_RULE } from './default-rules.js';

export const INHERITED_RULE = 'inherited';

function inherited(parent: string, environment: EnvironmentTag): EnvironmentTag {
  return {
    name: environment.name,
    protected: environment.protected,
    rule: INHERITED_RULE,
    evidence: parent,
    reason: `it goes down with ${parent}, which is in ${environment.name}: ${environment.reason}`,
  };
}

/**
 * Gives every unclassified change of an input whose platform cascades (Kubernetes) the environment of a classified
 * object whose deletion takes it down. (A Terraform plan's dependents only refer to a resource; they stay.)
 */
export function inheritEnvironments(classified: ClassifiedChange[], inputs: readonly AnalyzedInput[]): ClassifiedChange[] {
  const result = [...classified];
  inputs.forEach((input, index) => {
    if (PLATFORMS[input.platform].dependents !== 'cascade') return;
    // Kubernetes addresses are unique within an input (no deposed objects, no instance keys).
    const at = new Map<string, number>();
    result.forEach((entry, i) => {
      if (entry.change.input === index) at.set(entry.change.address, i);
    });
    const queue = [...input.dependents.keys()];
    for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
      const parentEntry = result[at.get(parent) ?? -1];
      if (!parentEntry || parentEntry.environment.rule === NO_EVIDENCE_RULE) continue;
      for (const child of input.dependents.get(parent) ?? []) {
        const i = at.get(child);
        const entry = i === undefined ? undefined : result[i];
        if (i === undefined || !entry || entry.environment.rule !== NO_EVIDENCE_RULE) continue;
        result[i] = { change: entry.change, environment: inherited(parent, parentEntry.environment) };
        queue.push(child);
      }
    }
  });
  return result;
}
