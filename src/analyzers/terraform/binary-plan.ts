// Reads a binary plan file (`terraform plan -out=…`) by running `terraform show -json` (or OpenTofu's `tofu`) on it.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { InputError } from '../../errors.js';

function onPath(command: string): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (!directory) continue;
    const candidate = join(directory, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory; keep looking.
    }
  }
  return undefined;
}

function findTerraform(explicit: string | undefined, name: string): string {
  if (explicit) return explicit;
  const found = onPath('terraform') ?? onPath('tofu');
  if (found) return found;
  throw new InputError(
    `${name} is a binary Terraform plan, and reading it needs \`terraform show -json\`, but neither terraform nor tofu is on PATH: ` +
      `install one, pass --terraform-bin, or check the output of \`terraform show -json ${name}\` made where Terraform is installed.`,
  );
}

function firstErrorLine(stderr: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = stderr.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = plain.split('\n').map((line) => line.replace(/^[\s│╷╵]+/, '').trim()).filter(Boolean);
  return lines.find((line) => line.startsWith('Error:'))?.replace(/^Error:\s*/, '') ?? lines[0] ?? 'no error message';
}

function run(binary: string, globalArgs: string[], planPath: string, cwd: string, name: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      binary,
      [...globalArgs, 'show', '-json', '-no-color', planPath],
      { cwd, encoding: 'buffer', maxBuffer: 1024 ** 3, env: { ...process.env, TF_IN_AUTOMATION: '1' } },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new InputError(`${name} is a binary Terraform plan, but ${binary} was not found.`));
        reject(new InputError(`\`${binary} show -json ${name}\` failed: ${firstErrorLine(stderr.toString('utf8'))}`));
      },
    );
  });
}

/**
 * Terraform needs the working directory the plan was made in (its .terraform holds the provider schemas): use the
 * plan's own directory when it has one, else the current directory; `terraformArgs` (`-chdir=infra`) come first.
 */
export async function showBinaryPlan(
  bytes: Buffer,
  path: string,
  name: string,
  options: { terraformBin?: string; terraformArgs?: string[] } = {},
): Promise<Buffer> {
  const binary = findTerraform(options.terraformBin, name);
  const globalArgs = options.terraformArgs ?? [];
  if (path !== '-') {
    const planDirectory = dirname(resolve(path));
    const cwd = existsSync(join(planDirectory, '.terraform')) ? planDirectory : process.cwd();
    return run(binary, globalArgs, resolve(path), cwd, name);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-'));
  try {
    const planPath = join(scratch, 'stdin.tfplan');
    writeFileSync(planPath, bytes);
    return await run(binary, globalArgs, planPath, process.cwd(), name);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
