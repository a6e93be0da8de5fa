// Runs every policy rule over the classified changes, drift and plans of all inputs, under the configured policy,
// fills each reported message's template, and returns findings in a stable order.
import { DESTRUCTIVE_ACTIONS, type Action, type AnalyzedInput, type Drift, type EnvironmentTag, type Finding, type ResourceChange, type Severity } from '../model.js';
import { impactOf } from '../catalog/data-bearing.js';
import { DEFAULT_POLICY, type PolicyOptions } from '../config/compiled-config.js';
import { UNKNOWN_ENVIRONMENT } from '../environment/environments.js';
import { formatMessage } from './format-message.js';
import type { ChangeSubject, Rule, RuleReport } from './rule.js';
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

/** The address plan-wide findings carry. */
export const WHOLE_PLAN = '(whole plan)';

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
  inputs: readonly Pick<AnalyzedInput, 'file' | 'unjudged'>[],
  rules: readonly Rule[] = Object.values(RULES),
  policy: PolicyOptions = DEFAULT_POLICY,
  preventDestroyAtBase: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
): Finding[] {
  const findings: Finding[] = [];
  const files = inputs.map((input) => input.file);
  const report = (rule: Rule, target: Target, reported: RuleReport | undefined, severity: Severity = rule.severity, type?: string): void => {
    if (reported === undefined) return;
    const { address, action, environment } = target;
    const { messageId, data } = reported;
    const message = formatMessage(rule.messages[messageId], data);
    const finding: Finding = { ruleId: rule.id, messageId, severity, file: files[target.input] ?? '', address, action, environment, message };
    const impact = type === undefined || !DESTRUCTIVE_ACTIONS.has(action) ? undefined : impactOf(type)?.impact;
    if (impact) finding.impact = impact;
    findings.push(finding);
  };
  const subjects: ChangeSubject[] = classified.map((entry) => {
    const base = preventDestroyAtBase.get(entry.change.input);
    return base ? { ...entry, policy, preventDestroyAtBase: base } : { ...entry, policy };
  });
  const drifted = driftTargets(drift, classified);
  for (const rule of rules) {
    if (rule.subject === 'change') {
      for (const subject of subjects) {
        const { input, address, action } = subject.change;
        const reported = rule.check(subject);
        report(rule, { input, address, action, environment: subject.environment.name }, reported, rule.severityFor?.(policy, subject), subject.change.type);
      }
    } else if (rule.subject === 'drift') {
      for (const { entry, target } of drifted) report(rule, target, rule.check(entry));
    } else {
      inputs.forEach(({ file, unjudged = [] }, input) => {
        const changes = subjects.filter((s) => s.change.input === input);
        report(rule, { input, address: WHOLE_PLAN, action: 'delete', environment: '' }, rule.check({ file, changes, policy, unjudged }));
      });
    }
  }
  return findings.sort(compareFindings);
}
