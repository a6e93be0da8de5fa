// Programs that start a tool named among their arguments: secret injectors (aws-vault, op, doppler), version managers
// (mise, asdf, direnv), bundled Kubernetes CLIs (microk8s, k3s, minikube), nix, package runners (npx, pnpm dlx,
// bunx), containers of a tool's image (docker run hashicorp/terraform …) and commands run in a pod (kubectl exec).
import { TOOL_NAMES } from '../prefilter.js';
import { commandName } from './command-name.js';
import { skipOptions } from './options.js';
import type { Unwrapped } from './unwrapped.js';

type Launcher = (list: string[], templates: string[]) => Unwrapped[] | undefined;

const from = (list: string[], templates: string[], at: number): Unwrapped[] =>
  at < list.length ? [{ kind: 'words', words: list.slice(at), templates: templates.slice(at) }] : [];

/** The words after the first `--` from `start`, or undefined without one. */
function afterDoubleDash(list: string[], start: number): number | undefined {
  const at = list.indexOf('--', start);
  return at === -1 ? undefined : at + 1;
}

/** `aws-vault [--backend x] exec [options] PROFILE [--] cmd …` */
const awsVault: Launcher = (list, templates) => {
  const exec = list.indexOf('exec');
  if (exec === -1) return undefined;
  const profile = skipOptions(list, exec + 1, ['-d', '--duration', '-t', '--mfa-token', '--region', '--prompt', '--ec2-server']);
  const at = list[profile + 1] === '--' ? profile + 2 : profile + 1;
  return from(list, templates, at);
};

/** `op run [options] -- cmd …` (1Password CLI). */
const op: Launcher = (list, templates) => {
  if (!list.includes('run')) return undefined;
  const at = afterDoubleDash(list, 1);
  return at === undefined ? [] : from(list, templates, at);
};

/** `doppler run [options] -- cmd …`, `doppler run --command 'cmd'`. */
const doppler: Launcher = (list, templates) => {
  const run = list.indexOf('run');
  if (run === -1) return undefined;
  for (let i = run + 1; i < list.length; i++) {
    const word = list[i];
    if (word === '--command' || word === '--cmd') return list[i + 1] === undefined ? [] : [{ kind: 'script', script: list[i + 1] }];
    if (/^--(command|cmd)=/.test(word)) return [{ kind: 'script', script: word.slice(word.indexOf('=') + 1) }];
    if (word === '--') return from(list, templates, i + 1);
  }
  return from(
    list,
    templates,
    skipOptions(list, run + 1, ['-p', '--project', '-c', '--config', '--token', '--mount', '--mount-format', '--name-transformer', '--fallback', '--scope']),
  );
};

/** `direnv exec DIR cmd …` */
const direnv: Launcher = (list, templates) => (list[1] === 'exec' ? from(list, templates, 3) : undefined);

/** `mise exec|x [tool@version …] [--] cmd`, `mise x -c 'cmd'` (and rtx, its former name). */
const mise: Launcher = (list, templates) => {
  if (list[1] !== 'exec' && list[1] !== 'x') return undefined;
  for (let i = 2; i < list.length; i++) {
    const word = list[i];
    if (word === '-c' || word === '--command') return list[i + 1] === undefined ? [] : [{ kind: 'script', script: list[i + 1] }];
    if (word === '--') return from(list, templates, i + 1);
  }
  let at = 2;
  while (at < list.length && (list[at].startsWith('-') || list[at].includes('@'))) at++;
  return from(list, templates, at);
};

/** `asdf exec cmd …` */
const asdf: Launcher = (list, templates) => (list[1] === 'exec' ? from(list, templates, 2) : undefined);

/** Tools bundled into a Kubernetes distribution's own CLI: `microk8s kubectl …`, `k3s kubectl …`. */
const BUNDLED: Record<string, string> = { kubectl: 'kubectl', helm: 'helm', helm3: 'helm', oc: 'oc' };

const bundled: Launcher = (list, templates) => {
  const tool = BUNDLED[list[1] ?? ''];
  return tool ? [{ kind: 'words', words: [tool, ...list.slice(2)], templates: [tool, ...templates.slice(2)] }] : undefined;
};

/** `minikube kubectl [-p profile] -- args`: minikube runs the kubectl matching its cluster. */
const minikube: Launcher = (list, templates) => {
  const at = list.indexOf('kubectl');
  if (at === -1) return undefined;
  const args = afterDoubleDash(list, at) ?? skipOptions(list, at + 1, ['-p', '--profile']);
  return [{ kind: 'words', words: ['kubectl', ...list.slice(args)], templates: ['kubectl', ...templates.slice(args)] }];
};

/** `nixpkgs#terraform`, `github:owner/repo#helm_3_14`, `nixpkgs/nixos-24.05#kubectl` → the program it provides. */
function installableProgram(installable: string): string {
  const attribute = installable.includes('#') ? installable.slice(installable.lastIndexOf('#') + 1) : commandName(installable);
  const name = attribute.slice(attribute.lastIndexOf('.') + 1);
  const tool = TOOL_NAMES.find((t) => name === t || name.startsWith(`${t}_`) || name.startsWith(`${t}-`));
  return tool ?? name;
}

/** `nix run INSTALLABLE [-- args]`, `nix shell … -c cmd`, `nix develop -c cmd`, `nix-shell -p … --run 'cmd'`. */
const nix: Launcher = (list, templates) => {
  const command = list.findIndex((w) => w === '-c' || w === '--command');
  if (list[0] !== 'nix-shell' && command !== -1) return from(list, templates, command + 1);
  if (list[0] === 'nix-shell') {
    const run = list.findIndex((w) => w === '--run' || w === '--command');
    return run !== -1 && list[run + 1] !== undefined ? [{ kind: 'script', script: list[run + 1] }] : [];
  }
  if (list[1] !== 'run') return undefined;
  const at = skipOptions(list, 2, ['--override-input', '--inputs-from', '--arg', '--argstr', '-I', '--option']);
  const installable = list[at];
  if (installable === undefined) return [];
  const program = installableProgram(installable);
  const args = afterDoubleDash(list, at + 1) ?? at + 1;
  return [{ kind: 'words', words: [program, ...list.slice(args)], templates: [program, ...templates.slice(args)] }];
};

/** `terraform@1.9.0`, `@cdktf/cli@latest` → the command the package installs, as npx names it. */
function packageCommand(spec: string): string {
  const unversioned = spec.replace(/(?!^)@[^/]*$/, '');
  return commandName(unversioned);
}

const PACKAGE_VALUE_OPTIONS = [
  '-p',
  '--package',
  '--registry',
  '--cache',
  '--userconfig',
  '--prefix',
  '--dir',
  '--filter',
  '-F',
  '-C',
  '--cwd',
  '--workspace',
  '-w',
];

/** `npx pkg args`, `pnpx`, `bunx`, `pnpm dlx|exec`, `yarn dlx|exec`, `npm exec [--] pkg`, `bun x`, `uvx`, `pipx run`. */
const packageRunner: Launcher = (list, templates) => {
  const name = commandName(list[0] ?? '');
  const subcommands: Record<string, string[]> = { pnpm: ['dlx', 'exec'], yarn: ['dlx', 'exec'], npm: ['exec', 'x'], bun: ['x'], pipx: ['run'], uv: ['tool'] };
  let start = 1;
  if (Object.hasOwn(subcommands, name)) {
    if (!subcommands[name].includes(list[1] ?? '')) return undefined;
    start = name === 'uv' && list[2] === 'run' ? 3 : 2;
  }
  const at = skipOptions(list, start, [...PACKAGE_VALUE_OPTIONS, '-c', '--call']);
  // `npx -c 'cmd'`: a command string of the runner's own, before any package.
  const command = list.findIndex((w, i) => i >= start && i < at && (w === '-c' || w === '--call'));
  if (command !== -1 && list[command + 1] !== undefined) return [{ kind: 'script', script: list[command + 1] }];
  if (at >= list.length) return [];
  const program = packageCommand(list[at]);
  // `npm exec pkg -- args`: the arguments after `--` are the package command's.
  const args = list[at + 1] === '--' ? at + 2 : at + 1;
  return [{ kind: 'words', words: [program, ...list.slice(args)], templates: [program, ...templates.slice(args)] }];
};

const DOCKER_VALUE_OPTIONS = [
  '-e',
  '--env',
  '-v',
  '--volume',
  '-w',
  '--workdir',
  '-p',
  '--publish',
  '--name',
  '--network',
  '--net',
  '-u',
  '--user',
  '--env-file',
  '--mount',
  '-l',
  '--label',
  '--platform',
  '-h',
  '--hostname',
  '--add-host',
  '--cpus',
  '-m',
  '--memory',
  '--restart',
  '--device',
  '--cap-add',
  '--cap-drop',
  '--security-opt',
  '--ulimit',
  '--pull',
  '--log-driver',
  '--log-opt',
  '--dns',
  '--ipc',
  '--pid',
  '--gpus',
  '--group-add',
  '--tmpfs',
  '--shm-size',
  '--stop-signal',
  '--stop-timeout',
  '--runtime',
  '-a',
  '--attach',
  '--cidfile',
  '--expose',
  '--health-cmd',
  '--link',
  '--volumes-from',
  '--userns',
  '--uts',
  '--cgroupns',
  '--label-file',
  '--memory-swap',
  '--sysctl',
  '--ip',
  '--ip6',
  '--mac-address',
  '--entrypoint',
  '--detach-keys',
  '--pod',
  '--arch',
  '--os',
  '--variant',
  '--secret',
  '--context',
  '-c',
  '-H',
  '--host',
];

/** The guarded tools an image provides, by its name: `hashicorp/terraform:1.9` → terraform, `dtzar/helm-kubectl` → helm, kubectl. */
function imageTools(image: string): string[] {
  const name = image.replace(/@sha256:.*$/, '').replace(/:[^/]*$/, '');
  const parts = name.toLowerCase().split(/[/._:-]+/);
  const tools = TOOL_NAMES.filter((tool) => parts.includes(tool) || (tool === 'tofu' && parts.includes('opentofu')));
  return tools;
}

/** `docker run [options] IMAGE [cmd …]`, `docker exec [options] CONTAINER cmd …`, and podman, nerdctl, finch alike. */
const container: Launcher = (list, templates) => {
  const at = skipOptions(list, 1, ['-H', '--host', '-c', '--context', '--config', '-l', '--log-level']);
  let sub = at;
  if (['container', 'compose'].includes(list[sub] ?? '')) sub++;
  const verb = list[sub];
  if (verb !== 'run' && verb !== 'exec') return undefined;
  const composed = list[at] === 'compose';
  const target = skipOptions(list, sub + 1, DOCKER_VALUE_OPTIONS);
  if (target >= list.length) return [];
  const found: Unwrapped[] = from(list, templates, target + 1);
  if (verb === 'exec' || composed) return found;
  const entrypoint = list.findIndex((w, i) => i > sub && i < target && (w === '--entrypoint' || w.startsWith('--entrypoint=')));
  if (entrypoint !== -1) {
    const given = list[entrypoint].includes('=') ? list[entrypoint].slice('--entrypoint='.length) : (list[entrypoint + 1] ?? '');
    return [{ kind: 'words', words: [given, ...list.slice(target + 1)], templates: [given, ...templates.slice(target + 1)] }];
  }
  for (const tool of imageTools(list[target])) {
    if (list[target + 1] === tool) continue;
    found.push({ kind: 'words', words: [tool, ...list.slice(target + 1)], templates: [tool, ...templates.slice(target + 1)] });
  }
  return found;
};

/** `kubectl exec POD -- cmd …`, `oc exec`, `oc rsh POD cmd`: the command runs in the pod. */
const inPod: Launcher = (list, templates) => {
  if (!list.includes('exec') && list[1] !== 'rsh') return undefined;
  const at = afterDoubleDash(list, 1);
  return at === undefined ? undefined : [{ kind: 'words', words: list, templates }, ...from(list, templates, at)];
};

const LAUNCHERS: Record<string, Launcher> = {
  'aws-vault': awsVault,
  op,
  doppler,
  direnv,
  mise,
  rtx: mise,
  asdf,
  microk8s: bundled,
  k3s: bundled,
  k0s: bundled,
  minikube,
  nix,
  'nix-shell': nix,
  npx: packageRunner,
  pnpx: packageRunner,
  bunx: packageRunner,
  uvx: packageRunner,
  pnpm: packageRunner,
  yarn: packageRunner,
  npm: packageRunner,
  bun: packageRunner,
  pipx: packageRunner,
  uv: packageRunner,
  docker: container,
  podman: container,
  nerdctl: container,
  finch: container,
  kubectl: inPod,
  oc: inPod,
  kubecolor: inPod,
};

/** `microk8s.kubectl`, `microk8s.helm3`: the snap's aliases of its bundled tools. */
function snapAlias(name: string): string | undefined {
  const match = /^microk8s\.(kubectl|helm3?|oc)$/.exec(name);
  return match ? BUNDLED[match[1]] : undefined;
}

/** What the launcher named by words[0] starts, or undefined when it is not one (or starts nothing of note). */
export function launched(name: string, list: string[], templates: string[]): Unwrapped[] | undefined {
  const alias = snapAlias(name);
  if (alias) return [{ kind: 'words', words: [alias, ...list.slice(1)], templates: [alias, ...templates.slice(1)] }];
  return Object.hasOwn(LAUNCHERS, name) ? LAUNCHERS[name](list, templates) : undefined;
}
