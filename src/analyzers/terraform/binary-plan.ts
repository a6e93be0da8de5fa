// Reads a binary plan file (`terraform plan -out=…`) by running `terraform show -json` (or OpenTofu's `tofu`) on it,
// its output streamed rather than collected, so that a binary plan of any size is read in bounded memory.
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { childOutputSource, type ChildOutputSource } from '../../inputs/child-output-source.js';

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
  const lines = plain
    .split('\n')
    .map((line) => line.replace(/^[\s│╷╵]+/, '').trim())
    .filter(Boolean);
  return lines.find((line) => line.startsWith('Error:'))?.replace(/^Error:\s*/, '') ?? lines[0] ?? 'no error message';
}

/** Which program reads a binary plan, and the global options it is given. */
export interface BinaryPlanOptions {
  /** terraform or tofu binary that reads binary plan files (default: terraform on PATH, else tofu). */
  terraformBin?: string;
  /** Global options given before `show` (`-chdir=infra`), so that it runs in the plan's working directory. */
  terraformArgs?: string[];
}

/** `terraform show -json` of one binary plan, run as often as its output is read; dispose() removes what it wrote. */
export interface BinaryPlanShow {
  /** Starts terraform; its standard output streams through the source returned. */
  run(): ChildOutputSource;
  /**
   * Terraform's own failure, after the output was read (or given up on): a command that could not start or that
   * failed is an InputError with its first error line; null when it succeeded or was stopped by us.
   */
  failure(output: ChildOutputSource): Promise<InputError | null>;
  dispose(): void;
}

/**
 * Terraform needs the working directory the plan was made in (its .terraform holds the provider schemas): use the
 * plan's own directory when it has one, else the current directory; `terraformArgs` (`-chdir=infra`) come first.
 * A plan read from standard input (`bytes`) is written to a scratch file for terraform to read.
 */
export function showBinaryPlan(bytes: Buffer, path: string, name: string, options: BinaryPlanOptions = {}): BinaryPlanShow {
  const binary = findTerraform(options.terraformBin, name);
  let planPath = resolve(path);
  let cwd = existsSync(join(dirname(planPath), '.terraform')) ? dirname(planPath) : process.cwd();
  let scratch: string | undefined;
  if (path === '-') {
    scratch = mkdtempSync(join(tmpdir(), 'blast-radius-'));
    planPath = join(scratch, 'stdin.tfplan');
    writeFileSync(planPath, bytes);
    cwd = process.cwd();
  }
  const args = [...(options.terraformArgs ?? []), 'show', '-json', '-no-color', planPath];
  return {
    run: () => childOutputSource(binary, args, { cwd, env: { ...process.env, TF_IN_AUTOMATION: '1' } }),
    failure: async (output) => {
      const { code, stderr, error, stopped } = await output.finish();
      if (error === 'ENOENT') return new InputError(`${name} is a binary Terraform plan, but ${binary} was not found.`);
      if (error !== undefined) return new InputError(`${name} is a binary Terraform plan, but ${binary} could not be started: ${error}.`);
      // Stopped by us: its output was given up on (malformed), and the reason is that error, not terraform's exit.
      if (code === 0 || stopped) return null;
      return new InputError(`\`${binary} show -json ${name}\` failed: ${firstErrorLine(stderr)}`);
    },
    dispose: () => {
      if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
