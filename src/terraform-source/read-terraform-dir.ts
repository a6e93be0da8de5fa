// Reads a Terraform configuration directory (its .tf files and terraform.tfvars / *.auto.tfvars) into source evidence
// for the environment and where its state is kept.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { hasTerraformFiles } from './has-terraform-files.js';
import { parseHcl } from './parse-hcl.js';
import { backendEvidence, defaultLabelEvidence, tfvarsEvidence, type SourceEvidence } from './source-evidence.js';
import { backendDeclarations, isOverrideFile, stateStorage, type BackendDeclaration, type StateStorage } from './state-storage.js';

export interface TerraformSources {
  evidence: SourceEvidence;
  state: StateStorage;
}

const isTfvars = (name: string): boolean => name === 'terraform.tfvars' || name.endsWith('.auto.tfvars');

export async function readTerraformDir(directory: string): Promise<TerraformSources> {
  if (!hasTerraformFiles(directory)) throw new ConfigError(`${directory} holds no .tf files (--tf-dir).`);
  const evidence: SourceEvidence = { backend: [], defaultLabels: [], variables: [] };
  const declarations: BackendDeclaration[] = [];
  for (const name of readdirSync(directory).sort()) {
    if (!name.endsWith('.tf') && !isTfvars(name)) continue;
    const file = join(directory, name);
    const text = readFileSync(file, 'utf8');
    const document = await parseHcl(file, text);
    if (isTfvars(name)) {
      evidence.variables.push(...tfvarsEvidence(document, file, text));
    } else {
      evidence.backend.push(...backendEvidence(document, file, text));
      evidence.defaultLabels.push(...defaultLabelEvidence(document, file, text));
      declarations.push(...backendDeclarations(document, file, text, isOverrideFile(name)));
    }
  }
  return { evidence, state: stateStorage(directory, declarations) };
}
