// The type-alias tables: every alias names a catalog entry, and impactOf reads a Pulumi token as the type it stands for.
import catalog from '../../src/catalog/data-bearing-types.json' with { type: 'json' };
import { impactOf } from '../../src/catalog/data-bearing.js';
import { TYPE_ALIAS_TABLES, catalogKey } from '../../src/catalog/type-aliases/index.js';

describe('type aliases', () => {
  it.each(Object.entries(TYPE_ALIAS_TABLES))('%s: every alias names a catalog entry, and no catalog type is an alias', (_tool, table) => {
    for (const [alias, key] of Object.entries(table)) {
      expect(Object.keys(catalog)).toContain(key);
      expect(Object.keys(catalog)).not.toContain(alias);
    }
  });

  it.each([
    ['aws:rds/instance:Instance', 'aws_db_instance'],
    ['aws:s3/bucket:Bucket', 'aws_s3_bucket'],
    ['aws:s3/bucketV2:BucketV2', 'aws_s3_bucket'],
    ['gcp:sql/databaseInstance:DatabaseInstance', 'google_sql_database_instance'],
    ['azure:storage/account:Account', 'azurerm_storage_account'],
    ['kubernetes:core/v1:PersistentVolumeClaim', 'PersistentVolumeClaim'],
  ])('reads %s as %s', (token, type) => {
    expect(catalogKey(token)).toBe(type);
    expect(impactOf(token)).toEqual(impactOf(type));
    expect(impactOf(token)).toBeDefined();
  });

  it('leaves a type without an alias as it is', () => {
    expect(catalogKey('aws_db_instance')).toBe('aws_db_instance');
    expect(impactOf('aws:lambda/function:Function')).toBeUndefined();
  });
});
