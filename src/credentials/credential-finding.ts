// The shapes the credential readers return and `doctor` reports: a name or id read from the shell, and its judgement.
import type { EnvironmentTag } from '../model.js';

export type CredentialSource = 'aws' | 'gcp' | 'azure' | 'kubernetes' | 'terraform';

/** How people name each source, in the order doctor lists them. */
export const CREDENTIAL_SOURCE_LABELS: Record<CredentialSource, string> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  azure: 'Azure',
  kubernetes: 'Kubernetes',
  terraform: 'Terraform',
};

/**
 * How a reading can be judged. Readers say which; only inspect-credentials.ts turns it into an environment.
 * - `name`: by the environment words in `text` (a profile, context, cluster, project or workspace name); a
 *   `secondary` name (a role, namespace, server host) counts only when it has such a word, else it is a detail;
 * - `id`: not without configuration (an AWS account id, an Azure subscription id);
 * - `detail`: not at all, shown for context (a region, a key file's type);
 * - `unknowable`: it reaches something, but nothing says what (static keys in the environment);
 * - `unconfigured`: named, but nothing configures it, so it reaches nothing (a profile in neither AWS file);
 * - `unreadable`: a file that could not be read; `problem` is one sentence, never an excerpt of the file.
 */
export type Basis =
  | { kind: 'name'; text: string; label: string; secondary?: boolean }
  | { kind: 'id'; label: string }
  | { kind: 'detail' }
  | { kind: 'unknowable'; why: string }
  | { kind: 'unconfigured'; why: string }
  | { kind: 'unreadable'; problem: string };

/** One fact read from the environment or a config file: a name or an id, never a secret value. */
export interface CredentialReading {
  source: CredentialSource;
  /** `profile`, `account`, `role`, `region`, `static-credentials`, `context`, `cluster`, `namespace`, `server`, `project` … */
  what: string;
  /** The name or id; `set` for credentials whose value is never read out. */
  value: string;
  /** Where it was read: an environment variable name, or a file path with the section or key. */
  where: string;
  basis: Basis;
}

/** A reading with its environment, decided by the same rules and vocabulary as plan resources. */
export interface CredentialFinding {
  source: CredentialSource;
  what: string;
  value: string;
  where: string;
  environment: EnvironmentTag;
}

/** A credential reader: a pure function of the environment variables and the home directory. */
export type CredentialReader = (env: NodeJS.ProcessEnv, home: string) => CredentialReading[];
