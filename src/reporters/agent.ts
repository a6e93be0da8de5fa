// Agent reporter: plain sentences a coding agent acts on (what was refused, why, the safe next step), at most
// MAX_AGENT_LINES lines; a passing plan is one sentence. Each platform's words: Terraform's moved and removed blocks
// and -target, Kubernetes' manifests, prune selectors and keep annotations.
import type { Finding, Report } from '../model.js';
import { isKubernetesFormat } from '../inputs/input-format.js';
import { expiredApprovalLine } from './approval-note.js';
import { blockedChanges, blockedClause } from './blocked-changes.js';
import { configurationName } from './configuration-name.js';
import { plural } from './plural.js';
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
    return `blast-radius passed this plan: its destructive changes were approved by a person (${by}: ${reason}), so it may be applied exactly as it is; any other destructive change is refused again${underConfiguration(report)}.`;
  }
  const { waived, warnings } = report.summary;
  const waivers = waiverSummary(report);
  const notes = [...(waivers ? [`waived by an exception: ${waivers}`] : []), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
  const claim = waived > 0 ? 'nothing protected would be destroyed without an exception' : 'nothing protected would be destroyed';
  return `blast-radius passed this plan: ${claim}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}, so it may be applied${underConfiguration(report)}.`;
}

function refusedResource(report: Report, finding: Finding): string {
  const resource = report.resources.find((r) => r.file === finding.file && r.address === finding.address);
  const where = report.inputs.length > 1 ? ` (${finding.file})` : '';
  const why = [resource?.environment.reason, resource?.reason].filter(Boolean).join('; ');
  const dataLoss = finding.impact === 'data-loss' ? ' Its data would be lost.' : '';
  const count = finding.dependents?.count;
  // A Kubernetes object's dependents are deleted with it (cascades); a Terraform resource's refer to it.
  const [one, many] = platformsOf(report, [finding]).has('kubernetes') ? ['goes down with it', 'go down with it'] : ['depends on it', 'depend on it'];
  const dependents = count === undefined ? '' : ` ${plural(count, 'other resource')} ${count === 1 ? one : many}.`;
  return `- ${finding.address}${where}: ${finding.action} in ${finding.environment}${why ? `, because ${why}` : ''}.${dataLoss}${dependents}`;
}

/** How to keep a resource the change would delete, in the words of its platform. */
const KEEP_DELETED = {
  terraform:
    'restore the removed configuration, add a `moved` block if the resource was renamed or moved into a module, or a `removed` block with `lifecycle { destroy = false }` to stop managing it without destroying it',
  kubernetes:
    'keep the object in the manifests you apply (or outside the prune selector), do not delete the namespace of objects that must stay, or annotate the object for the tool that deletes it (`helm.sh/resource-policy: keep`, Argo CD `Prune=false`, Flux `prune: disabled`)',
};

/** The changes that keep the resources, named for the actions that would change them, and that respect the limits. */
function configurationFix(report: Report, resources: readonly Finding[], planWide: readonly Finding[], platforms: ReadonlySet<Platform>): string {
  const actions = new Set(resources.map((f) => f.action));
  const fixes: string[] = [];
  if (actions.has('replace')) fixes.push('undo the change that forces the replacement, named above');
  const deleted = platformsOf(report, resources.filter((f) => f.action === 'delete'));
  fixes.push(...[...deleted].map((platform) => KEEP_DELETED[platform]));
  if (actions.has('update')) fixes.push('undo the in-place change');
  if (planWide.length > 0) fixes.push('split the change into smaller plans, each within the limit');
  const again = platforms.has('terraform') ? 'plan and check again' : 'diff and check again';
  return `Safe next step: ${fixes.join('; ')}; then ${again}.`;
}

type Platform = keyof typeof KEEP_DELETED;

/** The platforms of the inputs the refused findings come from. */
function platformsOf(report: Report, findings: readonly Finding[]): Set<Platform> {
  const formats = new Map(report.inputs.map((input) => [input.file, input.format]));
  return new Set(findings.map((finding): Platform => (isKubernetesFormat(formats.get(finding.file)) ? 'kubernetes' : 'terraform')));
}

/** How to go ahead with the rest of the change alone, per platform. */
const OTHER_CHANGES_ALONE: Record<Platform, string> = {
  terraform: 'To apply only the other changes now, plan with `-target=<address>` for each resource you mean to change, and check that plan.',
  kubernetes: 'To apply only the other changes now, apply only their manifests (without the prune flags), and check that diff first.',
};

/** Whether the plan changes anything besides the resources it was refused for. */
function hasOtherChanges(report: Report, refused: number): boolean {
  const { changes, byAction } = report.summary;
  return changes - (byAction['no-op'] ?? 0) - (byAction.read ?? 0) > refused;
}

export default function formatAgent(report: Report): string {
  if (report.verdict === 'pass') return `${passSentence(report)}\n`;
  const { resources, planWide } = blockedChanges(report);
  const reasons = [...resources.map((finding) => refusedResource(report, finding)), ...planWide.map((finding) => `- ${finding.message}`)];
  const lines = [`blast-radius refused this plan: it would ${blockedClause(report)}${underConfiguration(report)}. Do not apply it.`, ...reasons.slice(0, MAX_LISTED)];
  if (reasons.length > MAX_LISTED) lines.push(`- and ${reasons.length - MAX_LISTED} more.`);
  const platforms = platformsOf(report, [...resources, ...planWide]);
  lines.push(configurationFix(report, resources, planWide, platforms));
  if (hasOtherChanges(report, resources.length)) lines.push(...[...platforms].map((platform) => OTHER_CHANGES_ALONE[platform]));
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
