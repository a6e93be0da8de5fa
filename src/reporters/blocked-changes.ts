// What a report blocks on, for the reporters that say it in words: each blocked resource once (several rules may cite
// one), the plan-wide findings apart, and the clause "replace 1 protected resource in production".
import { blocks, WHOLE_PLAN, type Action, type Finding, type Report } from '../model.js';
import { joinWords } from './join-words.js';
import { plural } from './plural.js';

/** The rule that blocks objects the input names but could not be judged: nothing says they are destroyed. */
const UNJUDGED = 'unjudged-objects';

const VERBS: Partial<Record<Action, string>> = { delete: 'destroy', replace: 'replace', update: 'update' };

/** Whether the blocking findings are only about objects that could not be judged: nothing is known to be destroyed. */
export function blocksOnlyUnjudged(report: Report): boolean {
  const blocking = report.findings.filter(blocks);
  return blocking.length > 0 && blocking.every((f) => f.ruleId === UNJUDGED);
}

/** A finding about a plan as a whole (a limit on its size), not about one resource. */
export function isPlanWide(finding: Finding): boolean {
  return finding.address === WHOLE_PLAN;
}

/** The first blocking finding of each blocked resource, in report order, and the blocking plan-wide findings. */
export function blockedChanges(report: Report): { resources: Finding[]; planWide: Finding[] } {
  const blocking = report.findings.filter(blocks);
  const byResource = new Map<string, Finding>();
  for (const finding of blocking.filter((f) => !isPlanWide(f))) {
    const key = `${finding.file}\n${finding.address}`;
    if (!byResource.has(key)) byResource.set(key, finding);
  }
  return { resources: [...byResource.values()], planWide: blocking.filter(isPlanWide) };
}

/** What is true of objects that could not be judged, to follow "the plan would". */
export const UNJUDGED_CLAUSE = 'act on objects that could not be judged, so what it does to them is unknown';

/** What the plan would do, to follow "the plan would": "replace 1 protected resource in production". */
export function blockedClause(report: Report): string {
  const { resources, planWide: blockingPlanWide } = blockedChanges(report);
  const planWide = blockingPlanWide.filter((f) => f.ruleId !== UNJUDGED);
  const clauses: string[] = [];
  if (resources.length > 0) {
    const verbs = joinWords([...new Set(resources.map((f) => VERBS[f.action] ?? f.action))], 'or');
    const environments = joinWords([...new Set(resources.map((f) => f.environment).filter(Boolean))]);
    clauses.push(`${verbs} ${plural(resources.length, 'protected resource')}${environments ? ` in ${environments}` : ''}`);
  }
  if (planWide.length > 0) {
    const rules = [...new Set(planWide.map((f) => f.ruleId))].join(', ');
    clauses.push(`break ${plural(planWide.length, 'plan-wide limit')} (${rules})`);
  }
  if (planWide.length < blockingPlanWide.length) clauses.push(UNJUDGED_CLAUSE);
  return clauses.join(' and ');
}
