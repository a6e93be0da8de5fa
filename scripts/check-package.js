// Checks the package a user installs (npm run package:check): packs this checkout, installs the tarball globally into
// a clean prefix as `npm install -g blast-radius` would, and fails unless no installed package has an install script,
// the install weighs at most 40 MB, and the installed command blocks the example plan, says in one sentence what
// --cluster needs, and names this version. Dependencies come from the npm cache first (--prefer-offline), so that a
// machine which installed them once can run it offline; when neither the cache nor the registry has them it says so
// and exits 3, which tests/scripts/check-package.test.ts reports as a skip.
// `--json` prints the measurements as one JSON object on the last line.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_INSTALLED_BYTES = 40_000_000;
const EXAMPLE_PLAN = join(ROOT, 'fixtures/terraform/prod-replace/plan.json');
const KUBERNETES_DELETION = join(ROOT, 'fixtures/kubernetes/kubectl-delete/namespace-new-form/delete.txt');
const CLUSTER_SENTENCE = 'blast-radius: --cluster needs the optional package @kubernetes/client-node: npm install -g @kubernetes/client-node\n';
/** What npm runs when it installs a package (`prepare` only for git and local-folder sources, never for a tarball). */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
/** npm's codes for a registry it cannot reach, or a cache that lacks what --offline asked for. */
const UNREACHABLE = /npm (?:error|ERR!) code (ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH)\b/;
const EXIT_SKIPPED = 3;

const json = process.argv.includes('--json');
const problems = [];

function npm(args, cwd) {
  return spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
}

/** Every package.json under node_modules, scoped packages and nested node_modules included. */
function installedPackages(directory) {
  const found = [];
  const modules = join(directory, 'node_modules');
  if (!existsSync(modules)) return found;
  for (const entry of readdirSync(modules)) {
    const paths = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((name) => join(modules, entry, name)) : [join(modules, entry)];
    for (const path of paths) {
      if (!existsSync(join(path, 'package.json'))) continue;
      found.push(path, ...installedPackages(path));
    }
  }
  return found;
}

/** The install scripts npm would run for a package: its own, or node-gyp's default build when it has a binding.gyp. */
function installScripts(path) {
  const { name, scripts = {} } = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
  const named = INSTALL_SCRIPTS.filter((script) => scripts[script] !== undefined).map((script) => `${name} (${script}: ${scripts[script]})`);
  if (existsSync(join(path, 'binding.gyp')) && scripts.install === undefined) named.push(`${name} (binding.gyp: node-gyp rebuild)`);
  return named;
}

/** Bytes on disk, as du counts them (blocks, each file once). */
function diskUsage(path) {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.blocks * 512;
  return readdirSync(path).reduce((total, entry) => total + diskUsage(join(path, entry)), stat.blocks * 512);
}

function expectRun(label, command, args, { code, stdout, stdoutStart, stderr, input = '' }) {
  const result = spawnSync(command, args, { input, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' } });
  const wrong =
    result.status !== code ||
    (stdout !== undefined && result.stdout !== stdout) ||
    (stdoutStart !== undefined && !result.stdout.startsWith(stdoutStart)) ||
    (stderr !== undefined && result.stderr !== stderr);
  if (wrong)
    problems.push(
      `${label}: exit ${result.status}, stdout ${JSON.stringify(result.stdout.slice(0, 200))}, stderr ${JSON.stringify(result.stderr.slice(0, 300))}`,
    );
}

if (!existsSync(join(ROOT, 'dist/start.cjs')) || !existsSync(join(ROOT, 'dist/grammars/tree-sitter-bash.wasm'))) {
  console.error('check-package: dist/ is not built: run npm run build first (npm run package:check does).');
  process.exit(2);
}
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-package-'));
try {
  // The build is already there: packing without scripts packs it instead of building it again.
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const [{ filename, size: tarballBytes, entryCount }] = JSON.parse(pack.stdout);

  const prefix = join(scratch, 'prefix');
  const install = npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(scratch, filename)], scratch);
  if (install.status !== 0) {
    const unreachable = UNREACHABLE.exec(install.stderr);
    if (unreachable) {
      console.log(`check-package: skipped: npm could not fetch the dependencies (${unreachable[1]}): neither the npm cache nor the registry has them.`);
      process.exit(EXIT_SKIPPED);
    }
    throw new Error(`npm install -g of the tarball failed: ${install.stderr}`);
  }

  const packageDirectory = join(prefix, 'lib', 'node_modules', 'blast-radius');
  const packages = [packageDirectory, ...installedPackages(packageDirectory)];
  const withScripts = packages.flatMap(installScripts);
  if (withScripts.length > 0) problems.push(`packages with install scripts: ${withScripts.join('; ')}`);
  const installedBytes = diskUsage(prefix);
  if (installedBytes > MAX_INSTALLED_BYTES) problems.push(`the install weighs ${installedBytes} bytes, over ${MAX_INSTALLED_BYTES}`);

  const bin = join(prefix, 'bin', 'blast-radius');
  expectRun('check of the example plan', bin, ['check', EXAMPLE_PLAN], { code: 1, stdoutStart: 'BLOCKED' });
  expectRun('check --cluster without the optional package', bin, ['check', '--cluster', KUBERNETES_DELETION], { code: 2, stderr: CLUSTER_SENTENCE });
  expectRun('--version', bin, ['--version'], { code: 0, stdoutStart: `${version}\n` });
  // The agent hook parses the command with the grammar shipped in dist/grammars/: a plan passes, a destroy is denied.
  const hookCall = (command) => JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
  expectRun('hook on a plan', bin, ['hook', 'claude-code'], { code: 0, stdout: '', stderr: '', input: hookCall('cd infra && terraform plan') });
  expectRun('hook on a destroy', bin, ['hook', 'claude-code'], {
    code: 0,
    stdoutStart: '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny"',
    stderr: '',
    input: hookCall('cd infra && terraform destroy -auto-approve'),
  });

  const measured = { tarball: filename, tarballBytes, entryCount, packages: packages.length, installedBytes, withScripts };
  if (json) console.log(JSON.stringify(measured));
  else
    console.log(
      `check-package: ${filename} (${tarballBytes} bytes, ${entryCount} files) installs ${packages.length} packages in ${(installedBytes / 1e6).toFixed(1)} MB.`,
    );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
for (const problem of problems) console.error(`check-package: ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
