// Runs every credential reader over one environment and home directory and judges each reading: doctor's library entry.
import { readAws } from './aws.js';
import { readAzure } from './azure.js';
import type { CredentialFinding, CredentialReader } from './credential-finding.js';
import { readGcp } from './gcp.js';
import { isUnjudged, judgeReading } from './judge-reading.js';
import { readKubernetes } from './kubernetes.js';
import { readTerraform } from './terraform.js';

/** Every reader, in the order doctor lists its sources. */
export const CREDENTIAL_READERS: readonly CredentialReader[] = [readAws, readGcp, readAzure, readKubernetes, readTerraform];

export interface CredentialInspection {
  /** True when any finding is in a protected environment. */
  reachesProduction: boolean;
  /** Findings that could not be judged (ids, unnamed keys, unreadable files, names without an environment word). */
  unknown: number;
  findings: CredentialFinding[];
}

/** Reads names and ids only, from `env` and files under `home` (or named by `env`); never contacts any service. */
export function inspectCredentials(env: NodeJS.ProcessEnv, home: string): CredentialInspection {
  const findings = CREDENTIAL_READERS.flatMap((read) => read(env, home)).map((reading) => judgeReading(reading));
  return {
    reachesProduction: findings.some((finding) => finding.environment.protected),
    unknown: findings.filter(isUnjudged).length,
    findings,
  };
}
