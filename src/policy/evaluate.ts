// Runs every policy rule the configuration does not turn off over the classified changes, drift and plans of all
// inputs, with the options and at the level configured for it, fills each reported message's template, and returns
// findings in a stable order.
import {
  DESTRUCTIVE_ACTIONS,
  WHOLE_PLAN,
  type Action,
  type AnalyzedInput,
  type ClassifiedChange,
  type Drift,
  type Finding,
  type ResourceChange,
  type Severity,
} from '../model.js';
import { impactOf } from '../catalog/data-bearing.js';
import { recoverabilityOf } from '../catalog/recoverability.js';
import { UNKNOWN_ENVIRONMENT } from '../environment/environments.js';
import { formatMessage } from './format-message.js';
import type { ChangeSubject, PlanSubject, Rule, RuleReport } from './rule.js';
import type { StateStorage } from '../terraform-source/state-storage.js';
import { effectiveSetting, type RuleSettings } from './rule-settings.js';
import { RULES } from './rules/index.js';

interface Target {
  input: number;
  address: string;
  action: Action;
  environment: string;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Within a severity, a loss for good comes first: it is what a reviewer must see before anything else. */
const lostFirst = (finding: Finding): number => (finding.recoverability?.outcome === 'lost' ? 0 : 1);

/**
 * Text in code-unit order: the same on every machine and Node version, where localeCompare follows the ICU data Node
 * ships (and its first call builds ICU's collator, 15–21 ms of every run that sorts two findings).
 */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    lostFirst(a) - lostFirst(b) ||
    compareText(a.file, b.file) ||
    compareText(a.address, b.address) ||
    compareText(a.ruleId, b.ruleId)
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
  inputs: readonly Pick<AnalyzedInput, 'file' | 'unjudged' | 'emptyPriorState'>[],
  rules: readonly Rule[] = Object.values(RULES),
  settings: RuleSettings = {},
  preventDestroyAtBase: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
  stateStorage: ReadonlyMap<number, StateStorage> = new Map(),
): Finding[] {
  const findings: Finding[] = [];
  const files = inputs.map((input) => input.file);
  const report = (rule: Rule, severity: Severity, target: Target, reported: RuleReport | undefined, change?: ResourceChange): void => {
    if (reported === undefined) return;
    const { address, action, environment } = target;
    const { messageId, data } = reported;
    const message = formatMessage(rule.messages[messageId], data);
    const finding: Finding = { ruleId: rule.id, messageId, severity, file: files[target.input] ?? '', address, action, environment, message };
    const impact = change === undefined || !DESTRUCTIVE_ACTIONS.has(action) ? undefined : impactOf(change.type)?.impact;
    if (impact) finding.impact = impact;
    const recoverability = change === undefined ? undefined : recoverabilityOf(change);
    if (recoverability) finding.recoverability = recoverability;
    findings.push(finding);
  };
  const subjects: ChangeSubject[] = classified.map((entry) => {
    const base = preventDestroyAtBase.get(entry.change.input);
    return base ? { ...entry, preventDestroyAtBase: base } : entry;
  });
  const drifted = driftTargets(drift, classified);
  for (const rule of rules) {
    const { level, options } = effectiveSetting(rule, settings);
    if (level === 'off') continue;
    if (rule.subject === 'change') {
      for (const subject of subjects) {
        const { input, address, action } = subject.change;
        const outside = rule.severityOutsideProtected !== undefined && level === rule.severity && !subject.environment.protected;
        const severity = outside ? (rule.severityOutsideProtected ?? level) : level;
        report(rule, severity, { input, address, action, environment: subject.environment.name }, rule.check(subject, options), subject.change);
      }
    } else if (rule.subject === 'drift') {
      for (const { entry, target } of drifted) report(rule, level, target, rule.check(entry, options));
    } else {
      inputs.forEach(({ file, unjudged = [], emptyPriorState }, input) => {
        const changes = subjects.filter((s) => s.change.input === input);
        const plan: PlanSubject = { file, changes, unjudged, emptyPriorState: emptyPriorState === true };
        const state = stateStorage.get(input);
        if (state) plan.stateStorage = state;
        report(rule, level, { input, address: WHOLE_PLAN, action: 'delete', environment: '' }, rule.check(plan, options));
      });
    }
  }
  return findings.sort(compareFindings);
}
