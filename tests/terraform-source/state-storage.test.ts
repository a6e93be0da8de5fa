// Where the sources say the state is kept: the backend or cloud block in force (override files win) and what sits
// beside them, read by readTerraformDir as check reads it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTerraformDir } from '../../src/terraform-source/read-terraform-dir.js';
import { isRemote } from '../../src/terraform-source/state-storage.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

let count = 0;
async function stateOf(files: Record<string, string>) {
  const dir = join(scratch.path, `project-${(count += 1)}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, state: (await readTerraformDir(dir)).state };
}

const RESOURCE = 'resource "terraform_data" "a" {}\n';

it.each([
  ['no backend block', { 'main.tf': RESOURCE }, undefined, false],
  ['backend "local"', { 'main.tf': `terraform {\n  backend "local" {\n    path = "prod.tfstate"\n  }\n}\n${RESOURCE}` }, 'local', false],
  ['backend "s3"', { 'backend.tf': 'terraform {\n  backend "s3" {\n    key = "a"\n  }\n}\n', 'main.tf': RESOURCE }, 's3', true],
  ['an empty backend "gcs" (partial configuration)', { 'main.tf': `terraform {\n  backend "gcs" {}\n}\n${RESOURCE}` }, 'gcs', true],
  [
    'a cloud block',
    { 'main.tf': `terraform {\n  cloud {\n    organization = "acme"\n    workspaces {\n      name = "orders"\n    }\n  }\n}\n${RESOURCE}` },
    'cloud',
    true,
  ],
  [
    'an override file that sets backend "local" over an s3 one',
    { 'main.tf': `terraform {\n  backend "s3" {}\n}\n${RESOURCE}`, 'local_override.tf': 'terraform {\n  backend "local" {}\n}\n' },
    'local',
    false,
  ],
])('%s', async (_name, files, kind, remote) => {
  const { state } = await stateOf(files);
  expect(state.backend?.kind).toBe(kind);
  expect(isRemote(state)).toBe(remote);
  expect(state.stateFile).toBeUndefined();
  expect(state.generatedBy).toBeUndefined();
});

it('says where the block is written', async () => {
  const { dir, state } = await stateOf({ 'backend.tf': '# state\nterraform {\n  backend "s3" {}\n}\n', 'main.tf': RESOURCE });
  expect(state.backend).toEqual({ kind: 's3', where: `${join(dir, 'backend.tf')}:3`, override: false });
});

it('finds a terraform.tfstate beside the sources, and a terragrunt.hcl that may generate the backend', async () => {
  const { dir, state } = await stateOf({ 'main.tf': RESOURCE, 'terraform.tfstate': '{}', 'terragrunt.hcl': 'remote_state {}\n' });
  expect(state).toEqual({ stateFile: join(dir, 'terraform.tfstate'), generatedBy: join(dir, 'terragrunt.hcl') });
});
