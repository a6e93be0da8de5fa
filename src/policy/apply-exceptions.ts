// Applies the configuration's exceptions: a finding whose address and rule id an exception names is waived (it no
// longer blocks), and the report lists every exception with the addresses it waived, so that none goes unseen.
import type { CompiledException } from '../config/compiled-config.js';
import type { Finding, ReportException } from '../model.js';

export function applyExceptions(findings: Finding[], exceptions: readonly CompiledException[]): { findings: Finding[]; exceptions: ReportException[] } {
  const used = exceptions.map((exception) => ({ exception, waived: [] as string[] }));
  const result = findings.map((finding) => {
    const entry = used.find(
      ({ exception }) => exception.matches(finding.address) && (exception.rules.includes(finding.ruleId) || exception.rules.includes('*')),
    );
    if (!entry) return finding;
    entry.waived.push(finding.address);
    const { reason, by, expires } = entry.exception;
    return { ...finding, waived: { reason, by, expires } };
  });
  return {
    findings: result,
    exceptions: used.map(({ exception, waived }) => ({
      address: exception.address,
      rules: [...exception.rules],
      reason: exception.reason,
      by: exception.by,
      expires: exception.expires,
      waived,
    })),
  };
}
