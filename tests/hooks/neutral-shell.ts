// An environment for spawned hooks in which no credential reader finds anything of the test runner's own shell.

/** Every variable a credential reader looks at, and the environment file of a Claude Code session, emptied (read as unset). */
const CREDENTIAL_VARIABLES = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'CLOUDSDK_CORE_PROJECT',
  'GOOGLE_CLOUD_PROJECT',
  'GOOGLE_PROJECT',
  'GCLOUD_PROJECT',
  'CLOUDSDK_CONFIG',
  'CLOUDSDK_ACTIVE_CONFIG_NAME',
  'ARM_SUBSCRIPTION_ID',
  'AZURE_SUBSCRIPTION_ID',
  'KUBECONFIG',
  'TF_WORKSPACE',
  // Claude Code's environment file: a session start writes the shims' PATH line to it.
  'CLAUDE_ENV_FILE',
];

/** `home` replaces HOME (so ~/.aws and ~/.kube are the test's), `tmp` TMPDIR (where first-call markers go). */
export function neutralShell(home: string, tmp: string): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(CREDENTIAL_VARIABLES.map((name) => [name, ''])), HOME: home, TMPDIR: tmp };
}
