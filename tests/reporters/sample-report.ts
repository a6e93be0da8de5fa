// One Report shared by every reporter test: a block, a warning and drift over two inputs, with awkward characters.
import type { Report } from '../../src/model.js';

export const SAMPLE_REPORT: Report = {
  schemaVersion: 1,
  tool: { name: 'blast-radius', version: '0.1.0' },
  verdict: 'block',
  inputs: [
    { file: 'plans/network.json', format: 'terraform-plan', platform: 'terraform', formatVersion: '1.2', toolVersion: '1.11.4' },
    { file: 'plans/data.json', format: 'terraform-plan', platform: 'terraform', formatVersion: '1.2', toolVersion: '1.9.8' },
  ],
  findings: [
    {
      ruleId: 'prod-replace',
      messageId: 'replaced',
      severity: 'error',
      file: 'plans/data.json',
      address: 'module.db["eu \\"west\\""].aws_db_instance.main',
      action: 'replace',
      environment: 'production',
      impact: 'data-loss',
      recoverability: { outcome: 'lost', why: 'skip_final_snapshot = true and automated backups are deleted with the instance' },
      message:
        'module.db["eu \\"west\\""].aws_db_instance.main would be destroyed and then re-created because changing storage_encrypted forces replacement (replace_because_cannot_update). It is in production: its tags say Environment = "production".',
    },
    {
      ruleId: 'unknown-env-delete',
      messageId: 'destroyed',
      severity: 'warning',
      file: 'plans/network.json',
      address: 'aws_route53_record.café',
      action: 'delete',
      environment: 'unknown',
      recoverability: { outcome: 'unknown', why: 'blast-radius has no recoverability data for aws_route53_record' },
      message:
        'aws_route53_record.café would be destroyed because its block was removed from the configuration (delete_because_no_resource_config). It is in an unknown environment: no environment tag, name or root variable says which environment it belongs to.',
    },
    {
      ruleId: 'resource-drift',
      messageId: 'changed',
      severity: 'info',
      file: 'plans/network.json',
      address: 'aws_s3_bucket.logs',
      action: 'update',
      environment: 'unknown',
      message: 'aws_s3_bucket.logs changed outside Terraform since the last apply (update).',
    },
  ],
  resources: [
    {
      file: 'plans/data.json',
      address: 'module.db["eu \\"west\\""].aws_db_instance.main',
      type: 'aws_db_instance',
      action: 'replace',
      reason: 'changing storage_encrypted forces replacement (replace_because_cannot_update)',
      environment: {
        name: 'production',
        protected: true,
        rule: 'default-tag',
        evidence: 'tags.Environment',
        reason: 'its tags say Environment = "production"',
      },
    },
    {
      file: 'plans/network.json',
      address: 'aws_route53_record.café',
      type: 'aws_route53_record',
      action: 'delete',
      reason: 'its block was removed from the configuration (delete_because_no_resource_config)',
      environment: {
        name: 'unknown',
        protected: false,
        rule: 'no-evidence',
        reason: 'no environment tag, name or root variable says which environment it belongs to',
      },
    },
  ],
  summary: {
    errors: 1,
    waived: 0,
    warnings: 1,
    infos: 1,
    changes: 4,
    byAction: { replace: 1, delete: 1, 'no-op': 2 },
    byEnvironment: { production: 1, unknown: 1 },
    byEnvironmentAndAction: { production: { replace: 1 }, unknown: { delete: 1 } },
    dataLoss: 1,
    outputsByAction: {},
  },
  rules: {
    'prod-replace': {
      description: 'Replacing (destroying and re-creating) a resource in a protected environment.',
      severity: 'error',
      url: 'https://github.com/blast-radius/blast-radius/blob/main/docs/rules/prod-replace.md',
    },
    'unknown-env-delete': {
      description: 'Deleting a resource whose environment nothing in the input reveals.',
      severity: 'warning',
      url: 'https://github.com/blast-radius/blast-radius/blob/main/docs/rules/unknown-env-delete.md',
    },
    'resource-drift': {
      description: 'A resource changed outside Terraform since it was last applied; the plan is based on what exists now.',
      severity: 'info',
      url: 'https://github.com/blast-radius/blast-radius/blob/main/docs/rules/resource-drift.md',
    },
  },
  exceptions: [],
  fingerprint: '5d41402abc4b2a76b9719d911017c592',
  approveCommand: 'blast-radius approve 5d41402abc4b2a76b9719d911017c592 plans/prod.json',
};

export const PASSING_REPORT: Report = {
  ...SAMPLE_REPORT,
  fingerprint: undefined,
  approveCommand: undefined,
  verdict: 'pass',
  findings: SAMPLE_REPORT.findings.slice(1),
  resources: SAMPLE_REPORT.resources.slice(1),
  summary: {
    ...SAMPLE_REPORT.summary,
    errors: 0,
    byAction: { delete: 1, 'no-op': 2 },
    changes: 3,
    byEnvironment: { unknown: 1 },
    byEnvironmentAndAction: { unknown: { delete: 1 } },
    dataLoss: 0,
  },
};
