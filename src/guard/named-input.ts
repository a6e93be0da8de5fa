// A guarded run checks a file it wrote in a private directory (or a descriptor path under /proc); its report names
// what the person ran instead (`terraform plan (run by guard)`, `kubectl diff (run by guard)`), never that path.
import type { Report } from '../model.js';

/** The report with every mention of `path` as an input file, and in a finding's message, replaced by `name`. */
export function withInputName(report: Report, path: string, name: string): Report {
  const rename = <T extends { file: string }>(entry: T): T => (entry.file === path ? { ...entry, file: name } : entry);
  const findings = report.findings.map((finding) => ({ ...rename(finding), message: finding.message.replaceAll(path, name) }));
  return { ...report, inputs: report.inputs.map(rename), findings, resources: report.resources.map(rename) };
}

/** How a guarded run's own preview is named in its report. */
export const runByGuard = (step: string): string => `${step} (run by guard)`;
