// Only the attributes the recoverability and protection tables name are kept of a plan's values, as booleans, numbers,
// listed enum values and presence; sensitive and unknown-until-apply values are kept as unknown, never as themselves.
import { analyzeTerraformPlan } from '../../../src/analyzers/terraform/analyze-plan.js';
import { collectKeptAttributes } from '../../../src/analyzers/terraform/kept-attributes.js';
import type { RawChange, RawPlan } from '../../../src/analyzers/terraform/plan-types.js';

function planOf(type: string, change: Partial<RawChange>): RawPlan {
  return {
    format_version: '1.2',
    resource_changes: [{ address: `${type}.main`, mode: 'managed', type, name: 'main', change: { actions: ['update'], ...change } }],
  };
}

const keptOf = (type: string, change: Partial<RawChange>) => analyzeTerraformPlan(planOf(type, change), 'plan.json', 0).changes[0].keptAttributes;

it('keeps the named attributes of both sides, and nothing else', () => {
  const before = { skip_final_snapshot: false, deletion_protection: true, password: 'hunter2', identifier: 'orders', backup_retention_period: 14 };
  const after = { ...before, deletion_protection: false, backup_retention_period: 0 };
  const kept = keptOf('aws_db_instance', { before, after, before_sensitive: { password: true }, after_sensitive: { password: true }, after_unknown: {} });
  expect(kept?.deletion_protection).toEqual({ before: true, after: false });
  expect(kept?.backup_retention_period).toEqual({ before: 14, after: 0 });
  expect(kept?.delete_automated_backups).toEqual({ before: null, after: null });
  expect(JSON.stringify(kept)).not.toContain('hunter2');
  expect(Object.keys(kept ?? {}).sort()).toEqual(['backup_retention_period', 'delete_automated_backups', 'deletion_protection', 'skip_final_snapshot']);
});

it('enters a nested block written as a list of one, and takes an empty block as not set', () => {
  const settings = (enabled: boolean) => [{ backup_configuration: [{ enabled, point_in_time_recovery_enabled: true }], final_backup_config: [] }];
  const kept = keptOf('google_sql_database_instance', { before: { settings: settings(true) }, after: { settings: settings(false) } });
  expect(kept?.['settings.backup_configuration.enabled']).toEqual({ before: true, after: false });
  expect(kept?.['settings.final_backup_config.enabled']).toEqual({ before: null, after: null });
});

it('keeps a sensitive value, or one under a sensitive block, as unknown', () => {
  const kept = keptOf('google_sql_database_instance', {
    before: { deletion_protection: true, settings: [{ deletion_protection_enabled: true }] },
    after: { deletion_protection: false, settings: [{ deletion_protection_enabled: false }] },
    before_sensitive: { deletion_protection: true },
    after_sensitive: { settings: true },
  });
  expect(kept?.deletion_protection).toEqual({ before: { unknown: 'sensitive' }, after: false });
  expect(kept?.['settings.deletion_protection_enabled']).toEqual({ before: true, after: { unknown: 'sensitive' } });
});

it('keeps a value known only after apply as unknown, whether Terraform leaves it out or writes null', () => {
  const kept = keptOf('aws_s3_bucket', { before: { force_destroy: false }, after: {}, after_unknown: { force_destroy: true } });
  expect(kept?.force_destroy).toEqual({ before: false, after: { unknown: 'until-apply' } });
  const nulled = keptOf('aws_s3_bucket', { before: { force_destroy: false }, after: { force_destroy: null }, after_unknown: { force_destroy: true } });
  expect(nulled?.force_destroy?.after).toEqual({ unknown: 'until-apply' });
});

it('keeps an enum value only when the table lists it, and of a string only whether it is set', () => {
  const pv = (policy: string) => ({ spec: [{ persistent_volume_reclaim_policy: policy }] });
  expect(keptOf('kubernetes_persistent_volume_v1', { before: pv('Retain'), after: pv('Something-Else') })?.['spec.persistent_volume_reclaim_policy']).toEqual({
    before: 'Retain',
    after: { unknown: 'unlisted' },
  });
  const group = keptOf('aws_elasticache_replication_group', {
    before: { final_snapshot_identifier: 'orders-final' },
    after: { final_snapshot_identifier: '' },
  });
  expect(group?.final_snapshot_identifier).toEqual({ before: true, after: false });
  expect(JSON.stringify(group)).not.toContain('orders-final');
});

it('keeps nothing of a type neither table names, and only the side a create or delete has', () => {
  expect(keptOf('aws_instance', { before: { disable_api_termination: true }, after: null })).toBeUndefined();
  expect(keptOf('aws_kms_key', { actions: ['delete'], before: { deletion_window_in_days: 7 }, after: null })).toEqual({
    deletion_window_in_days: { before: 7 },
  });
});

it('reads a block of several elements as no one value', () => {
  expect(
    keptOf('aws_dynamodb_table', { before: { point_in_time_recovery: [{ enabled: true }, { enabled: false }] } })?.['point_in_time_recovery.enabled'],
  ).toEqual({
    before: { unknown: 'unlisted' },
  });
});

it('leaves out a side that omits what its provider computes, rather than reading it as not set', () => {
  const kept = collectKeptAttributes('aws_rds_cluster', { values: { backup_retention_period: 7 } }, { values: {}, omitsComputed: true });
  expect(kept?.backup_retention_period).toEqual({ before: 7 });
});
