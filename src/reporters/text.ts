// Text reporter for terminals: verdict first, findings grouped by input, one summary line last; colour via kleur.
import kleur from 'kleur';
import { blocks, type Finding, type Report, type Severity } from '../model.js';
import { PLATFORMS } from '../platforms/index.js';
import { approvalNote, expiredApprovalLine } from './approval-note.js';
import { UNJUDGED_CLAUSE } from './blocked-changes.js';
import { NAMESPACE_ADDRESS, namespaceDeletedReason } from '../analyzers/kubernetes/namespace-cascade.js';
import { configurationName } from './configuration-name.js';
import { plural } from './plural.js';
import { recoverabilitySentence } from './recoverability-words.js';
import { reportNoun } from './report-noun.js';
import { waiverSummary } from './waiver-summary.js';

const SEVERITY_STYLE: Record<Severity, (text: string) => string> = {
  error: (text) => kleur.red().bold(text),
  warning: (text) => kleur.yellow(text),
  info: (text) => kleur.cyan(text),
};

function headline(report: Report): string {
  if (report.verdict === 'block') {
    const unjudged = report.findings.filter((f) => blocks(f) && f.ruleId === 'unjudged-objects').length;
    // An update that weakens a protection destroys nothing yet: the headline says what it does.
    const weakened = report.findings.filter((f) => blocks(f) && f.ruleId === 'protection-weakened').length;
    const errors = report.summary.errors - unjudged - weakened;
    const lost = report.findings.filter((f) => blocks(f) && f.recoverability?.outcome === 'lost').length;
    const forGood = lost > 0 ? ` (${lost} lost for good)` : '';
    const dataLoss = report.summary.dataLoss > 0 ? `, ${report.summary.dataLoss} of them with data loss${forGood}` : '';
    // Objects that could not be judged are not known to be destroyed: the headline says what is known of them.
    const clauses = [
      ...(errors > 0 ? [`destroy or replace ${plural(errors, 'protected resource')}${dataLoss}`] : []),
      ...(weakened > 0 ? [`weaken what protects the data of ${plural(weakened, 'protected resource')}`] : []),
      ...(unjudged > 0 ? [UNJUDGED_CLAUSE] : []),
    ];
    return `${kleur.red().bold('BLOCKED')}  the ${reportNoun(report)} would ${clauses.join(', and ')}.`;
  }
  if (report.approval?.status === 'honoured') {
    return `${kleur.green().bold('PASS')}  a person approved what it destroys: ${plural(report.summary.waived, 'waived error')} (fingerprint ${report.approval.fingerprint}).`;
  }
  const destructive = report.findings.filter((f) => f.severity === 'warning').length;
  const warned = destructive === 0 ? '' : ` (${plural(destructive, 'warning')} below)`;
  // A waived production destroy is still a destroy: the headline says so, and who waived it until when.
  const waivers = waiverSummary(report);
  if (waivers) return `${kleur.green().bold('PASS')}  nothing protected is destroyed without an exception${warned}; waived: ${waivers}.`;
  const rest = destructive === 0 ? 'nothing is destroyed.' : `nothing protected is destroyed${warned}.`;
  return `${kleur.green().bold('PASS')}  ${rest}`;
}

function findingLines(finding: Finding): string[] {
  if (finding.waived) {
    const { reason, by, expires, fingerprint } = finding.waived;
    const waiver = fingerprint === undefined ? 'Waived by an exception' : 'Approved by a person';
    return [
      `  ${kleur.dim(fingerprint === undefined ? 'waived ' : 'approved')}  ${kleur.bold(finding.address)}  ${kleur.dim(finding.ruleId)}`,
      `           ${finding.message}`,
      `           ${waiver}: ${reason} (${by}, until ${expires}).`,
    ];
  }
  const severity = SEVERITY_STYLE[finding.severity](finding.severity.padEnd(7));
  // Information fits on one line: its message already names the address.
  if (finding.severity === 'info') return [`  ${severity}  ${finding.message}  ${kleur.dim(finding.ruleId)}`];
  const environment = finding.environment ? kleur.dim(` [${finding.environment}]`) : '';
  const lines = [`  ${severity}  ${kleur.bold(finding.address)}${environment}  ${kleur.dim(finding.ruleId)}`, `           ${finding.message}`];
  const recoverability = recoverabilitySentence(finding);
  if (recoverability !== undefined) lines.push(`           ${finding.recoverability?.outcome === 'lost' ? kleur.red().bold(recoverability) : recoverability}`);
  if (finding.dependents) {
    const { count, paths } = finding.dependents;
    const more = count > paths.length ? ` and ${count - paths.length} more` : '';
    lines.push(`           ${plural(count, 'resource')} depend${count === 1 ? 's' : ''} on it: ${paths.join('; ')}${more}.`);
  }
  return lines;
}

/** A file lists this many findings at most; the rest are counted, and the JSON report has them all. */
export const MAX_TEXT_FINDINGS = 50;

/**
 * Findings about objects deleted only because their namespace is, by the address of that namespace when the file has a
 * finding about it: text lists them under it as a count (JSON keeps each). Waived findings are always listed.
 */
function namespaceCascades(report: Report, findings: readonly Finding[]): Map<string, Finding[]> {
  const namespaces = new Map<string, string>();
  for (const finding of findings) {
    const name = NAMESPACE_ADDRESS.exec(finding.address)?.[1];
    if (name !== undefined) namespaces.set(namespaceDeletedReason(name), finding.address);
  }
  const grouped = new Map<string, Finding[]>();
  if (namespaces.size === 0) return grouped;
  const reasons = new Map(report.resources.map((resource) => [`${resource.file}\n${resource.address}`, resource.reason]));
  for (const finding of findings) {
    const reason = reasons.get(`${finding.file}\n${finding.address}`);
    const namespace = reason === undefined ? undefined : namespaces.get(reason);
    if (namespace === undefined || finding.waived) continue;
    grouped.set(namespace, [...(grouped.get(namespace) ?? []), finding]);
  }
  return grouped;
}

/** `and 9 objects in it: 9 errors`, under the namespace's finding. */
function containedLine(contained: readonly Finding[]): string {
  const count = (severity: Severity): number => contained.filter((f) => f.severity === severity).length;
  const severities = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), `${count('info')} info`].filter((s) => !s.startsWith('0 '));
  return `           and ${plural(contained.length, 'object')} in it, deleted with it: ${severities.join(', ')} (each one in --format json).`;
}

/** The lines of one file's findings: objects of a deleted namespace under it, at most MAX_TEXT_FINDINGS findings. */
function fileLines(report: Report, findings: readonly Finding[]): string[] {
  const grouped = namespaceCascades(report, findings);
  const contained = new Set([...grouped.values()].flat());
  const listed = findings.filter((f) => !contained.has(f));
  const lines: string[] = [];
  for (const finding of listed.slice(0, MAX_TEXT_FINDINGS)) {
    lines.push(...findingLines(finding));
    const inIt = grouped.get(finding.address);
    if (inIt) lines.push(containedLine(inIt));
    grouped.delete(finding.address);
  }
  // Past the cap, the objects of a namespace not listed are counted with it.
  const hidden = Math.max(0, listed.length - MAX_TEXT_FINDINGS) + [...grouped.values()].flat().length;
  if (hidden > 0) lines.push(`  … and ${plural(hidden, 'more finding')} (see --format json).`);
  return lines;
}

function inputHeading(report: Report, file: string): string {
  const input = report.inputs.find((i) => i.file === file);
  const tool = input?.toolVersion ? `, ${PLATFORMS[input.platform].tool} ${input.toolVersion}` : '';
  return kleur.underline(file) + kleur.dim(` (${input?.format ?? 'input'}${tool})`);
}

function summaryLine(report: Report): string {
  const { summary } = report;
  const actions = Object.entries(summary.byAction)
    .map(([action, n]) => `${n} ${action}`)
    .join(', ');
  const waived = summary.waived > 0 ? `, ${summary.waived} waived` : '';
  const severities = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} info${waived}`;
  return `${report.verdict === 'block' ? 'blocked' : 'passed'}: ${severities}; ${plural(summary.changes, 'resource change')}${actions ? ` (${actions})` : ''}.`;
}

/** How the report is used: `approving` is the screen of `blast-radius approve`, where a person decides to apply it. */
export interface TextOptions {
  approving?: boolean;
}

export default function formatText(report: Report, { approving = false }: TextOptions = {}): string {
  const lines = [headline(report), ''];
  const files = [...new Set(report.findings.map((f) => f.file))];
  for (const file of files) {
    lines.push(inputHeading(report, file));
    lines.push(
      ...fileLines(
        report,
        report.findings.filter((f) => f.file === file),
      ),
    );
    lines.push('');
  }
  const unused = report.exceptions.filter((e) => e.waived.length === 0);
  if (unused.length > 0) lines.push(`Exceptions that waived nothing: ${unused.map((e) => `${e.address} (${e.rules.join(', ')})`).join('; ')}.`, '');
  if (report.verdict === 'block') {
    const ids = [...new Set(report.findings.filter((f) => f.severity === 'error' && !f.waived).map((f) => f.ruleId))];
    const urls = ids.map((id) => report.rules[id]?.url ?? id).join(' ');
    // The approver is the one person who may apply it: the screen tells them why it blocks, not not to apply.
    const advice = approving ? 'Why these rules block' : `Do not apply this ${reportNoun(report)}. Why these rules block`;
    lines.push(`${advice}, and how to fix or allow-list them: ${urls}`, '');
  }
  const style = { code: (text: string) => kleur.bold(text), prose: (text: string) => text };
  const approval = approving ? expiredApprovalLine(report, style) : approvalNote(report, style);
  if (approval.length > 0) lines.push(...approval, '');
  lines.push(`Configuration: ${configurationName(report)}`, summaryLine(report));
  return `${lines.join('\n')}\n`;
}
