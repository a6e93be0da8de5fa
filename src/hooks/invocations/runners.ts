// Programs that run a command given to them as words or as a string for a shell: ssh, su -c, flock, trap, script -c,
// git's shell aliases, tmux, screen, GNU parallel, xargs, find -exec, env -S.
import { shellQuote } from '../../shell-quote.js';
import { skipOptions } from './options.js';
import { UNKNOWN } from '../shell/template.js';
import type { Unwrapped } from './unwrapped.js';

type Runner = (words: string[], templates: string[]) => Unwrapped[];

const words = (list: string[], templates: string[]): Unwrapped => ({ kind: 'words', words: list, templates });
const script = (text: string): Unwrapped => ({ kind: 'script', script: text });

/** ssh takes options before and after the destination; the remote command is the rest, joined by spaces. */
const SSH_VALUE_OPTIONS = ['-p', '-i', '-l', '-o', '-F', '-J', '-L', '-R', '-D', '-b', '-c', '-E', '-e', '-I', '-m', '-O', '-Q', '-S', '-W', '-w', '-B', '-P'];

const ssh: Runner = (list) => {
  let i = skipOptions(list, 1, SSH_VALUE_OPTIONS);
  if (list[i - 1] === '--' && i >= 2) return list.slice(i + 1).length > 0 ? [script(list.slice(i + 1).join(' '))] : [];
  i = skipOptions(list, i + 1, SSH_VALUE_OPTIONS);
  const remote = list.slice(i);
  return remote.length > 0 ? [script(remote.join(' '))] : [];
};

/** `su [-] [user] -c CMD`, `runuser -u user -- cmd`, `sg group -c CMD`: the command string of `-c`/`--command`. */
const su: Runner = (list, templates) => {
  for (let i = 1; i < list.length; i++) {
    const word = list[i];
    if (word === '-c' || word === '--command' || word === '--session-command') return list[i + 1] === undefined ? [] : [script(list[i + 1])];
    const attached = /^--(?:session-)?command=(.*)$/s.exec(word);
    if (attached) return [script(attached[1])];
    if (word === '--') return list.length > i + 1 ? [words(list.slice(i + 1), templates.slice(i + 1))] : [];
  }
  // `sg group 'cmd'`: the command string follows the group.
  return list[0] === 'sg' && list[2] !== undefined ? [script(list.slice(2).join(' '))] : [];
};

/** `flock [options] FILE -c CMD`, `flock [options] FILE cmd args`, `flock FD`. */
const flock: Runner = (list, templates) => {
  let file: number | undefined;
  for (let i = 1; i < list.length; i++) {
    const word = list[i];
    if (word === '-c' || word === '--command') return list[i + 1] === undefined ? [] : [script(list[i + 1])];
    if (['-w', '--wait', '--timeout', '-E', '--conflict-exit-code'].includes(word)) i++;
    else if (word === '--' && file !== undefined) return [words(list.slice(i + 1), templates.slice(i + 1))];
    else if (!word.startsWith('-') && file === undefined) file = i;
    else if (!word.startsWith('-')) return [words(list.slice(i), templates.slice(i))];
  }
  return [];
};

/** `trap 'commands' EXIT`: the commands run when the signal comes, in this shell. */
const trap: Runner = (list) => {
  const at = skipOptions(list, 1);
  const action = list[at];
  if (action === undefined || action === '-' || action === '' || list.length <= at + 1 || /^(-l|-p)$/.test(list[1] ?? '')) return [];
  return [{ kind: 'script', script: action, sameShell: true }];
};

/** util-linux `script -qc 'cmd' /dev/null`, `script --command=cmd`: runs the command in a pseudo-terminal. */
const scriptCommand: Runner = (list) => {
  for (let i = 1; i < list.length; i++) {
    const word = list[i];
    if (word === '--command' || /^-[a-zA-Z]*c$/.test(word)) return list[i + 1] === undefined ? [] : [script(list[i + 1])];
    if (word.startsWith('--command=')) return [script(word.slice('--command='.length))];
  }
  return [];
};

/**
 * git runs `-c alias.x='!cmd'` through a shell when `x` is its subcommand, and other command-valued settings when
 * used; git itself is judged too (`git checkout REV -- .blast-radius.yml` overwrites a guarded file).
 */
const git: Runner = (list, templates) => {
  const aliases = new Map<string, string>();
  const found: Unwrapped[] = [words(list, templates)];
  let i = 1;
  for (; i < list.length; i++) {
    const word = list[i];
    if (word === '-c' || word === '--config-env') {
      const setting = /^([^=]+)=(.*)$/s.exec(list[i + 1] ?? '');
      const [key, value] = setting ? [setting[1].toLowerCase(), setting[2]] : ['', ''];
      if (key.startsWith('alias.') && value.startsWith('!')) aliases.set(key.slice('alias.'.length), value.slice(1));
      else if (value !== '' && !key.startsWith('alias.')) found.push(script(value.replace(/^!/, '')));
      i++;
    } else if (['-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--super-prefix'].includes(word)) i++;
    else if (!word.startsWith('-')) break;
  }
  const alias = aliases.get(list[i] ?? '');
  if (alias !== undefined) found.push(script([alias, ...list.slice(i + 1).map(shellQuote)].join(' ')));
  return found;
};

/** tmux key names that send a newline (the typed command runs). */
const TMUX_KEYS = /^(Enter|KPEnter|C-m|C-j|Escape|Space|Tab|BSpace|C-c|C-d)$/;
/** tmux commands that start a shell command: the words after their options. */
const TMUX_STARTERS = new Set([
  'new-session',
  'new',
  'new-window',
  'neww',
  'split-window',
  'splitw',
  'respawn-pane',
  'respawnp',
  'respawn-window',
  'respawnw',
  'display-popup',
  'popup',
  'run-shell',
  'run',
  'pipe-pane',
  'pipep',
]);
const TMUX_VALUE_OPTIONS = ['-t', '-s', '-n', '-c', '-x', '-y', '-e', '-F', '-l', '-p', '-N', '-w', '-h', '-T', '-d', '-b', '-S', '-E', '-L', '-f'];

function tmuxCommand(list: string[]): Unwrapped[] {
  const [name, ...rest] = list;
  if (name === 'send-keys' || name === 'send') {
    const at = skipOptions(rest, 0, ['-t', '-N', '-c']);
    const typed = rest.slice(at).filter((key) => !TMUX_KEYS.test(key));
    return typed.length > 0 ? [script(typed.join(' '))] : [];
  }
  if (!TMUX_STARTERS.has(name ?? '')) return [];
  // Flags that take no value in one command take one in another; whatever follows the last option is the command.
  const flagsOnly = new Set(['-d', '-P', '-h', '-v', '-b', '-a', '-k', '-E', '-A', '-D', '-X', '-Z', '-f', '-B', '-C', '-I', '-o']);
  let i = 0;
  while (i < rest.length && rest[i].startsWith('-') && rest[i] !== '--') i += flagsOnly.has(rest[i]) || !TMUX_VALUE_OPTIONS.includes(rest[i]) ? 1 : 2;
  if (rest[i] === '--') i++;
  const command = rest.slice(i);
  return command.length > 0 ? [script(command.join(' '))] : [];
}

/** `tmux [-L s] new-session -d 'cmd' \; send-keys 'cmd' Enter`: each tmux command, split at `;`. */
const tmux: Runner = (list) => {
  let i = 1;
  const found: Unwrapped[] = [];
  for (; i < list.length && list[i].startsWith('-'); i++) {
    if (list[i] === '-c') return list[i + 1] === undefined ? [] : [script(list[i + 1])];
    if (['-L', '-S', '-f', '-T'].includes(list[i])) i++;
  }
  let command: string[] = [];
  for (const word of [...list.slice(i), ';']) {
    if (word === ';' || word.endsWith('\\;')) {
      found.push(...tmuxCommand(command));
      command = [];
    } else command.push(word);
  }
  return found;
};

/** `screen -X stuff 'text'` types text into a session; `screen -dmS name cmd` starts cmd in one. */
const screen: Runner = (list, templates) => {
  for (let i = 1; i < list.length; i++) {
    const word = list[i];
    if (word === '-X') {
      const [command, ...args] = list.slice(i + 1);
      if (command === 'stuff') return args.length > 0 ? [script(args.join(' ').replace(/\^M|\\n|\\r|\\015/g, '\n'))] : [];
      if (command === 'screen') return screen(['screen', ...args], ['screen', ...templates.slice(i + 2)]);
      return [];
    }
    if (word === '-Logfile' || /^-[a-zA-Z]*[SctpheT]$/.test(word)) i++;
    else if (!word.startsWith('-')) return [words(list.slice(i), templates.slice(i))];
  }
  return [];
};

const PARALLEL_VALUE_OPTIONS = [
  '-j',
  '--jobs',
  '-S',
  '--sshlogin',
  '-a',
  '--arg-file',
  '-I',
  '-n',
  '-N',
  '-d',
  '--delimiter',
  '-E',
  '--timeout',
  '--delay',
  '--results',
  '--joblog',
  '--tmpdir',
  '--workdir',
  '--wd',
  '-P',
  '--max-procs',
  '--colsep',
  '-C',
  '--tagstring',
  '--env',
  '--retries',
  '--memfree',
  '--load',
];
/** More command lines than this are not built from one parallel invocation. */
const MAX_PARALLEL_LINES = 32;

/** GNU parallel runs its command template through a shell once per argument (`:::` lists, or standard input). */
const parallel: Runner = (list) => {
  const at = skipOptions(list, 1, PARALLEL_VALUE_OPTIONS);
  const marker = list.findIndex((w, i) => i >= at && /^:::[:+]?$/.test(w));
  const template = list.slice(at, marker === -1 ? undefined : marker);
  const values = marker === -1 || list[marker] !== ':::' ? undefined : list.slice(marker + 1).filter((w) => !/^:::/.test(w));
  if (template.length === 0) return (values ?? []).slice(0, MAX_PARALLEL_LINES).map((line) => script(line));
  const line = template.join(' ');
  const fill = (value: string) => (line.includes('{}') ? line.split('{}').join(value) : `${line} ${value}`);
  // Arguments read from standard input (or a file) are only known at run time.
  if (values === undefined) return [script(fill('"$parallel_argument"'))];
  return values.slice(0, MAX_PARALLEL_LINES).map((value) => script(fill(shellQuote(value))));
};

const XARGS_VALUE_OPTIONS = [
  '-n',
  '-L',
  '-l',
  '-P',
  '-d',
  '-s',
  '-E',
  '-e',
  '-a',
  '--max-args',
  '--max-lines',
  '--max-procs',
  '--delimiter',
  '--max-chars',
  '--eof',
  '--arg-file',
  '--process-slot-var',
];

/** xargs adds words read from standard input to its command (or puts them where `-I` says): known only at run time. */
const xargs: Runner = (list, templates) => {
  let replace: string | undefined;
  let i = 1;
  for (; i < list.length; i++) {
    const word = list[i];
    if (word === '--') {
      i++;
      break;
    }
    if (!word.startsWith('-')) break;
    if (word === '-I' || word === '--replace') replace = list[++i];
    else if (/^-I./.test(word)) replace = word.slice(2);
    else if (word === '-i' || word.startsWith('--replace=')) replace = word.includes('=') ? word.slice(word.indexOf('=') + 1) : '{}';
    else if (XARGS_VALUE_OPTIONS.includes(word)) i++;
  }
  const command = list.slice(i);
  if (command.length === 0) return [];
  const commandTemplates = templates.slice(i).map((t) => (replace !== undefined && replace !== '' ? t.split(replace).join(UNKNOWN) : t));
  if (replace === undefined) return [words([...command, '{}'], [...commandTemplates, UNKNOWN])];
  return [words(command, commandTemplates)];
};

/** `find … -exec cmd {} \;`, `-execdir`, `-ok`, `-okdir`: the words up to `;` or `+`, `{}` being each file found. */
const find: Runner = (list, templates) => {
  const found: Unwrapped[] = [];
  for (let i = 0; i < list.length; i++) {
    if (!['-exec', '-execdir', '-ok', '-okdir'].includes(list[i])) continue;
    const end = list.findIndex((w, j) => j > i && (w === ';' || w === '+'));
    const stop = end === -1 ? undefined : end;
    found.push(
      words(
        list.slice(i + 1, stop),
        templates.slice(i + 1, stop).map((t) => t.split('{}').join(UNKNOWN)),
      ),
    );
  }
  return found;
};

/** `env -S 'cmd args'`, `env --split-string=…`: the string is split into the command's words. */
function envSplit(list: string[]): Unwrapped[] | undefined {
  for (let i = 1; i < list.length; i++) {
    const word = list[i];
    if (word === '-S' || word === '--split-string' || /^-[a-zA-Z]*S$/.test(word)) return [script(list.slice(i + 1).join(' '))];
    if (word.startsWith('--split-string=')) return [script([word.slice('--split-string='.length), ...list.slice(i + 1)].join(' '))];
    if (/^-S./.test(word)) return [script([word.slice(2), ...list.slice(i + 1)].join(' '))];
    if (!word.startsWith('-')) return undefined;
  }
  return undefined;
}

const RUNNERS: Record<string, Runner> = {
  ssh,
  su,
  runuser: su,
  sg: su,
  flock,
  trap,
  script: scriptCommand,
  git,
  tmux,
  screen,
  parallel,
  xargs,
  find,
};

/** What the runner named by words[0] runs, or undefined when it is not one. */
export function runnerCommands(name: string, list: string[], templates: string[]): Unwrapped[] | undefined {
  if (name === 'env') return envSplit(list);
  return Object.hasOwn(RUNNERS, name) ? RUNNERS[name](list, templates) : undefined;
}
