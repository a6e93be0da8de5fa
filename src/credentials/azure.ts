// Reads which Azure subscription this shell targets, from ARM_SUBSCRIPTION_ID and AZURE_SUBSCRIPTION_ID (ids, not secrets).
import type { CredentialReading } from './credential-finding.js';

/** The Terraform azurerm provider reads ARM_SUBSCRIPTION_ID; the Azure SDKs and tools read AZURE_SUBSCRIPTION_ID. */
const SUBSCRIPTION_VARIABLES = ['ARM_SUBSCRIPTION_ID', 'AZURE_SUBSCRIPTION_ID'];

export function readAzure(env: NodeJS.ProcessEnv, _home: string): CredentialReading[] {
  return SUBSCRIPTION_VARIABLES.filter((variable) => env[variable]).map((variable) => ({
    source: 'azure',
    what: 'subscription',
    value: env[variable] as string,
    where: variable,
    basis: { kind: 'id', label: 'Azure subscription id' },
  }));
}
