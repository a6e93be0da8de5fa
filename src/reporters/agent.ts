// Agent reporter: plain sentences a coding agent acts on (what was refused, why, the safe next step), at most
// MAX_AGENT_LINES lines; a passing plan is one sentence. Each platform's words: Terraform's moved and removed blocks
// and -target, Kubernetes' manifests, prune selectors and keep annotations.
import type { Finding, Platform, Report } from '../model.js';
import { PLATFORMS, inTableOrder } from '../platforms/index.js';
import { expiredApprovalLine } from './approval-note.js';
import { blockedChanges, blockedClause } from './blocked-changes.js';
import { configurationName } from './configuration-name.js';
import { plural } from './plural.js';
import { recoverabilitySentence } from './recoverability-words.js';
import { reportNoun } from './report-noun.js';
import { waiverSummary } from './waiver-summary.js';

/** Refused resources and plan-wide limits listed one per line; the rest are counted in an "and N more" line. */
const MAX_LISTED = 8;

/**
 * The longest report: a heading, MAX_LISTED lines, "and N more", three lines of advice (four when Terraform and
 * Kubernetes inputs are refused together) and an expired approval.
 */
export const MAX_AGENT_LINES = 1 + MAX_LISTED + 1 + 5;

/** The short clause that names the configuration the verdict was reached under. */
function underConfiguration(report: Report): string {
  return ` (configuration: ${configurationName(report)})`;
}

function passSentence(report: Report): string {
  if (report.approval?.status === 'honoured') {
    const { by, reason } = report.approval;
    return `blast-radius passed this ${reportNoun(report)}: its destructive changes were approved by a person (${by}: ${reason}), so it may be applied exactly as it is; any other destructive change is refused again${underConfiguration(report)}.`;
  }
  const { waived, warnings } = report.summary;
  const waivers = waiverSummary(report);
  const notes = [...(waivers ? [`waived by an exception: ${waivers}`] : []), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
  const claim = waived > 0 ? 'nothing protected would be destroyed without an exception' : 'nothing protected would be destroyed';
  return `blast-radius passed this ${reportNoun(report)}: ${claim}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}, so it may be applied${underConfiguration(report)}.`;
}

function refusedResource(report: Report, finding: Finding): string {
  const resource = report.resources.find((r) => r.file === finding.file && r.address === finding.address);
  const where = report.inputs.length > 1 ? ` (${finding.file})` : '';
  // An update destroys nothing: what it changes is in the rule's own sentence (the protection it switches off).
  if (finding.action === 'update') return `- ${finding.address}${where}: ${finding.message.replace(finding.address, '').trimStart()}`;
  const why = [resource?.environment.reason, resource?.reason].filter(Boolean).join('; ');
  const recoverability = recoverabilitySentence(finding);
  const dataLoss = recoverability !== undefined ? ` ${recoverability}` : finding.impact === 'data-loss' ? ' Its data would be lost.' : '';
  const count = finding.dependents?.count;
  // Dependents are deleted with a resource where its platform cascades (Kubernetes); elsewhere they refer to it.
  const cascades = inTableOrder(platformsOf(report, [finding])).some((platform) => platform.dependents === 'cascade');
  const [one, many] = cascades ? ['goes down with it', 'go down with it'] : ['depends on it', 'depend on it'];
  const dependents = count === undefined ? '' : ` ${plural(count, 'other resource')} ${count === 1 ? one : many}.`;
  return `- ${finding.address}${where}: ${finding.action} in ${finding.environment}${why ? `, because ${why}` : ''}.${dataLoss}${dependents}`;
}

/** The changes that keep the resources, named for the actions that would change them, and that respect the limits. */
function configurationFix(report: Report, resources: readonly Finding[], planWide: readonly Finding[], platforms: ReadonlySet<Platform>): string {
  const actions = new Set(resources.map((f) => f.action));
  const fixes: string[] = [];
  if (actions.has('replace')) fixes.push('undo the change that forces the replacement, named above');
  const deleted = platformsOf(
    report,
    resources.filter((f) => f.action === 'delete'),
  );
  fixes.push(...inTableOrder(deleted).map((platform) => platform.keepDeleted));
  if (actions.has('update')) fixes.push('undo the in-place change');
  if (planWide.length > 0) fixes.push(`split the change into smaller ${reportNoun(report)}s, each within the limit`);
  const again = (inTableOrder(platforms)[0] ?? PLATFORMS.terraform).checkAgain;
  return `Safe next step: ${fixes.join('; ')}; then ${again}.`;
}

/** The platforms of the inputs the refused findings come from. */
function platformsOf(report: Report, findings: readonly Finding[]): Set<Platform> {
  const platforms = new Map(report.inputs.map((input) => [input.file, input.platform]));
  return new Set(findings.map((finding) => platforms.get(finding.file) ?? 'terraform'));
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
  const lines = [
    `blast-radius refused this ${reportNoun(report)}: it would ${blockedClause(report)}${underConfiguration(report)}. Do not apply it.`,
    ...reasons.slice(0, MAX_LISTED),
  ];
  if (reasons.length > MAX_LISTED) lines.push(`- and ${reasons.length - MAX_LISTED} more.`);
  const platforms = platformsOf(report, [...resources, ...planWide]);
  lines.push(configurationFix(report, resources, planWide, platforms));
  if (hasOtherChanges(report, resources.length)) lines.push(...inTableOrder(platforms).map((platform) => platform.otherChangesAlone));
  if (report.approveCommand !== undefined) {
    lines.push(
      `If the change is intended, stop and ask a human to review it and run \`${report.approveCommand}\` in their own terminal (you cannot run it); then run the same command again. Do not work around this check.`,
    );
  } else {
    lines.push(`If the change is intended, stop and ask a human to review and apply the ${reportNoun(report)}; do not work around this check.`);
  }
  lines.push(...expiredApprovalLine(report));
  return `${lines.join('\n')}\n`;
}
