// Tells whether a directory holds Terraform configuration (.tf files): then it is a plan's source directory.
import { existsSync, readdirSync, statSync } from 'node:fs';

export function hasTerraformFiles(directory: string): boolean {
  return existsSync(directory) && statSync(directory).isDirectory() && readdirSync(directory).some((f) => f.endsWith('.tf'));
}
