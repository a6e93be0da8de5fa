// The shims end to end: `blast-radius shims env` from the built CLI, then a real bash running commands with the shim
// directory first on PATH and stand-in tools after it. Read-only runs reach the tool at once; destructive ones reach
// it only as guard's preview, are refused in an agent session, or are asked of a person at a terminal.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { PRODUCTION_PREVIEWS, sandboxUtilities, standInTools, type StandIns } from '../helpers/stand-in-tools.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const utilities = sandboxUtilities(scratch.path);
/** A terminal for the tests that need a person's answer: util-linux `script` runs the command in a pseudo-terminal. */
const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).stdout.trim() !== '';
let runs = 0;

interface Shell {
  home: string;
  shims: string;
  tools: StandIns;
  /** Runs a command in bash with the shims first on PATH; `agent` sets Claude Code's session marker. */
  bash(command: string, options?: { agent?: boolean; input?: string; env?: NodeJS.ProcessEnv }): { code: number | null; stdout: string; stderr: string };
}

function shell(previews: Record<string, string> = PRODUCTION_PREVIEWS): Shell {
  const dir = join(scratch.path, `shell-${++runs}`);
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const tools = standInTools(dir);
  const env = { HOME: home, XDG_DATA_HOME: join(home, '.local/share'), XDG_CONFIG_HOME: join(home, '.config') };
  const made = runCli(['shims', 'env'], { env });
  expect(made.code).toBe(0);
  const shims = join(home, '.local/share/blast-radius/shims');
  expect(made.stdout).toBe(`export PATH='${shims}':"$PATH"\n`);
  return {
    home,
    shims,
    tools,
    bash(command, options = {}) {
      const result = spawnSync(
        join(utilities, 'bash'),
        ['-c', `eval "$(cat '${join(home, '.local/share/blast-radius/shims.sh')}')"\n${command}\nstatus=$?\nwait\nexit $status`],
        {
          cwd: home,
          input: options.input ?? '',
          encoding: 'utf8',
          env: {
            ...env,
            PATH: `${tools.bin}:${utilities}`,
            STAND_IN_LOG: tools.log,
            NO_COLOR: '1',
            BLAST_RADIUS_COMPILE_CACHE: '0',
            ...previews,
            ...(options.agent ? { CLAUDECODE: '1' } : {}),
            ...options.env,
          },
          timeout: 60_000,
        },
      );
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}

describe('shims env', () => {
  it('writes one executable shim per guarded tool in a directory no one else can write, and the PATH line beside it', () => {
    const { shims, home } = shell();
    for (const tool of ['terraform', 'tofu', 'terragrunt', 'kubectl', 'oc', 'kubecolor', 'helm', 'helmfile']) {
      expect(lstatSync(join(shims, tool)).mode & 0o777).toBe(0o755);
      expect(readFileSync(join(shims, tool), 'utf8')).toMatch(/^#!\/bin\/sh\n# blast-radius shim: /);
    }
    expect(lstatSync(shims).mode & 0o022).toBe(0);
    expect(readFileSync(join(home, '.local/share/blast-radius/shims.sh'), 'utf8')).toBe(`export PATH='${shims}':"$PATH"\n`);
  });

  it('refuses a shim directory others can write, or one that is a link, in one sentence', () => {
    const { shims, home } = shell();
    const env = { HOME: home, XDG_DATA_HOME: join(home, '.local/share') };
    chmodSync(shims, 0o777);
    const open = runCli(['shims', 'env'], { env });
    expect(open.code).toBe(2);
    expect(open.stderr).toBe(
      `blast-radius: The shim directory ${shims} must be a directory of your own that no one else can write (not a link, not group- or world-writable); remove it and run \`blast-radius shims env\` again.\n`,
    );
    const linked = join(home, 'linked');
    mkdirSync(join(linked, 'blast-radius', 'elsewhere'), { recursive: true });
    symlinkSync(join(linked, 'blast-radius', 'elsewhere'), join(linked, 'blast-radius', 'shims'));
    expect(runCli(['shims', 'env'], { env: { HOME: home, XDG_DATA_HOME: linked } }).code).toBe(2);
  });
});

describe('a read-only run', () => {
  it.each([
    'kubectl get pods -A',
    'kubectl --context prod -n payments describe deploy api',
    'terraform -chdir=infra plan -out=tfplan',
    'terraform state list',
    'helm --kube-context prod list -A',
    'terragrunt run-all plan',
  ])('%s reaches the tool at once with its words untouched', (command) => {
    const run = shell();
    const result = run.bash(command);
    expect(result.code).toBe(0);
    expect(run.tools.calls()).toEqual([command.split(' ')]);
  });

  it('passes the tool its exit code and output', () => {
    const run = shell();
    const result = run.bash('kubectl get pods; echo "exit $?"', { env: { STAND_IN_EXIT: '3' } });
    expect(result.stdout).toBe('exit 3\n');
  });
});

describe('a destructive run', () => {
  it('reaches kubectl only as the server dry run, and is refused with the report when production would go', () => {
    const run = shell();
    const result = run.bash('kubectl delete ns payments-prod', { agent: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('payments-prod');
    expect(run.tools.calls()).toEqual([['kubectl', 'delete', 'ns', 'payments-prod', '--dry-run=server']]);
  });

  it('runs exactly the checked command, output on stdout and its exit code, when nothing protected goes', () => {
    const staging = scratch.write('staging-delete.txt', 'namespace "payments-staging" deleted (server dry run)\n');
    const run = shell({ ...PRODUCTION_PREVIEWS, STAND_IN_DELETE: staging });
    const result = run.bash('kubectl delete ns payments-staging; echo "exit $?"', {
      agent: true,
      env: { STAND_IN_SAY: 'namespace "payments-staging" deleted' },
    });
    expect(run.tools.calls()).toEqual([
      ['kubectl', 'delete', 'ns', 'payments-staging', '--dry-run=server'],
      ['kubectl', 'delete', 'ns', 'payments-staging'],
    ]);
    expect(result.stdout).toBe('namespace "payments-staging" deleted\nexit 0\n');
  });

  it('lets guard, called by name with the shims first on PATH, run the real tool past them (no second check)', () => {
    const staging = scratch.write('staging-guard.txt', 'namespace "payments-staging" deleted (server dry run)\n');
    const run = shell({ ...PRODUCTION_PREVIEWS, STAND_IN_DELETE: staging });
    const result = run.bash(`'${process.execPath}' '${BIN}' guard -- kubectl delete ns payments-staging`, { agent: true });
    expect(result.code).toBe(0);
    expect(run.tools.calls()).toEqual([
      ['kubectl', 'delete', 'ns', 'payments-staging', '--dry-run=server'],
      ['kubectl', 'delete', 'ns', 'payments-staging'],
    ]);
  });

  it('checks a kubecolor delete with the real kubectl after the shims', () => {
    const run = shell();
    expect(run.bash('kubecolor delete ns payments-prod', { agent: true }).code).toBe(1);
    expect(run.tools.calls()).toEqual([['kubectl', 'delete', 'ns', 'payments-prod', '--dry-run=server']]);
  });

  it('plans, checks and applies nothing when the terraform plan replaces production', () => {
    const run = shell();
    const result = run.bash('terraform apply -auto-approve', { agent: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('blast-radius blocked');
    const calls = run.tools.calls();
    expect(calls.map((call) => call.slice(0, 2))).toEqual([
      ['terraform', 'plan'],
      ['terraform', 'show'],
    ]);
  });

  it('refuses what no guard checks, in an agent session, with the words a model acts on', () => {
    const run = shell();
    const result = run.bash('kubectl drain node-1 --ignore-daemonsets', { agent: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('blast-radius refused this command');
    expect(result.stderr).toContain('`kubectl drain node-1 --ignore-daemonsets`: kubectl drain evicts every pod from the node.');
    expect(run.tools.calls()).toEqual([]);
  });

  it('refuses it without a terminal outside an agent session too', () => {
    const run = shell();
    const result = run.bash('kubectl scale deploy/api --replicas=0x0');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'blast-radius: refused `kubectl scale deploy/api --replicas=0x0`: kubectl scale --replicas=0x0 takes the workload down to zero pods. Only a person at a terminal may run it.\n',
    );
    expect(run.tools.calls()).toEqual([]);
  });

  (hasScript ? it.each : it.skip.each)([
    ['yes', [['kubectl', 'drain', 'node-1']]],
    ['no', []],
  ])('asks a person at a terminal (util-linux script; skipped without it), and answering %s runs %j', (answer, calls) => {
    const run = shell();
    const result = run.bash(`script -qec 'kubectl drain node-1' /dev/null`, { input: `${answer}\n` });
    expect(result.stdout).toContain("Run `kubectl drain node-1` anyway? Only 'yes' will be accepted:");
    expect(run.tools.calls()).toEqual(calls);
  });

  (hasScript ? it : it.skip)(
    'asks at a terminal (util-linux script; skipped without it) before applying a checked plan given without -auto-approve, as terraform asks',
    () => {
      const run = shell({ ...PRODUCTION_PREVIEWS, STAND_IN_PLAN_JSON: join(PRODUCTION_PREVIEWS.STAND_IN_PLAN_JSON, '../../staging-delete/plan.json') });
      const declined = run.bash(`script -qec 'terraform apply' /dev/null`, { input: 'no\n' });
      expect(declined.stdout).toContain("Only 'yes' will be accepted to approve.");
      expect(run.tools.calls().map((call) => call[1])).toEqual(['plan', 'show']);
      run.bash(`script -qec 'terraform apply' /dev/null`, { input: 'yes\n' });
      expect(run.tools.calls().map((call) => call[1])).toEqual(['plan', 'show', 'plan', 'show', 'apply']);
    },
  );
});

describe('cloud and database CLIs', () => {
  it('refuses a catalogued operation on production in an agent session, and runs one elsewhere', () => {
    const run = shell();
    const refused = run.bash('aws rds delete-db-instance --db-instance-identifier payments-prod --skip-final-snapshot', { agent: true });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('`aws rds delete-db-instance` destroys an RDS DB instance and its storage (DB instance payments-prod), in production');
    expect(refused.stderr).toContain('--skip-final-snapshot: no final snapshot is taken');
    expect(run.bash('aws rds delete-db-instance --db-instance-identifier scratch-dev', { agent: true }).code).toBe(0);
    expect(run.tools.calls()).toEqual([['aws', 'rds', 'delete-db-instance', '--db-instance-identifier', 'scratch-dev']]);
  });

  it('reads statements piped to a database client before it does, and hands it the same bytes', () => {
    const run = shell();
    const refused = run.bash('printf "DROP TABLE orders;\\n" | psql "$PROD_DATABASE_URL"', {
      agent: true,
      env: { PROD_DATABASE_URL: 'postgresql://u:pw@db/x' },
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('runs DROP TABLE orders');
    expect(refused.stderr).not.toContain('pw@');
    expect(run.tools.calls()).toEqual([]);
    const passed = run.bash('printf "SELECT 1;\\n" | psql -h db.dev.internal', { agent: true });
    expect(passed.code).toBe(0);
    expect(run.tools.calls()).toEqual([['psql', '-h', 'db.dev.internal']]);
    expect(readFileSync(`${run.tools.log}.stdin`, 'utf8')).toBe('SELECT 1;\n');
  });
});

describe('finding the real tool', () => {
  it('says so when the tool is not installed after the shims', () => {
    const run = shell();
    const result = run.bash('PATH=$(dirname "$(command -v kubectl)"):' + utilities + ' kubectl get pods');
    expect(result.code).toBe(127);
    expect(result.stderr).toMatch(/^blast-radius: kubectl is not on PATH after the blast-radius shims \(.*\), so there is nothing to run\.\n$/);
  });

  it('stops a loop between two copies of a shim with a sentence', () => {
    const run = shell();
    for (const copy of ['a', 'b']) {
      mkdirSync(join(run.home, copy));
      copyFileSync(join(run.shims, 'kubectl'), join(run.home, copy, 'kubectl'));
    }
    const result = run.bash(`PATH=${join(run.home, 'a')}:${join(run.home, 'b')}:${utilities} kubectl get pods`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a copy of the blast-radius shim for kubectl, found by another shim as the real kubectl (a loop)');
  });
});
