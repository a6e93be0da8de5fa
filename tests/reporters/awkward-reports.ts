// Reports that are hard to print, for the bounds and escaping of reporters: many destroyed resources, awkward
// addresses, several rules on one resource, and findings about a whole plan.
import { WHOLE_PLAN, type Finding, type Report, type ReportResource } from '../../src/model.js';
import { SAMPLE_REPORT } from './sample-report.js';

/** for_each keys a plan may really hold: quotes, brackets, Markdown, HTML, Mermaid syntax, unicode. */
export const AWKWARD_KEYS = [
  'eu "west"',
  '[x] (y)',
  'a|b',
  '`tick` ``double``',
  '<script>alert(1)</script>',
  '#quot; #35; &amp;',
  'end',
  'café 🚀 日本',
  'line\nbreak',
  '%% comment; classDef x fill:red',
  '*bold* _it_ ~~s~~',
];

/** A blocked report that replaces one protected resource per key (and destroys one more unprotected resource). */
export function reportDestroying(keys: readonly string[], environment = 'production'): Report {
  const resources: ReportResource[] = keys.map((key) => ({
    file: 'plans/data.json',
    address: `aws_db_instance.db[${JSON.stringify(key)}]`,
    type: 'aws_db_instance',
    action: 'replace',
    reason: 'changing engine forces replacement (replace_because_cannot_update)',
    environment: { name: environment, protected: true, rule: 'default-tag', evidence: 'tags.env', reason: `its tags say env = "${environment}"` },
  }));
  const findings: Finding[] = resources.map((resource) => ({
    ruleId: 'prod-replace',
    messageId: 'replaced',
    severity: 'error',
    file: resource.file,
    address: resource.address,
    action: resource.action,
    environment,
    message: `${resource.address} would be destroyed and then re-created. It is in ${environment}.`,
  }));
  return {
    ...SAMPLE_REPORT,
    findings: [...findings, ...SAMPLE_REPORT.findings.slice(1)],
    resources: [...resources, ...SAMPLE_REPORT.resources.slice(1)],
    summary: { ...SAMPLE_REPORT.summary, errors: findings.length, changes: resources.length + 3 },
  };
}

/** Keys `key-0` … for a plan of `count` destroyed resources. */
export function numberedKeys(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `key-${i}`);
}

/** The sample with more that blocks: a second rule on the replaced database, and a limit on the size of one plan. */
export function reportWithPlanWideLimit(): Report {
  const [replaced, ...rest] = SAMPLE_REPORT.findings;
  const secondRule: Finding = {
    ...replaced,
    ruleId: 'protected-type-destroy',
    message: `${replaced.message} The configuration protects every aws_db_instance.`,
  };
  const limit: Finding = {
    ruleId: 'too-many-destructive',
    messageId: 'tooMany',
    severity: 'error',
    file: 'plans/data.json',
    address: WHOLE_PLAN,
    action: 'delete',
    environment: '',
    message: 'plans/data.json deletes or replaces 2 resources; the configuration allows at most 1 in one plan.',
  };
  return {
    ...SAMPLE_REPORT,
    findings: [replaced, secondRule, limit, ...rest],
    summary: { ...SAMPLE_REPORT.summary, errors: 3 },
    rules: {
      ...SAMPLE_REPORT.rules,
      'protected-type-destroy': {
        description: 'Deleting or replacing a protected type.',
        severity: 'error',
        url: 'https://example.com/protected-type-destroy.md',
      },
      'too-many-destructive': { description: 'Too many deletes in one plan.', severity: 'error', url: 'https://example.com/too-many-destructive.md' },
    },
  };
}
