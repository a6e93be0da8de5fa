// GitHub Actions reporter: workflow commands (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands),
// one `::error`, `::warning` or `::notice` annotation per finding, then one plain summary line for the log.
import { blocks, type Finding, type Report, type Severity } from '../model.js';
import { isPlanWide } from './blocked-changes.js';
import { configurationName } from './configuration-name.js';
import { inputFile } from './input-file.js';
import { plural } from './plural.js';
import { recoverabilitySentence } from './recoverability-words.js';
import { workflowCommand } from './workflow-command.js';

const ANNOTATIONS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

function annotation(report: Report, finding: Finding): string {
  const { waived } = finding;
  // A waived error no longer blocks: it is shown as a warning that says who waived it.
  const command = waived ? 'warning' : ANNOTATIONS[finding.severity];
  const title = `${finding.ruleId}${waived ? ' (waived)' : ''}${isPlanWide(finding) ? '' : `: ${finding.address}`}`;
  const lines = [finding.message];
  const recoverability = recoverabilitySentence(finding);
  if (recoverability !== undefined) lines.push(recoverability);
  if (waived) lines.push(`Waived by ${waived.by} until ${waived.expires}: ${waived.reason}`);
  lines.push(report.rules[finding.ruleId].url);
  return workflowCommand(command, { title, file: inputFile(report, finding.file) }, lines.join('\n'));
}

function summaryLine(report: Report): string {
  const blocking = report.findings.filter(blocks).length;
  const verdict = report.verdict === 'block' ? `blocked: do not apply (${plural(blocking, 'blocking finding')})` : 'passed';
  const { warnings, infos, changes } = report.summary;
  return `blast-radius ${verdict}; ${plural(warnings, 'warning')}, ${infos} info; ${plural(changes, 'resource change')}; configuration: ${configurationName(report)}.`;
}

export default function formatGithub(report: Report): string {
  return `${[...report.findings.map((finding) => annotation(report, finding)), summaryLine(report)].join('\n')}\n`;
}
