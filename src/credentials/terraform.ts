// Reads which Terraform workspace this shell selects through TF_WORKSPACE.
import type { CredentialReading } from './credential-finding.js';

export function readTerraform(env: NodeJS.ProcessEnv, _home: string): CredentialReading[] {
  const workspace = env.TF_WORKSPACE;
  if (!workspace) return [];
  return [
    { source: 'terraform', what: 'workspace', value: workspace, where: 'TF_WORKSPACE', basis: { kind: 'name', text: workspace, label: 'workspace name' } },
  ];
}
