// Markdown reporter (GitHub-flavoured Markdown, https://github.github.com/gfm/) for a PR comment or
// $GITHUB_STEP_SUMMARY: verdict first, blocking findings, the rest folded in <details>, a Mermaid graph.
import { blocks, DESTRUCTIVE_ACTIONS, type Finding, type Report, type ReportResource } from '../model.js';
import { PLATFORMS } from '../platforms/index.js';
import { approvalNote } from './approval-note.js';
import { blockedClause, isPlanWide } from './blocked-changes.js';
import { joinWords } from './join-words.js';
import { configurationName } from './configuration-name.js';
import { codeSpan, markdownText, table } from './markdown-text.js';
import { mermaidGraph } from './mermaid-graph.js';
import { plural } from './plural.js';
import { recoverabilitySentence, recoverabilityWords } from './recoverability-words.js';
import { reportNoun } from './report-noun.js';

/** The hidden line the GitHub Action finds its own comment by, to update it instead of adding another. */
export const COMMENT_MARKER = '<!-- blast-radius -->';

/** Rows beyond this are counted, not listed: a PR comment holds at most 65,536 characters. */
export const MAX_TABLE_ROWS = 50;

function resourceOf(report: Report, finding: Finding): ReportResource | undefined {
  return report.resources.find((resource) => resource.file === finding.file && resource.address === finding.address);
}

function verdictLine(report: Report): string {
  if (report.verdict === 'block') return `### ⛔ Blocked: the ${reportNoun(report)} would ${markdownText(blockedClause(report))}`;
  const { waived, warnings } = report.summary;
  const notes = [...(waived > 0 ? [`${waived} waived by an exception`] : []), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
  const claim = waived > 0 ? 'nothing protected would be destroyed without an exception' : 'nothing protected would be destroyed';
  return `### ✅ Passed: ${claim}${notes.length === 0 ? '' : ` (${notes.join(', ')} below)`}`;
}

function countsLine(report: Report): string {
  const { summary } = report;
  const severities = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), `${summary.infos} info`];
  if (summary.waived > 0) severities.push(`${summary.waived} waived`);
  const actions = Object.entries(summary.byAction).map(([action, n]) => `${n} ${action}`);
  const plans = joinWords(report.inputs.map((input) => codeSpan(input.file)));
  const advice = report.verdict === 'block' ? `**Do not apply this ${reportNoun(report)}.** ` : '';
  return `${advice}${severities.join(', ')}; ${plural(summary.changes, 'resource change')}${actions.length ? ` (${actions.join(', ')})` : ''} in ${plans}.`;
}

function ruleLink(report: Report, ruleId: string): string {
  return `[${markdownText(ruleId)}](${report.rules[ruleId].url})`;
}

function bounded<T>(items: readonly T[]): { shown: readonly T[]; more: string[] } {
  const hidden = items.length - MAX_TABLE_ROWS;
  const more = hidden > 0 ? ['', `… and ${hidden} more: see the text or JSON report.`] : [];
  return { shown: items.slice(0, MAX_TABLE_ROWS), more };
}

/** Why a blocking finding blocks: why its resource is in that environment, and why it is destroyed. */
function whyItBlocks(report: Report, finding: Finding): string {
  const resource = resourceOf(report, finding);
  if (!resource) return markdownText(finding.message);
  return markdownText([resource.environment.reason, resource.reason].filter(Boolean).join('; '));
}

/** What depends on a destroyed resource: a count, with data loss said plainly when the catalog knows the type. */
function goesDownWithIt(finding: Finding): string {
  const dependents = finding.dependents ? plural(finding.dependents.count, 'dependent resource') : 'no known dependents';
  const words = recoverabilityWords(finding);
  if (words !== undefined) {
    const lead = finding.recoverability?.outcome === 'lost' ? `**${words.lead}**` : words.lead;
    return `${lead}: ${markdownText(words.why)}; ${dependents}`;
  }
  return finding.impact === 'data-loss' ? `**data loss**; ${dependents}` : dependents;
}

function blockingTable(report: Report): string[] {
  const { shown, more } = bounded(report.findings.filter(blocks));
  if (shown.length === 0) return [];
  const rows = shown.map((f) =>
    isPlanWide(f)
      ? ['the whole plan', '—', '—', ruleLink(report, f.ruleId), markdownText(f.message), '—']
      : [codeSpan(f.address), f.action, markdownText(f.environment), ruleLink(report, f.ruleId), whyItBlocks(report, f), goesDownWithIt(f)],
  );
  return ['', ...table(['Resource', 'Action', 'Environment', 'Rule', 'Why', 'Goes down with it'], rows), ...more];
}

function severityLabel(finding: Finding): string {
  if (!finding.waived) return finding.severity;
  const { by, expires, reason } = finding.waived;
  return `${finding.severity}, waived by ${markdownText(by)} until ${markdownText(expires)} (${markdownText(reason)})`;
}

function details(summary: string, body: readonly string[]): string[] {
  return ['', '<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>'];
}

function otherFindings(report: Report): string[] {
  const others = report.findings.filter((f) => !blocks(f));
  if (others.length === 0) return [];
  const { shown, more } = bounded(others);
  const rows = shown.map((f) => [
    severityLabel(f),
    codeSpan(f.address),
    ruleLink(report, f.ruleId),
    markdownText([f.message, recoverabilitySentence(f)].filter(Boolean).join(' ')),
  ]);
  const count = (severity: Finding['severity']): number => others.filter((f) => f.severity === severity).length;
  const counts = [
    count('error') > 0 ? plural(count('error'), 'waived error') : '',
    count('warning') > 0 ? plural(count('warning'), 'warning') : '',
    count('info') > 0 ? `${count('info')} info` : '',
  ].filter(Boolean);
  return details(`${counts.join(', ')}: not blocking`, [...table(['Severity', 'Resource', 'Rule', 'Message'], rows), ...more]);
}

function graph(report: Report): string[] {
  const source = mermaidGraph(report);
  if (source === undefined) return [];
  const destroyed = report.resources.filter((r) => DESTRUCTIVE_ACTIONS.has(r.action)).length;
  return details(`Graph of the ${plural(destroyed, 'destroyed resource')}, by environment`, ['```mermaid', source, '```']);
}

function environmentsTable(report: Report): string[] {
  if (report.resources.length === 0) return [];
  const { shown, more } = bounded(report.resources);
  const rows = shown.map((r) => [
    codeSpan(r.address),
    r.action,
    markdownText(r.environment.name),
    r.environment.protected ? 'yes' : 'no',
    markdownText(r.environment.reason),
  ]);
  return details(`Environments of the ${plural(report.resources.length, 'touched resource')}`, [
    ...table(['Resource', 'Action', 'Environment', 'Protected', 'Why'], rows),
    ...more,
  ]);
}

function footer(report: Report): string {
  const tools = report.inputs.map(
    (input) => `${markdownText(input.file)}${input.toolVersion ? ` (${PLATFORMS[input.platform].tool} ${input.toolVersion})` : ''}`,
  );
  return `<sub>${report.tool.name} ${report.tool.version} · ${tools.join(' · ')} · configuration: ${markdownText(configurationName(report))}</sub>`;
}

export default function formatMarkdown(report: Report): string {
  const lines = [
    COMMENT_MARKER,
    verdictLine(report),
    '',
    countsLine(report),
    ...blockingTable(report),
    ...approvalNote(report, { code: codeSpan, prose: markdownText }).flatMap((line) => ['', line]),
    ...otherFindings(report),
    ...graph(report),
    ...environmentsTable(report),
    '',
    footer(report),
  ];
  return `${lines.join('\n')}\n`;
}
