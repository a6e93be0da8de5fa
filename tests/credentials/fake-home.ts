// Fake home directories for the credential readers: files written under a fresh temporary directory, and secret markers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Planted in every secret field of the fixtures: no reading, finding or output may ever contain one. */
export const SECRET_MARKERS = [
  'AKIAMARKERSECRET0001',
  'SECRET-MARKER-aws-secret-access-key',
  'SECRET-MARKER-aws-session-token',
  'SECRET-MARKER-env-access-key-id',
  'SECRET-MARKER-gcp-private-key',
  'SECRET-MARKER-kube-token',
  'SECRET-MARKER-kube-client-key',
];

export interface FakeHome {
  home: string;
  /** Writes `content` at `relative` under the home directory (creating directories) and returns its full path. */
  write(relative: string, content: string | Buffer): string;
  path(relative: string): string;
  remove(): void;
}

export function fakeHome(files: Record<string, string> = {}): FakeHome {
  const home = mkdtempSync(join(tmpdir(), 'blast-radius-home-'));
  const fake: FakeHome = {
    home,
    path: (relative) => join(home, relative),
    write(relative, content) {
      const file = join(home, relative);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
  for (const [relative, content] of Object.entries(files)) fake.write(relative, content);
  return fake;
}

/** Fails when any marker, or its base64 form, appears in `text`. */
export function expectNoSecret(text: string): void {
  for (const marker of SECRET_MARKERS) {
    expect(text).not.toContain(marker);
    expect(text).not.toContain(Buffer.from(marker).toString('base64'));
  }
}

export const AWS_CONFIG = `# written by aws configure sso
[default]
region = us-east-1

[profile prod-admin]
sso_session = acme
sso_account_id = 123456789012
sso_role_name = AdministratorAccess
region = eu-west-1
s3 =
  max_concurrent_requests = 10
  region = ap-south-1

[profile product-dev]
role_arn = arn:aws:iam::210987654321:role/deployers/product-dev-deployer
source_profile = default

[profile legacy]
aws_access_key_id = ${SECRET_MARKERS[0]}
aws_secret_access_key = ${SECRET_MARKERS[1]}

[sso-session acme]
sso_start_url = https://acme.awsapps.com/start
`;

export const AWS_CREDENTIALS = `[default]
aws_access_key_id = ${SECRET_MARKERS[0]}
aws_secret_access_key = ${SECRET_MARKERS[1]}

[prod-admin]
aws_access_key_id = ${SECRET_MARKERS[0]}
aws_secret_access_key = ${SECRET_MARKERS[1]}
aws_session_token = ${SECRET_MARKERS[2]}
`;

export const SERVICE_ACCOUNT_KEY = JSON.stringify({
  type: 'service_account',
  project_id: 'acme-payments-prod',
  private_key_id: 'SECRET-MARKER-gcp-private-key-id',
  private_key: `-----BEGIN PRIVATE KEY-----\n${SECRET_MARKERS[4]}\n-----END PRIVATE KEY-----\n`,
  client_email: 'deployer@acme-payments-prod.iam.gserviceaccount.com',
});

/** A kubeconfig as kubectl writes it, with a token and a client key that must never be read out. */
export function kubeconfig(options: {
  current?: string;
  contexts?: [name: string, cluster: string, namespace?: string][];
  clusters?: [name: string, server: string][];
}): string {
  const lines = ['apiVersion: v1', 'kind: Config', 'preferences: {}'];
  if (options.current !== undefined) lines.push(`current-context: ${JSON.stringify(options.current)}`);
  lines.push('contexts:');
  for (const [name, cluster, namespace] of options.contexts ?? []) {
    lines.push(`- name: ${JSON.stringify(name)}`, '  context:', `    cluster: ${JSON.stringify(cluster)}`, '    user: deployer');
    if (namespace) lines.push(`    namespace: ${namespace}`);
  }
  lines.push('clusters:');
  for (const [name, server] of options.clusters ?? []) {
    lines.push(`- name: ${JSON.stringify(name)}`, '  cluster:', `    server: ${server}`, '    certificate-authority-data: LS0tLS1CRUdJTg==');
  }
  lines.push(
    'users:',
    '- name: deployer',
    '  user:',
    `    token: ${SECRET_MARKERS[5]}`,
    `    client-key-data: ${Buffer.from(SECRET_MARKERS[6]).toString('base64')}`,
  );
  return `${lines.join('\n')}\n`;
}
