// Runs every policy rule over the classified changes and drift of all inputs, and returns findings in a stable order.
import type { Action, Drift, EnvironmentTag, Finding, ResourceChange } from '../model.js';
import { UNKNOWN_ENVIRONMENT } from '../environment/environments.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';

export interface ClassifiedChange {
  change: ResourceChange;
  environment: EnvironmentTag;
}

interface Target {
  input: number;
  address: string;
  action: Action;
  environment: string;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.file.localeCompare(b.file) ||
    a.address.localeCompare(b.address) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** Drift entries take the environment of the planned change at the same address, when there is one. */
function driftTargets(drift: Drift[], classified: ClassifiedChange[]): { entry: Drift; target: Target }[] {
  const environments = new Map(classified.map(({ change, environment }) => [`${change.input}:${change.address}`, environment.name]));
  return drift.map((entry) => ({
    entry,
    target: { ...entry, environment: environments.get(`${entry.input}:${entry.address}`) ?? UNKNOWN_ENVIRONMENT },
  }));
}

export function evaluatePolicy(
  classified: ClassifiedChange[],
  drift: Drift[],
  fileOf: (input: number) => string,
  rules: readonly Rule[] = Object.values(RULES),
): Finding[] {
  const findings: Finding[] = [];
  const report = (rule: Rule, target: Target, message: string | undefined): void => {
    if (message === undefined) return;
    const { address, action, environment } = target;
    findings.push({ ruleId: rule.id, severity: rule.severity, file: fileOf(target.input), address, action, environment, message });
  };
  const drifted = driftTargets(drift, classified);
  for (const rule of rules) {
    if (rule.subject === 'change') {
      for (const subject of classified) {
        const { input, address, action } = subject.change;
        report(rule, { input, address, action, environment: subject.environment.name }, rule.check(subject));
      }
    } else {
      for (const { entry, target } of drifted) report(rule, target, rule.check(entry));
    }
  }
  return findings.sort(compareFindings);
}
