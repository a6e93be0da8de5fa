// Every refused row of the hook's corpus, executed for real: a bash in an agent session, with the shims first on PATH
// and argv-recording stand-ins after them (their previews destroy production). Whatever the spelling, each row is
// refused by the hook, and what it runs reaches a stand-in only as a read or as guard's preview: never the change.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { decide } from '../../src/hooks/decide.js';
import { CATALOG_OF } from '../../src/tools/cli/catalogs.js';
import { readCliOperation } from '../../src/tools/cli/read-cli-operation.js';
import { CORPUS } from '../hooks/command-corpus.js';
import { runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { PRODUCTION_PREVIEWS, sandboxUtilities, standInTools, type StandIns } from '../helpers/stand-in-tools.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const REFUSED = CORPUS.filter((row) => row.expected !== 'pass').map((row) => row.command);
/** Runs at once: the machine has two cores, and most of a row's time is node starting for guard. */
const PARALLEL = 4;

/** Each stand-in tool's commands that change something (a dry run of one changes nothing). */
const CHANGING: Record<string, string[]> = {
  terraform: ['apply', 'destroy', 'state', 'workspace', 'import', 'taint', 'untaint', 'force-unlock', 'refresh'],
  kubectl: [
    'apply',
    'delete',
    'create',
    'replace',
    'patch',
    'scale',
    'drain',
    'taint',
    'edit',
    'label',
    'annotate',
    'set',
    'rollout',
    'autoscale',
    'cordon',
    'exec',
    'run',
    'cp',
    'debug',
    'attach',
  ],
  helm: ['install', 'upgrade', 'uninstall', 'delete', 'del', 'un', 'rollback', 'test'],
  helmfile: ['apply', 'sync', 'destroy', 'delete', 'charts'],
};

/** A call that changes something: a changing command that is not a dry run (a read, guard's preview, or a tool's own error change nothing). */
function changes([tool = '', ...args]: string[]): boolean {
  // A cloud, container or database CLI: any operation of its catalog, whatever its environment, reached it.
  if (Object.hasOwn(CATALOG_OF, tool)) return readCliOperation([tool, ...args], CATALOG_OF[tool]) !== undefined;
  const family = { tofu: 'terraform', terragrunt: 'terraform', oc: 'kubectl', kubecolor: 'kubectl' }[tool] ?? tool;
  if (args.some((word) => /^--dry-run(=(server|client|true))?$/.test(word))) return false;
  // guard's previews start with their command: `helm diff upgrade …`, `helm get manifest …`, `kubectl diff …`.
  if (args[0] === 'diff' || (args[0] === 'get' && args[1] === 'manifest')) return false;
  return args.some((word) => (CHANGING[family] ?? []).includes(word));
}

interface Ran {
  calls: string[][];
  code: number | null;
}

function runRow(index: number, command: string, utilities: string): Promise<Ran> {
  const dir = join(scratch.path, `row-${index}`);
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const tools: StandIns = standInTools(dir);
  const env = { HOME: home, XDG_DATA_HOME: join(home, '.local/share'), XDG_CONFIG_HOME: join(home, '.config') };
  expect(runCli(['shims', 'env'], { env }).code).toBe(0);
  const script = `. '${join(home, '.local/share/blast-radius/shims.sh')}'\n${command}\nstatus=$?\nwait\nexit $status`;
  return new Promise((resolve) => {
    const child = spawn(join(utilities, 'bash'), ['-c', script], {
      cwd: home,
      stdio: ['ignore', 'ignore', 'ignore'],
      env: { ...env, PATH: `${tools.bin}:${utilities}`, STAND_IN_LOG: tools.log, CLAUDECODE: '1', BLAST_RADIUS_COMPILE_CACHE: '0', ...PRODUCTION_PREVIEWS },
      timeout: 120_000,
    });
    child.on('close', (code) => resolve({ calls: tools.calls(), code }));
  });
}

const ran = new Map<string, Ran>();

beforeAll(async () => {
  const utilities = sandboxUtilities(scratch.path);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < REFUSED.length) {
      const index = next++;
      const command = REFUSED[index];
      ran.set(command, await runRow(index, command, utilities));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}, 30 * 60_000);

it.each(REFUSED)('%s', async (command) => {
  expect((await decide(command)).verdict).not.toBe('pass');
  const { calls } = ran.get(command) as Ran;
  expect(calls.filter(changes)).toEqual([]);
});

it('reaches the stand-ins as previews for most rows, so the rows really ran through the shims', () => {
  const previewed = [...ran.values()].filter(({ calls }) =>
    calls.some((call) => call.includes('--dry-run=server') || ['plan', 'diff', 'manifest'].includes(call[1] ?? '') || call.includes('plan')),
  );
  expect(previewed.length).toBeGreaterThanOrEqual(REFUSED.length / 3);
});
