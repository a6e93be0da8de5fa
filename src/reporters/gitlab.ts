// GitLab Code Quality reporter: the JSON array of issues `artifacts:reports:codequality` takes (the subset of the Code
// Climate spec documented at https://docs.gitlab.com/ci/testing/code_quality/#implement-a-custom-tool), one per finding.
import { sha256Hex } from '../approvals/sha256.js';
import { displayName, STDIN, type Finding, type Report } from '../model.js';
import { inputFile } from './input-file.js';

/** GitLab's documented severities, from least to most severe. */
type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/**
 * A blocking finding stops the apply, so it is a `blocker`; one an exception or approval waived still destroys a
 * protected resource, so it stays `major` rather than disappearing among minor issues.
 */
function severity(finding: Finding): CodeQualitySeverity {
  if (finding.severity === 'error') return finding.waived ? 'major' : 'blocker';
  return finding.severity === 'warning' ? 'minor' : 'info';
}

/** A waived finding says who waived it, until when and why, and where the waiver is: the configuration file or the approvals store. */
function description(report: Report, finding: Finding): string {
  if (!finding.waived) return finding.message;
  const { by, expires, reason, fingerprint } = finding.waived;
  const source = fingerprint === undefined ? `an exception in ${report.config ?? 'the configuration'}` : `the approval of fingerprint ${fingerprint}`;
  return `${finding.message} Waived by ${by} until ${expires} (${source}): ${reason}`;
}

/**
 * GitLab keeps one issue per fingerprint and compares fingerprints between the merge request and its target branch,
 * so the fingerprint hashes what identifies the finding (rule, message, input, address), never its wording or order.
 */
function identity(finding: Finding, path: string): string {
  return [finding.ruleId, finding.messageId, path, finding.address].join('\0');
}

function fingerprintOf(identityText: string): string {
  return sha256Hex(identityText).slice(0, 32);
}

export default function formatGitlab(report: Report): string {
  const seen = new Map<string, number>();
  const issues = report.findings.map((finding): CodeQualityIssue => {
    // Plans carry no line numbers for resources: an issue names the plan file, at its first line.
    const path = inputFile(report, finding.file) ?? displayName(STDIN);
    const key = identity(finding, finding.file);
    // Two findings that are the same by every field above stay two issues: the second hashes its occurrence too.
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      description: description(report, finding),
      check_name: `blast-radius/${finding.ruleId}`,
      fingerprint: fingerprintOf(occurrence === 0 ? key : `${key}\0${occurrence}`),
      severity: severity(finding),
      location: { path: path.split('\\').join('/'), lines: { begin: 1 } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
