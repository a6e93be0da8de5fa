// Credential values in command text quoted back to a person or a model are hidden; names, hosts and databases stay.
import { redactCredentials } from '../src/redact-credentials.js';

it.each([
  ['psql postgresql://app:s3cret@db.prod/payments -c x', 'psql postgresql://app:***@db.prod/payments -c x'],
  ["psql 'host=db.prod dbname=payments password=s3cret'", "psql 'host=db.prod dbname=payments password=***'"],
  ['mongosh mongodb+srv://u:p%40ss@cluster0.example.net/shop', 'mongosh mongodb+srv://u:***@cluster0.example.net/shop'],
  ['mysql -h db.prod -ps3cret -e "DROP DATABASE shop"', 'mysql -h db.prod -p*** -e "DROP DATABASE shop"'],
  ['redis-cli --password s3cret -h redis-prod FLUSHALL', 'redis-cli --password *** -h redis-prod FLUSHALL'],
  ['PGPASSWORD=s3cret psql -h db.prod', 'PGPASSWORD=*** psql -h db.prod'],
  ['GITHUB_TOKEN=ghp_x curl …', 'GITHUB_TOKEN=*** curl …'],
])('%s', (text, redacted) => {
  expect(redactCredentials(text)).toBe(redacted);
});

it.each(['mkdir -p ~/.config/x', 'ssh -p 2222 host', 'psql -h db.prod -p 5432 -d payments', 'aws s3 ls s3://bucket/key', 'kubectl get pods'])(
  'leaves %s as it is',
  (text) => {
    expect(redactCredentials(text)).toBe(text);
  },
);
