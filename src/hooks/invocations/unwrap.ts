// Sees through the commands that run another command: env, sudo, time, nohup, timeout, xargs, find -exec, sh -c, ssh …

/**
 * What one simple command really runs: the words of an inner command, a script the shell will parse again, or
 * code that cannot be seen here (a shell reading standard input, `source FILE`).
 */
export type Unwrapped =
  | { kind: 'words'; words: string[]; expanded: boolean[] }
  | { kind: 'script'; script: string }
  | { kind: 'hidden' };

interface WrapperSpec {
  /** Options that take the next word as their value. */
  valueOptions?: string[];
  /** Positional words the wrapper itself takes before the command (timeout's DURATION, ssh's host). */
  positionals?: number;
  /** The rest of the words are joined and run by a shell (watch, ssh, su -c). */
  joinsScript?: boolean;
}

const WRAPPERS: Record<string, WrapperSpec> = {
  sudo: { valueOptions: ['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '--user', '--group', '--host', '--prompt', '--chdir'] },
  doas: { valueOptions: ['-u', '-C'] },
  env: { valueOptions: ['-u', '--unset', '-C', '--chdir'] },
  time: { valueOptions: ['-f', '-o', '--format', '--output'] },
  nohup: {},
  setsid: {},
  chronic: {},
  unbuffer: {},
  caffeinate: { valueOptions: ['-t', '-w'] },
  nice: { valueOptions: ['-n', '--adjustment'] },
  ionice: { valueOptions: ['-c', '-n', '-p', '--class', '--classdata'] },
  stdbuf: { valueOptions: ['-i', '-o', '-e'] },
  timeout: { valueOptions: ['-s', '-k', '--signal', '--kill-after'], positionals: 1 },
  xargs: { valueOptions: ['-n', '-I', '-i', '-L', '-l', '-P', '-d', '-s', '-E', '-e', '-a', '--max-args', '--replace', '--max-lines', '--max-procs', '--delimiter', '--max-chars', '--eof', '--arg-file'] },
  command: {},
  exec: { valueOptions: ['-a'] },
  builtin: {},
  watch: { valueOptions: ['-n', '-d', '--interval', '--differences'], joinsScript: true },
  npx: { valueOptions: ['-p', '--package'] },
  ssh: {
    valueOptions: ['-p', '-i', '-l', '-o', '-F', '-J', '-L', '-R', '-D', '-b', '-c', '-E', '-e', '-I', '-m', '-O', '-Q', '-S', '-W', '-w', '-B'],
    positionals: 1,
    joinsScript: true,
  },
};

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'fish', 'busybox']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/** `/usr/local/bin/terraform`, `./terraform`, `terraform.exe` → `terraform`. */
export function commandName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1).replace(/\.exe$/i, '');
}

function skipOptions(words: string[], start: number, spec: WrapperSpec): number {
  let i = start;
  while (i < words.length) {
    const word = words[i] as string;
    if (word === '--') return i + 1;
    if (!word.startsWith('-') || word === '-') break;
    i += spec.valueOptions?.includes(word) ? 2 : 1;
  }
  return i + (spec.positionals ?? 0);
}

/** `sh -c 'script'`, `bash -lc "…"`: the script after an option cluster holding `c`. */
function shellScript(words: string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (!word.startsWith('-')) return undefined;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(word)) return words[i + 1];
  }
  return undefined;
}

/** `script -qc 'cmd' /dev/null`, `script --command=cmd`: util-linux script runs the command in a pseudo-terminal. */
function scriptCommand(words: string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--command' || /^-[a-zA-Z]*c$/.test(word)) return words[i + 1];
    if (word.startsWith('--command=')) return word.slice('--command='.length);
  }
  return undefined;
}

/** `find … -exec terraform destroy \;` runs the words between -exec and `;` or `+`. */
function findExec(words: string[]): string[][] {
  const commands: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    if (!['-exec', '-execdir', '-ok', '-okdir'].includes(words[i] as string)) continue;
    const end = words.findIndex((w, j) => j > i && (w === ';' || w === '+'));
    commands.push(words.slice(i + 1, end === -1 ? undefined : end));
  }
  return commands;
}

/**
 * Unwraps one simple command into what it runs, repeatedly: `sudo -E env TF_LOG=1 timeout 60 terraform apply`
 * gives the words `terraform apply`. `sh -c`, `eval`, `watch` and `ssh` give a script to parse again.
 */
export function unwrap(words: string[], expanded: boolean[], stdin?: string): Unwrapped[] {
  let at = 0;
  for (;;) {
    while (at < words.length && ASSIGNMENT.test(words[at] as string) && !expanded[at]) at++;
    if (at >= words.length) return [];
    const name = commandName(words[at] as string);
    if (expanded[at]) return [{ kind: 'words', words: words.slice(at), expanded: expanded.slice(at) }];
    if (name === 'eval') return [{ kind: 'script', script: words.slice(at + 1).join(' ') }];
    if (SHELLS.has(name)) {
      const script = shellScript(words.slice(at)) ?? stdin;
      return [script === undefined ? { kind: 'hidden' } : { kind: 'script', script }];
    }
    if (name === 'source' || name === '.') return [{ kind: 'hidden' }];
    if (name === 'script') {
      const script = scriptCommand(words.slice(at));
      if (script !== undefined) return [{ kind: 'script', script }];
    }
    if (name === 'find') {
      return findExec(words.slice(at)).map((inner) => ({ kind: 'words' as const, words: inner, expanded: inner.map(() => false) }));
    }
    if (name === 'command' && ['-v', '-V'].includes(words[at + 1] as string)) return [];
    const split = name === 'env' ? words.findIndex((w, i) => i > at && (w === '-S' || w === '--split-string')) : -1;
    if (split !== -1) return [{ kind: 'script', script: words.slice(split + 1).join(' ') }];
    const spec = Object.hasOwn(WRAPPERS, name) ? WRAPPERS[name] : undefined;
    if (!spec) return [{ kind: 'words', words: words.slice(at), expanded: expanded.slice(at) }];
    const next = skipOptions(words, at + 1, spec);
    if (spec.joinsScript) return next < words.length ? [{ kind: 'script', script: words.slice(next).join(' ') }] : [];
    at = next;
  }
}
