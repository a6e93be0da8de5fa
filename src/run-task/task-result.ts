// The body of the PATCH to task_result_callback_url (run tasks integration API, "Run Task Callback"): a JSON:API
// `task-results` document with the final status, a one-line message and, where the caller accepts them, an outcome
// per finding (blocking ones first, at most MAX_OUTCOMES).
import { blocks, type Finding, type Report, type Severity } from '../model.js';
import { blockedClause } from '../reporters/blocked-changes.js';
import { configurationName } from '../reporters/configuration-name.js';
import { markdownText } from '../reporters/markdown-text.js';
import { plural } from '../reporters/plural.js';

/** HCP Terraform's first outcomes API took at most 10 per result; later ones take more, but 10 are accepted by all. */
export const MAX_OUTCOMES = 10;

/** Where a person reads what the task does; each outcome links its rule's page instead. */
const TASK_DOCS_URL = 'https://github.com/blast-radius/blast-radius/blob/main/docs/run-task.md';

type TagLevel = 'none' | 'info' | 'warning' | 'error';

interface Outcome {
  type: 'task-result-outcomes';
  attributes: {
    'outcome-id': string;
    description: string;
    body: string;
    url: string;
    tags: Record<string, { label: string; level: TagLevel }[]>;
  };
}

export interface TaskResult {
  data: {
    type: 'task-results';
    attributes: { status: 'passed' | 'failed'; message: string; url: string };
    relationships?: { outcomes: { data: Outcome[] } };
  };
}

const SEVERITY_LEVELS: Record<Severity, TagLevel> = { error: 'error', warning: 'warning', info: 'info' };

function statusTag(finding: Finding): { label: string; level: TagLevel } {
  if (blocks(finding)) return { label: 'Blocks', level: 'error' };
  return finding.waived ? { label: 'Waived', level: 'info' } : { label: 'Does not block', level: 'none' };
}

function outcome(report: Report, finding: Finding): Outcome {
  const waiver = finding.waived
    ? `\n\nWaived by ${markdownText(finding.waived.by)} until ${finding.waived.expires}: ${markdownText(finding.waived.reason)}`
    : '';
  return {
    type: 'task-result-outcomes',
    attributes: {
      'outcome-id': `${finding.ruleId}:${finding.address}`,
      description: `${finding.address}: ${finding.action} in ${finding.environment || 'an unknown environment'} (${finding.ruleId})`,
      body: `${markdownText(finding.message)}${waiver}`,
      url: report.rules[finding.ruleId]?.url ?? TASK_DOCS_URL,
      tags: { Status: [statusTag(finding)], Severity: [{ label: finding.severity, level: SEVERITY_LEVELS[finding.severity] }] },
    },
  };
}

function message(report: Report): string {
  const under = `(configuration: ${configurationName(report)})`;
  if (report.verdict === 'block') return `Blocked: the plan would ${blockedClause(report)} ${under}.`;
  const { warnings, infos, waived } = report.summary;
  const notes = [plural(warnings, 'warning'), `${infos} info`, ...(waived > 0 ? [`${waived} waived`] : [])].join(', ');
  return `Passed: nothing protected would be destroyed; ${notes} ${under}.`;
}

/** The result of a checked plan: failed when blocked, passed otherwise. */
export function reportResult(report: Report, withOutcomes: boolean): TaskResult {
  const ordered = [...report.findings.filter(blocks), ...report.findings.filter((f) => !blocks(f))];
  return {
    data: {
      type: 'task-results',
      attributes: { status: report.verdict === 'block' ? 'failed' : 'passed', message: message(report), url: TASK_DOCS_URL },
      ...(withOutcomes && ordered.length > 0
        ? { relationships: { outcomes: { data: ordered.slice(0, MAX_OUTCOMES).map((finding) => outcome(report, finding)) } } }
        : {}),
    },
  };
}

/** The result of a run that could not be checked: always failed, with the one sentence that says why. */
export function failureResult(reason: string): TaskResult {
  return { data: { type: 'task-results', attributes: { status: 'failed', message: `blast-radius could not check this run: ${reason}`, url: TASK_DOCS_URL } } };
}
