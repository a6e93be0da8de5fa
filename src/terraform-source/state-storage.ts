// Where a Terraform configuration keeps its state, as its sources say: the backend or `cloud` block of the root
// module, and a terraform.tfstate file beside them. Reference: https://developer.hashicorp.com/terraform/language/backend
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { asList, type HclJson } from './hcl-json.js';
import { locate } from './source-evidence.js';

/** One `backend "<kind>"` or `cloud` block, with where it is written (`main.tf:3`). */
export interface BackendDeclaration {
  /** The backend type (`s3`, `local`), or `cloud` for a `cloud {}` block. */
  kind: string;
  where: string;
  /** Declared in an override file (`override.tf`, `*_override.tf`), which replaces the other files' block. */
  override: boolean;
}

export interface StateStorage {
  /** The block in force: an override file's, else the others'; undefined when none is declared (local state). */
  backend?: BackendDeclaration;
  /** The terraform.tfstate beside the sources, when there is one. */
  stateFile?: string;
  /** A file beside the sources that generates a backend at run time (terragrunt.hcl): then the sources do not say. */
  generatedBy?: string;
}

export const isOverrideFile = (name: string): boolean => name === 'override.tf' || name.endsWith('_override.tf');

export function backendDeclarations(document: HclJson, file: string, text: string, override: boolean): BackendDeclaration[] {
  return asList(document.terraform).flatMap((terraform) => [
    ...Object.entries((terraform.backend as HclJson) ?? {}).map(([kind]) => ({ kind, where: locate(file, text, `backend "${kind}"`), override })),
    ...asList(terraform.cloud).map(() => ({ kind: 'cloud', where: locate(file, text, 'cloud {'), override })),
  ]);
}

/** Terragrunt writes the backend block into its own copy of the sources, from terragrunt.hcl's remote_state. */
const BACKEND_GENERATORS = ['terragrunt.hcl'];

export function stateStorage(directory: string, declarations: readonly BackendDeclaration[]): StateStorage {
  const overriding = declarations.filter((declaration) => declaration.override);
  const inForce = overriding.length > 0 ? overriding : declarations;
  const storage: StateStorage = {};
  const backend = inForce.find((declaration) => declaration.kind !== 'local') ?? inForce[0];
  if (backend) storage.backend = backend;
  const stateFile = join(directory, 'terraform.tfstate');
  if (existsSync(stateFile)) storage.stateFile = stateFile;
  const generator = BACKEND_GENERATORS.map((name) => join(directory, name)).find((path) => existsSync(path));
  if (generator) storage.generatedBy = generator;
  return storage;
}

/** Whether the state is kept elsewhere than on this machine: a backend other than `local`, or Terraform Cloud. */
export function isRemote(storage: StateStorage): boolean {
  return storage.backend !== undefined && storage.backend.kind !== 'local';
}
