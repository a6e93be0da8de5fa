// Decides the environment of a destructive CLI command from its evidence: the names it destroys (a DB instance
// `payments-prod`), and what is in effect (an AWS profile, a gcloud project, a docker context, the name of a variable
// holding a database URL). The configuration's rules decide first, as for plans; then any protected evidence makes it
// production, and known non-protected evidence alone does not.
import type { CredentialReading } from '../../credentials/credential-finding.js';
import { judgeName, judgeReading } from '../../credentials/judge-reading.js';
import { DEFAULT_CONFIG, type CompiledConfig } from '../../config/compiled-config.js';
import { UNKNOWN_ENVIRONMENT } from '../../environment/environments.js';
import type { AccountId } from '../../model.js';
import { configuredEnvironment } from './configured-environment.js';

/** One name the command reaches, with what it is and where it was read (`--db-instance-identifier`, `AWS_PROFILE`). */
export interface Evidence {
  what: string;
  value: string;
  where: string;
}

export type EnvironmentVerdict =
  | { kind: 'protected'; environment: string; reason: string }
  | { kind: 'unprotected'; environment: string; reason: string }
  | { kind: 'unknown'; reason: string };

const PROVIDER_OF: Record<string, AccountId['provider']> = { account: 'aws', project: 'gcp', subscription: 'azure' };

/** The cloud accounts in effect, for configuration rules on `account`: AWS account ids, GCP projects, Azure subscriptions. */
function accountsOf(names: readonly Evidence[], inEffect: readonly CredentialReading[]): AccountId[] {
  const all = [...names.map(({ what, value, where }) => ({ what, value, where })), ...inEffect];
  return all.flatMap(({ what, value, where }) => (Object.hasOwn(PROVIDER_OF, what) ? [{ provider: PROVIDER_OF[what], id: value, field: where }] : []));
}

/**
 * The environment of the names and of the readings in effect (from the credential readers doctor uses): the first
 * protected one decides; else an unreadable configuration makes it unknown (never safe); else the first judged one;
 * else unknown, saying what was looked at.
 */
export function judgeEvidence(names: readonly Evidence[], inEffect: readonly CredentialReading[], config: CompiledConfig = DEFAULT_CONFIG): EnvironmentVerdict {
  const configured = configuredEnvironment(config, {
    names,
    accounts: accountsOf(names, inEffect),
    contexts: names.filter((name) => /context/.test(name.what)).map((name) => name.value),
  });
  if (configured) return { kind: configured.protected ? 'protected' : 'unprotected', environment: configured.environment, reason: configured.reason };
  if (!config.defaults) return { kind: 'unknown', reason: `no rule of ${config.path ?? 'the configuration'} matches it, and its built-in rules are off` };
  const tags = [
    ...names.map(({ what, value }) => judgeName(value, `${what} name`, config.environments)),
    ...inEffect.map((reading) => judgeReading(reading, config.environments).environment),
  ];
  const protectedOne = tags.find((tag) => tag.protected);
  if (protectedOne) return { kind: 'protected', environment: protectedOne.name, reason: protectedOne.reason };
  const unreadable = inEffect.find((reading) => reading.basis.kind === 'unreadable');
  if (unreadable)
    return {
      kind: 'unknown',
      reason: `${unreadable.where} cannot be read (${(unreadable.basis as { problem: string }).problem}), so what it points at is unknown`,
    };
  const judged = tags.find((tag) => tag.name !== UNKNOWN_ENVIRONMENT);
  if (judged) return { kind: 'unprotected', environment: judged.name, reason: judged.reason };
  const looked = names.map((name) => `${name.what} ${JSON.stringify(name.value)}`);
  return {
    kind: 'unknown',
    reason:
      looked.length > 0
        ? `no environment word in ${looked.join(', ')}, nor in the profile, project or context in effect`
        : 'it names nothing blast-radius can judge, nor does the profile, project or context in effect',
  };
}
