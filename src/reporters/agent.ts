// Agent reporter: plain sentences a coding agent acts on (what was refused, why, the safe next step), at most
// MAX_AGENT_LINES lines; a passing plan is one sentence. Terraform's words: moved and removed blocks, -target.
import type { Finding, Report } from '../model.js';
import { expiredApprovalLine } from './approval-note.js';
import { blockedChanges, blockedClause } from './blocked-changes.js';
import { plural } from './plural.js';

/** Refused resources and plan-wide limits listed one per line; the rest are counted in an "and N more" line. */
const MAX_LISTED = 8;

/** The longest report: a heading, MAX_LISTED lines, "and N more", three lines of advice and an expired approval. */
export const MAX_AGENT_LINES = 1 + MAX_LISTED + 1 + 4;

function passSentence(report: Report): string {
  if (report.approval?.status === 'honoured') {
    const { by, reason } = report.approval;
    return `blast-radius passed this plan: its destructive changes were approved by a person (${by}: ${reason}), so it may be applied exactly as it is; any other destructive change is refused again.`;
  }
  const { waived, warnings } = report.summary;
  const notes = [...(waived > 0 ? [`${waived} waived by an exception`] : []), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
  const claim = waived > 0 ? 'nothing protected would be destroyed without an exception' : 'nothing protected would be destroyed';
  return `blast-radius passed this plan: ${claim}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}, so it may be applied.`;
}

function refusedResource(report: Report, finding: Finding): string {
  const resource = report.resources.find((r) => r.file === finding.file && r.address === finding.address);
  const where = report.inputs.length > 1 ? ` (${finding.file})` : '';
  const why = [resource?.environment.reason, resource?.reason].filter(Boolean).join('; ');
  const dataLoss = finding.impact === 'data-loss' ? ' Its data would be lost.' : '';
  const dependents = finding.dependents ? ` ${plural(finding.dependents.count, 'other resource')} depend on it.` : '';
  return `- ${finding.address}${where}: ${finding.action} in ${finding.environment}${why ? `, because ${why}` : ''}.${dataLoss}${dependents}`;
}

/** The changes that keep the resources, named for the actions that would change them, and that respect the limits. */
function configurationFix(resources: readonly Finding[], planWide: readonly Finding[]): string {
  const actions = new Set(resources.map((f) => f.action));
  const fixes: string[] = [];
  if (actions.has('replace')) fixes.push('undo the change that forces the replacement, named above');
  if (actions.has('delete')) {
    fixes.push(
      'restore the removed configuration, add a `moved` block if the resource was renamed or moved into a module, or a `removed` block with `lifecycle { destroy = false }` to stop managing it without destroying it',
    );
  }
  if (actions.has('update')) fixes.push('undo the in-place change');
  if (planWide.length > 0) fixes.push('split the change into smaller plans, each within the limit');
  return `Safe next step: ${fixes.join('; ')}; then plan and check again.`;
}

/** Whether the plan changes anything besides the resources it was refused for. */
function hasOtherChanges(report: Report, refused: number): boolean {
  const { changes, byAction } = report.summary;
  return changes - (byAction['no-op'] ?? 0) - (byAction.read ?? 0) > refused;
}

export default function formatAgent(report: Report): string {
  if (report.verdict === 'pass') return `${passSentence(report)}\n`;
  const { resources, planWide } = blockedChanges(report);
  const reasons = [...resources.map((finding) => refusedResource(report, finding)), ...planWide.map((finding) => `- ${finding.message}`)];
  const lines = [`blast-radius refused this plan: it would ${blockedClause(report)}. Do not apply it.`, ...reasons.slice(0, MAX_LISTED)];
  if (reasons.length > MAX_LISTED) lines.push(`- and ${reasons.length - MAX_LISTED} more.`);
  lines.push(configurationFix(resources, planWide));
  if (hasOtherChanges(report, resources.length)) {
    lines.push('To apply only the other changes now, plan with `-target=<address>` for each resource you mean to change, and check that plan.');
  }
  if (report.approveCommand !== undefined) {
    lines.push(
      `If the change is intended, stop and ask a human to review it and run \`${report.approveCommand}\` in their own terminal (you cannot run it); then run the same command again. Do not work around this check.`,
    );
  } else {
    lines.push('If the change is intended, stop and ask a human to review and apply the plan; do not work around this check.');
  }
  lines.push(...expiredApprovalLine(report));
  return `${lines.join('\n')}\n`;
}
