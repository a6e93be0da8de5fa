// Cloud, IaC and container CLI commands against their catalogs, in a fake home: refused on production with what
// goes, why it is production and whether the data comes back; "cannot tell" where nothing names the environment;
// silent elsewhere. Profiles and configurations are read as doctor reads them (names and ids only).
import { AWS_CONFIG, AWS_CREDENTIALS, expectNoSecret, fakeHome, type FakeHome } from '../credentials/fake-home.js';
import { loadToolConfig } from '../../src/tools/cli/load-tool-config.js';
import { readTool } from '../../src/tools/tool-readers.js';

let fake: FakeHome;
beforeAll(() => {
  fake = fakeHome({
    '.aws/config': AWS_CONFIG,
    '.aws/credentials': AWS_CREDENTIALS,
    'broken/.aws/config': '[profile x\nregion = eu-west-1\n',
    'az-prod/azureProfile.json': JSON.stringify({ subscriptions: [{ id: '66666666-7777-8888-9999-000000000000', name: 'payments-prod', isDefault: true }] }),
    'gcloud-broken/active_config': 'no such/name\n',
  });
});
afterAll(() => fake.remove());

type Expected = 'deny' | 'cannot-tell' | 'pass';

/** Words split on spaces; `⎵` stands for a space inside one word. */
function verdict(command: string, env: NodeJS.ProcessEnv = {}, home = fake.home): { expected: Expected; why: string } {
  const words = command.split(' ').map((word) => word.replace(/⎵/g, ' '));
  const destructive = readTool(words, { env, home });
  if (destructive === undefined) return { expected: 'pass', why: '' };
  return { expected: destructive.cannotTell ? 'cannot-tell' : 'deny', why: destructive.why };
}

const ROWS: [string, NodeJS.ProcessEnv, Expected][] = [
  // AWS: the names it destroys, then the profile in effect
  ['aws rds delete-db-instance --db-instance-identifier payments-prod --skip-final-snapshot', {}, 'deny'],
  ['aws rds delete-db-instance --db-instance-identifier=payments-prod', {}, 'deny'],
  ['aws --region eu-west-1 rds delete-db-instance --db-instance-id payments-prod', {}, 'deny'],
  ['aws rds delete-db-instance --db-instance-identifier scratch-dev --skip-final-snapshot', {}, 'pass'],
  ['aws rds delete-db-instance --db-instance-identifier orders', {}, 'cannot-tell'],
  ['aws rds delete-db-instance --db-instance-identifier orders', { AWS_PROFILE: 'prod-admin' }, 'deny'],
  ['aws --profile prod-admin rds delete-db-instance --db-instance-identifier orders', {}, 'deny'],
  ['aws rds delete-db-instance --db-instance-identifier orders --profile prod-admin', {}, 'deny'],
  ['aws rds delete-db-instance --db-instance-identifier orders', { AWS_PROFILE: 'product-dev' }, 'pass'],
  ['aws rds delete-db-instance --db-instance-identifier orders-staging', { AWS_PROFILE: 'prod-admin' }, 'deny'],
  ['aws rds delete-db-instance --db-instance-identifier $DB', { AWS_PROFILE: 'product-dev' }, 'pass'],
  ['aws s3 rb s3://payments-prod-logs --force', {}, 'deny'],
  ['aws s3 rm s3://payments-prod-logs/2026/ --recursive', {}, 'deny'],
  ['aws s3 sync ./site s3://www-prod --delete', {}, 'deny'],
  ['aws s3 sync ./site s3://www-prod', {}, 'pass'],
  ['aws dynamodb delete-table --table-name orders-prod', {}, 'deny'],
  ['aws ec2 terminate-instances --instance-ids i-0abc', {}, 'cannot-tell'],
  ['aws cloudformation delete-stack --stack-name payments-prod', {}, 'deny'],
  ['aws secretsmanager delete-secret --secret-id prod/db --force-delete-without-recovery', {}, 'deny'],
  // read-only and unrelated operations pass silently, whatever the environment
  ['aws s3 ls s3://payments-prod-logs', { AWS_PROFILE: 'prod-admin' }, 'pass'],
  ['aws rds describe-db-instances --db-instance-identifier payments-prod', {}, 'pass'],
  ['aws sts get-caller-identity', { AWS_PROFILE: 'prod-admin' }, 'pass'],
  ['aws rds create-db-snapshot --db-instance-identifier payments-prod --db-snapshot-identifier before', {}, 'pass'],
  ['aws --version', {}, 'pass'],
  ['aws s3 rm s3://payments-prod-logs/2026/ --recursive --dryrun', {}, 'pass'],
  // Pulumi, CDK, SAM, Serverless: the stack or stage names the environment
  ['pulumi destroy --stack prod --yes', {}, 'deny'],
  ['pulumi destroy -s payments-prod -y', {}, 'deny'],
  ['pulumi --stack prod destroy', {}, 'deny'],
  ['pulumi destroy --stack dev --yes', {}, 'pass'],
  ['pulumi destroy --yes', {}, 'cannot-tell'],
  ['pulumi destroy --stack prod --preview-only', {}, 'pass'],
  ['pulumi up --stack prod --yes', {}, 'deny'],
  ['pulumi stack rm prod --force', {}, 'deny'],
  ['pulumi stack ls', {}, 'pass'],
  ['pulumi preview --stack prod', {}, 'pass'],
  ['cdk destroy PaymentsProdStack --force', {}, 'deny'],
  ['cdk destroy PaymentsDevStack --force', {}, 'pass'],
  ['cdk deploy PaymentsProdStack --method prepare-change-set', {}, 'pass'],
  ['cdk diff PaymentsProdStack', {}, 'pass'],
  ['sam delete --stack-name orders-prod --no-prompts', {}, 'deny'],
  ['serverless remove --stage prod', {}, 'deny'],
  ['sls remove --stage dev', {}, 'pass'],
  // docker, podman, compose: volumes hold data; the names and the docker context decide
  ['docker volume rm payments-prod-pgdata', {}, 'deny'],
  ['docker volume rm scratch-dev-data other-dev', {}, 'pass'],
  ['docker volume rm pgdata', { DOCKER_CONTEXT: 'prod-eu' }, 'deny'],
  ['docker --context prod-eu volume rm pgdata', {}, 'deny'],
  ['podman volume rm pgdata', {}, 'cannot-tell'],
  ['docker compose -p payments-prod down -v', {}, 'deny'],
  ['docker compose -f docker-compose.prod.yml down --volumes', {}, 'deny'],
  ['docker compose -p payments-prod down', {}, 'pass'],
  ['docker-compose -p shop-dev down -v', {}, 'pass'],
  ['docker rm -fv prod-db', {}, 'deny'],
  ['docker rm -f prod-db', {}, 'pass'],
  ['docker system prune -f', {}, 'pass'],
  ['docker volume ls', { DOCKER_CONTEXT: 'prod-eu' }, 'pass'],
  ['docker ps -a', {}, 'pass'],
  // Google Cloud: the names, then --project or the configuration in effect
  ['gcloud sql instances delete payments-prod', {}, 'deny'],
  ['gcloud sql instances delete orders --project acme-payments-prod --quiet', {}, 'deny'],
  ['gcloud --project acme-payments-prod sql instances delete orders', {}, 'deny'],
  ['gcloud sql instances delete orders', { CLOUDSDK_CORE_PROJECT: 'acme-prod' }, 'deny'],
  ['gcloud sql instances delete orders', { CLOUDSDK_CORE_PROJECT: 'acme-dev' }, 'pass'],
  ['gcloud sql instances delete orders', {}, 'cannot-tell'],
  ['gcloud beta sql instances delete payments-prod', {}, 'deny'],
  ['gcloud projects delete acme-payments-prod', {}, 'deny'],
  ['gcloud container clusters delete payments-prod --region europe-west1', {}, 'deny'],
  ['gcloud compute instances delete web-prod-1 --delete-disks=all', {}, 'deny'],
  ['gcloud storage rm --recursive gs://payments-prod-logs', {}, 'deny'],
  ['gcloud sql instances describe payments-prod', {}, 'pass'],
  ['gcloud projects list', {}, 'pass'],
  ['gsutil rm -r gs://payments-prod-logs', {}, 'deny'],
  ['gsutil -m rm -r gs://scratch-dev', {}, 'pass'],
  ['gsutil rsync -d ./site gs://www-prod', {}, 'deny'],
  ['gsutil rsync -d -n ./site gs://www-prod', {}, 'pass'],
  ['gsutil ls gs://payments-prod-logs', {}, 'pass'],
  // Azure: the names, then --subscription or the subscription in effect
  ['az group delete --name rg-payments-prod --yes', {}, 'deny'],
  ['az group delete -n rg-payments-prod -y', {}, 'deny'],
  ['az group delete --name rg-payments --subscription payments-prod --yes', {}, 'deny'],
  ['az group delete --name rg-sandbox-dev --yes', {}, 'pass'],
  ['az group delete --name rg-payments --yes', {}, 'cannot-tell'],
  ['az sql db delete --name orders --server sql-prod --resource-group rg-payments-prod --yes', {}, 'deny'],
  ['az keyvault purge --name kv-payments-prod', {}, 'deny'],
  ['az aks delete --name aks-prod --resource-group rg-prod --yes', {}, 'deny'],
  ['az group delete --name rg-payments --yes', { AZURE_CONFIG_DIR: '~/az-prod' }, 'deny'],
  ['gcloud sql instances delete orders', { CLOUDSDK_CONFIG: '~/gcloud-broken' }, 'cannot-tell'],
  ['az group list -o table', {}, 'pass'],
  ['az group show --name rg-payments-prod', {}, 'pass'],
];

/** Database clients: the statements, then the host, database or URL variable they reach. */
const DATABASE_ROWS: [string, NodeJS.ProcessEnv, Expected][] = [
  ['psql $PROD_DATABASE_URL -c DROP⎵TABLE⎵orders', {}, 'deny'],
  ['psql -h db.prod.internal -d payments -c TRUNCATE⎵sessions', {}, 'deny'],
  ['psql -h db.prod.internal -d payments -c DELETE⎵FROM⎵sessions⎵WHERE⎵expired', {}, 'pass'],
  ['psql -h db.dev.internal -c DROP⎵TABLE⎵orders', {}, 'pass'],
  ['psql -c DROP⎵TABLE⎵orders', { PGHOST: 'payments-prod.cluster.local' }, 'deny'],
  ['psql -c DROP⎵TABLE⎵orders', {}, 'cannot-tell'],
  ['psql -h db.prod.internal -c SELECT⎵count(*)⎵FROM⎵orders', {}, 'pass'],
  ['psql postgresql://admin:s3cret-pw@payments-prod.db:5432/payments -c DROP⎵DATABASE⎵payments', {}, 'deny'],
  ['mysql -h mysql-prod -e DROP⎵DATABASE⎵shop', {}, 'deny'],
  ['mysql -h mysql-staging -e DROP⎵DATABASE⎵shop', {}, 'pass'],
  ['mongosh mongodb://mongo-prod:27017/shop --eval db.dropDatabase()', {}, 'deny'],
  ['redis-cli -h redis-prod FLUSHALL', {}, 'deny'],
  ['redis-cli -h redis-prod GET key', {}, 'pass'],
  ['cqlsh cassandra-prod -e DROP⎵KEYSPACE⎵shop', {}, 'deny'],
  ['sqlcmd -S sql-prod -Q DROP⎵TABLE⎵orders', {}, 'deny'],
  ['psql -h db.prod.internal', {}, 'cannot-tell'],
  ['psql -h db.dev.internal', {}, 'pass'],
  // read through what a container or a pod runs
  ['docker exec -it -u postgres tools psql -h db.prod.internal -c DROP⎵TABLE⎵orders', {}, 'deny'],
  ['podman container exec tools redis-cli -h redis-prod FLUSHALL', {}, 'deny'],
  ['kubectl exec api -- psql -h db.prod.internal -c DROP⎵TABLE⎵orders', {}, 'deny'],
  ['docker exec tools psql -h db.prod.internal -c SELECT⎵1', {}, 'pass'],
  ['docker exec tools ls -la', {}, 'pass'],
];

it.each(DATABASE_ROWS)('%s %j: %s', (command, env, expected) => {
  expect(verdict(command, env).expected).toBe(expected);
});

it('never puts a password of a connection string into a reason', () => {
  const { why } = verdict('psql postgresql://admin:s3cret-pw@payments-prod.db:5432/payments -c DROP⎵DATABASE⎵payments');
  expect(why).toContain('payments-prod.db');
  expect(why).not.toContain('s3cret-pw');
  expect(why).not.toContain('admin:');
});

it.each(ROWS)('%s %j: %s', (command, env, expected) => {
  expect(verdict(command, env).expected).toBe(expected);
});

it('says what goes, why it is production, and whether the data comes back', () => {
  const { why } = verdict('aws rds delete-db-instance --db-instance-identifier payments-prod --skip-final-snapshot --delete-automated-backups');
  expect(why).toBe(
    '`aws rds delete-db-instance` destroys an RDS DB instance and its storage (DB instance payments-prod), in production, because the DB instance name "payments-prod" contains the word "prod". --skip-final-snapshot: no final snapshot is taken; --delete-automated-backups: the automated backups are deleted with it; the data does not come back.',
  );
  expect(verdict('aws rds delete-db-instance --db-instance-identifier orders', { AWS_PROFILE: 'prod-admin' }).why).toContain(
    'in production, because the profile name "prod-admin" contains the word "prod"',
  );
  expect(verdict('aws rds delete-db-instance --db-instance-identifier payments-prod --final-db-snapshot-identifier last').why).toMatch(
    /--final-db-snapshot-identifier: a final snapshot is taken\.$/,
  );
});

it('cannot tell, naming the file, when the AWS configuration cannot be read', () => {
  const { expected, why } = verdict('aws rds delete-db-instance --db-instance-identifier orders', { AWS_PROFILE: 'x' }, fake.path('broken'));
  expect(expected).toBe('cannot-tell');
  expect(why).toContain(`${fake.path('broken/.aws/config')} cannot be read`);
});

it('never reads a secret value into a reason', () => {
  for (const [command, env] of ROWS) expectNoSecret(verdict(command, { ...env, AWS_ACCESS_KEY_ID: 'AKIAMARKERSECRET0001' }).why);
});

describe("the team's configuration", () => {
  let team: FakeHome;
  beforeAll(() => {
    team = fakeHome({
      '.aws/config': '[profile payments]\nsso_account_id = 111122223333\nsso_role_name = Admin\n',
      'repo/.blast-radius.yml': [
        'version: 1',
        'environments:',
        '  pci: { protected: true, aliases: [cardholder] }',
        'rules:',
        '  - id: payments-account',
        '    environment: production',
        '    match: { account: "111122223333" }',
        '  - id: ledger-names',
        '    environment: production',
        '    match: { name: "ledger-*" }',
        '  - id: scratch-project',
        '    environment: development',
        '    match: { account: "acme-scratch" }',
        '',
      ].join('\n'),
      'broken/.blast-radius.yml': 'rules: [\n',
    });
  });
  afterAll(() => team.remove());

  async function judged(command: string, env: NodeJS.ProcessEnv, directory: string): Promise<{ expected: Expected; why: string }> {
    const words = command.split(' ');
    const destructive = readTool(words, { env, home: team.home, ...(await loadToolConfig(team.path(directory))) });
    if (destructive === undefined) return { expected: 'pass', why: '' };
    return { expected: destructive.cannotTell ? 'cannot-tell' : 'deny', why: destructive.why };
  }

  it('decides by an account rule, through the profile in effect', async () => {
    const result = await judged('aws rds delete-db-instance --db-instance-identifier orders', { AWS_PROFILE: 'payments' }, 'repo');
    expect(result.expected).toBe('deny');
    expect(result.why).toContain("in production, because the configuration's rule payments-account matches");
  });

  it('decides by a name rule, and by the words of its own environments', async () => {
    expect((await judged('aws dynamodb delete-table --table-name ledger-main', {}, 'repo')).expected).toBe('deny');
    expect((await judged('docker volume rm cardholder-data', {}, 'repo')).why).toContain('in pci');
  });

  it('lets a project the rules call development through', async () => {
    expect((await judged('gcloud sql instances delete orders --project acme-scratch', {}, 'repo')).expected).toBe('pass');
  });

  it('cannot tell, naming the file, when the configuration cannot be read', async () => {
    const result = await judged('gcloud sql instances delete orders-dev', {}, 'broken');
    expect(result.expected).toBe('cannot-tell');
    expect(result.why).toContain(team.path('broken/.blast-radius.yml'));
  });
});
