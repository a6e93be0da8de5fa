// protection-weakened: an in-place update that switches off deletion protection, a final snapshot, backups or a
// recovery window, read from the kept attributes by the protection table; never a strengthening, a delete, or an
// update whose old value was already weak.
import rule from '../../../src/policy/rules/protection-weakened.js';
import { ruleCases } from '../../helpers/rule-cases.js';

const PROD = { name: 'production', protected: true };
const DEV = { name: 'development', protected: false };
const rds = { type: 'aws_db_instance', action: 'update' as const };

ruleCases(rule, {
  flag: [
    {
      change: { ...rds, keptAttributes: { deletion_protection: { before: true, after: false } } },
      environment: PROD,
      messageId: 'weakened',
      data: { weakenings: 'deletion protection (deletion_protection true → false)', environment: 'production' },
    },
    {
      change: { ...rds, keptAttributes: { skip_final_snapshot: { before: null, after: true }, backup_retention_period: { before: 14, after: 0 } } },
      environment: DEV,
      messageId: 'weakened',
      data: { weakenings: 'the final snapshot (skip_final_snapshot false → true); the retention of automated backups (backup_retention_period 14 → 0)' },
    },
    {
      change: { ...rds, keptAttributes: { deletion_protection: { before: true, after: { unknown: 'until-apply' } } } },
      environment: PROD,
      messageId: 'mayWeaken',
      data: { weakenings: 'deletion protection (deletion_protection true → a value known only after apply)' },
    },
    {
      change: {
        type: 'google_sql_database_instance',
        action: 'update',
        keptAttributes: { 'settings.backup_configuration.point_in_time_recovery_enabled': { before: true, after: false } },
      },
      environment: PROD,
      messageId: 'weakened',
    },
    {
      change: { type: 'aws:kms/key:Key', source: 'pulumi', action: 'update', keptAttributes: { deletion_window_in_days: { before: null, after: 7 } } },
      environment: PROD,
      messageId: 'weakened',
      data: { weakenings: 'the key deletion window (deletion_window_in_days 30 → 7)' },
    },
    {
      change: {
        type: 'PersistentVolume',
        source: 'kubernetes',
        action: 'update',
        keptAttributes: { 'spec.persistentVolumeReclaimPolicy': { before: 'Retain', after: 'Delete' } },
      },
      environment: PROD,
      messageId: 'weakened',
      data: { weakenings: 'the reclaim policy Retain (spec.persistentVolumeReclaimPolicy "Retain" → "Delete")' },
    },
  ],
  pass: [
    {
      change: { ...rds, keptAttributes: { deletion_protection: { before: false, after: true }, backup_retention_period: { before: 7, after: 35 } } },
      environment: PROD,
    },
    { change: { ...rds, keptAttributes: { deletion_protection: { before: false, after: false } } }, environment: PROD },
    { change: { ...rds, action: 'delete', keptAttributes: { deletion_protection: { before: true } } }, environment: PROD },
    { change: { ...rds, keptAttributes: { deletion_protection: { before: { unknown: 'sensitive' }, after: false } } }, environment: PROD },
    { change: { ...rds, keptAttributes: { deletion_protection: { before: true, after: { unknown: 'sensitive' } } } }, environment: PROD },
    { change: { type: 'aws_instance', action: 'update' }, environment: PROD },
    {
      change: { ...rds, keptAttributes: { backup_retention_period: { before: 14, after: 1 } } },
      environment: PROD,
      options: { ignore: ['aws_db_instance.backup_retention_period'] },
    },
  ],
});
