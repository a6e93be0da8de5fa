// Evidence read from Terraform sources with hcl2json: backend state keys and workspaces, provider default tags, tfvars.
import { parseHcl } from '../../src/terraform-source/parse-hcl.js';
import { backendEvidence, defaultLabelEvidence, locate, tfvarsEvidence } from '../../src/terraform-source/source-evidence.js';

const MAIN_TF = `terraform {
  backend "s3" {
    bucket = "acme-tfstate"
    key    = "prod/network.tfstate"
  }
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Environment = "production"
    }
  }
}

provider "google" {
  default_labels = { env = "prod" }
}
`;

it('reads the backend settings that name the state, with file and line', async () => {
  const evidence = backendEvidence(await parseHcl('main.tf', MAIN_TF), 'main.tf', MAIN_TF);
  expect(evidence).toContainEqual({ field: 'backend "s3" key', value: 'prod/network.tfstate', where: 'main.tf:4' });
});

it('reads remote and cloud workspaces', async () => {
  const text = 'terraform {\n  cloud {\n    organization = "acme"\n    workspaces { name = "payments-prod" }\n  }\n}\n';
  expect(backendEvidence(await parseHcl('cloud.tf', text), 'cloud.tf', text)).toEqual([
    { field: 'cloud workspaces name', value: 'payments-prod', where: 'cloud.tf:4' },
  ]);
  const remote = 'terraform {\n  backend "remote" {\n    workspaces {\n      prefix = "net-"\n    }\n  }\n}\n';
  expect(backendEvidence(await parseHcl('r.tf', remote), 'r.tf', remote)).toEqual([
    { field: 'backend "remote" workspaces prefix', value: 'net-', where: 'r.tf:4' },
  ]);
});

it('reads provider default_tags and default_labels', async () => {
  const labels = defaultLabelEvidence(await parseHcl('main.tf', MAIN_TF), 'main.tf', MAIN_TF);
  expect(labels).toEqual([
    { key: 'Environment', value: 'production', field: 'provider "aws" default_tags (main.tf:12)' },
    { key: 'env', value: 'prod', field: 'provider "google" default_labels (main.tf:18)' },
  ]);
});

it('reads tfvars values', async () => {
  const text = 'environment = "staging"\nreplicas = 3\ntags = { a = "b" }\n';
  expect(tfvarsEvidence(await parseHcl('terraform.tfvars', text), 'terraform.tfvars', text)).toEqual([
    { name: 'environment', value: 'staging', sensitive: false, where: 'terraform.tfvars:1' },
    { name: 'replicas', value: '3', sensitive: false, where: 'terraform.tfvars:2' },
  ]);
});

it('names the file and line of invalid HCL, without quoting it', async () => {
  await expect(parseHcl('broken.tf', 'resource "x" "y" {\n  password = "hunter2"\n')).rejects.toThrow(
    /^broken\.tf:\d+,\d+(-\d+)?: invalid HCL: Unclosed configuration block\.$/,
  );
});

it('locates a value, or falls back to the file', () => {
  expect(locate('f.tf', 'a\nb = "x"\n', 'x')).toBe('f.tf:2');
  expect(locate('f.tf', 'a', 'zzz')).toBe('f.tf');
});
