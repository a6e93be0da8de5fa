// Other tools' type names for catalog entries: well-formed tables whose every value is a catalog key, read by impactOf (Pulumi tokens and CloudFormation types).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { impactOf } from '../../src/catalog/data-bearing.js';
import { TYPE_ALIAS_TABLES, catalogKey } from '../../src/catalog/type-aliases/index.js';
import { ROOT } from '../helpers/run-cli.js';

const FOLDER = join(ROOT, 'src', 'catalog', 'type-aliases');
const catalog = JSON.parse(readFileSync(join(ROOT, 'src', 'catalog', 'data-bearing-types.json'), 'utf8')) as Record<string, unknown>;
const tables = readdirSync(FOLDER)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(join(FOLDER, file), 'utf8')) as Record<string, string>] as const);

it.each(tables)('%s maps names to catalog keys, sorted, written as JSON.stringify(table, null, 2)', (file, table) => {
  for (const [type, key] of Object.entries(table)) expect([type, Object.hasOwn(catalog, key)]).toEqual([type, true]);
  expect(Object.keys(table)).toEqual(Object.keys(table).sort());
  expect(readFileSync(join(FOLDER, file), 'utf8')).toBe(`${JSON.stringify(table, null, 2)}\n`);
});

it.each(tables)('%s is read by catalogKey (listed in index.ts) and documented in the README', (file, table) => {
  for (const [type, key] of Object.entries(table)) expect(catalogKey(type)).toBe(key);
  expect(readFileSync(join(FOLDER, 'README.md'), 'utf8')).toContain(`## ${file}`);
});

it('names CloudFormation types as AWS::Service::Resource', () => {
  const [, cloudformation] = tables.find(([file]) => file === 'cloudformation.json') ?? ['', {}];
  expect(Object.keys(cloudformation).length).toBeGreaterThanOrEqual(30);
  for (const type of Object.keys(cloudformation)) expect(type).toMatch(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
});

it.each([
  ['AWS::RDS::DBInstance', 'aws_db_instance'],
  ['AWS::RDS::DBCluster', 'aws_rds_cluster'],
  ['AWS::S3::Bucket', 'aws_s3_bucket'],
  ['AWS::DynamoDB::Table', 'aws_dynamodb_table'],
  ['AWS::EC2::Volume', 'aws_ebs_volume'],
  ['AWS::EFS::FileSystem', 'aws_efs_file_system'],
  ['AWS::KMS::Key', 'aws_kms_key'],
  ['AWS::Route53::HostedZone', 'aws_route53_zone'],
])('impactOf(%s) is that of %s', (alias, key) => {
  expect(impactOf(alias)).toEqual(impactOf(key));
  expect(impactOf(alias)).toBeDefined();
});

it.each(['AWS::EC2::Instance', 'AWS::Lambda::Function', 'aws::rds::dbinstance', 'toString', '__proto__', 'constructor'])('has no impact for %j', (type) => {
  expect(impactOf(type)).toBeUndefined();
  expect(catalogKey(type)).toBe(type);
});

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
