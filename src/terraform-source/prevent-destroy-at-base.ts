// Reads the .tf files of a directory as they were at a git revision (`git show REV:file`) and lists the root-module
// resources whose block had `lifecycle { prevent_destroy = true }` there: Terraform forgets that protection as
// soon as the block (or the flag) is gone, so a plan made after removing it deletes the resource unopposed.
import { execFileSync } from 'node:child_process';
import { ConfigError } from '../errors.js';
import { parseHcl } from './parse-hcl.js';
import { asList, type HclJson } from './hcl-json.js';

function git(directory: string, args: string[]): string {
  try {
    return execFileSync('git', ['-C', directory, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const output = (error as { stderr?: unknown }).stderr;
    const stderr = (typeof output === 'string' ? output : Buffer.isBuffer(output) ? output.toString('utf8') : '').trim().split('\n')[0];
    throw new ConfigError(`git ${args.join(' ')} in ${directory} failed: ${stderr || (error as Error).message}`);
  }
}

/** Addresses (`aws_db_instance.main`) of root-module resources with prevent_destroy = true at the revision. */
export async function preventDestroyAtBase(directory: string, revision: string): Promise<Set<string>> {
  const files = git(directory, ['ls-tree', '--name-only', revision, '--', '.'])
    .split('\n')
    .filter((f) => f.endsWith('.tf') && !f.includes('/'));
  const protectedAddresses = new Set<string>();
  for (const file of files) {
    const text = git(directory, ['show', `${revision}:./${file}`]);
    const document = await parseHcl(`${revision}:${file}`, text);
    for (const [type, byName] of Object.entries((document.resource as HclJson) ?? {})) {
      for (const [name, blocks] of Object.entries((byName as HclJson) ?? {})) {
        const protects = asList(blocks).some((block) => asList(block.lifecycle).some((l) => l.prevent_destroy === true));
        if (protects) protectedAddresses.add(`${type}.${name}`);
      }
    }
  }
  return protectedAddresses;
}
