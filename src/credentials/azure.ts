// Reads which Azure subscription this shell targets: ARM_SUBSCRIPTION_ID and AZURE_SUBSCRIPTION_ID (ids, not
// secrets), and the default subscription `az` itself uses, from its profile (`$AZURE_CONFIG_DIR/azureProfile.json`,
// else `~/.azure/azureProfile.json`): its name and id only.
import { join } from 'node:path';
import type { CredentialReading } from './credential-finding.js';
import { expandHome } from './expand-home.js';
import { readJsonObject } from '../files/read-json-object.js';

/** The Terraform azurerm provider reads ARM_SUBSCRIPTION_ID; the Azure SDKs and tools read AZURE_SUBSCRIPTION_ID. */
const SUBSCRIPTION_VARIABLES = ['ARM_SUBSCRIPTION_ID', 'AZURE_SUBSCRIPTION_ID'];

function unreadable(file: string, problem: string): CredentialReading {
  return { source: 'azure', what: 'file', value: file, where: file, basis: { kind: 'unreadable', problem } };
}

/** `az account set` marks one subscription of the profile `isDefault`: the one every `az` command uses. */
function azProfile(env: NodeJS.ProcessEnv, home: string): CredentialReading[] {
  const file = join(env.AZURE_CONFIG_DIR ? expandHome(env.AZURE_CONFIG_DIR, home) : join(home, '.azure'), 'azureProfile.json');
  const profile = readJsonObject(file);
  if (profile.status === 'missing') return [];
  if (profile.status === 'unreadable') return [unreadable(file, profile.problem)];
  const { subscriptions } = profile.object;
  if (!Array.isArray(subscriptions)) return [unreadable(file, 'it has no list of subscriptions')];
  const chosen = subscriptions.find((subscription) => (subscription as { isDefault?: unknown })?.isDefault === true) as
    { id?: unknown; name?: unknown } | undefined;
  if (chosen === undefined) return [];
  const where = `${file} default subscription`;
  return [
    ...(typeof chosen.name === 'string'
      ? [
          {
            source: 'azure' as const,
            what: 'subscription',
            value: chosen.name,
            where: `${where} name`,
            basis: { kind: 'name' as const, text: chosen.name, label: 'Azure subscription name' },
          },
        ]
      : []),
    ...(typeof chosen.id === 'string'
      ? [
          {
            source: 'azure' as const,
            what: 'subscription',
            value: chosen.id,
            where: `${where} id`,
            basis: { kind: 'id' as const, label: 'Azure subscription id' },
          },
        ]
      : []),
  ];
}

export function readAzure(env: NodeJS.ProcessEnv, home: string): CredentialReading[] {
  const fromVariables: CredentialReading[] = SUBSCRIPTION_VARIABLES.filter((variable) => env[variable]).map((variable) => ({
    source: 'azure',
    what: 'subscription',
    value: env[variable] as string,
    where: variable,
    basis: { kind: 'id', label: 'Azure subscription id' },
  }));
  return [...fromVariables, ...azProfile(env, home)];
}
