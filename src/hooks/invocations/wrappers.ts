// Programs that run the rest of their words as a command, after options of their own: sudo, env, nice, timeout …

export interface WrapperSpec {
  /** Options that take the next word as their value. */
  valueOptions?: string[];
  /** Positional words the wrapper itself takes before the command (timeout's DURATION, chroot's NEWROOT). */
  positionals?: number;
  /** The rest of the words are joined and run by a shell (watch). */
  joinsScript?: boolean;
}

export const WRAPPERS: Record<string, WrapperSpec> = {
  sudo: {
    valueOptions: ['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '-R', '--user', '--group', '--host', '--prompt', '--chdir', '--role', '--type', '--other-user', '--command-timeout', '--close-from', '--chroot'],
  },
  doas: { valueOptions: ['-u', '-C'] },
  pkexec: { valueOptions: ['--user'] },
  env: { valueOptions: ['-u', '--unset', '-C', '--chdir', '-P'] },
  time: { valueOptions: ['-f', '-o', '--format', '--output'] },
  nohup: {},
  setsid: {},
  chronic: {},
  unbuffer: {},
  'dumb-init': {},
  tini: { valueOptions: ['-p', '-e'] },
  'ssh-agent': { valueOptions: ['-a', '-E', '-t', '-P'] },
  'dbus-run-session': {},
  'xvfb-run': { valueOptions: ['-n', '-e', '-f', '-s', '-p', '--server-num', '--error-file', '--auth-file', '--server-args'] },
  caffeinate: { valueOptions: ['-t', '-w'] },
  nice: { valueOptions: ['-n', '--adjustment'] },
  ionice: { valueOptions: ['-c', '-n', '-p', '--class', '--classdata'] },
  chrt: { positionals: 1 },
  taskset: { positionals: 1 },
  stdbuf: { valueOptions: ['-i', '-o', '-e'] },
  timeout: { valueOptions: ['-s', '-k', '--signal', '--kill-after'], positionals: 1 },
  faketime: { valueOptions: ['-m', '-p'], positionals: 1 },
  chroot: { positionals: 1 },
  unshare: { valueOptions: ['-S', '-G', '-R', '-w', '--setuid', '--setgid', '--root', '--wd', '--map-user', '--map-group', '--propagation', '--setgroups'] },
  nsenter: { valueOptions: ['-t', '--target', '-S', '-G', '--setuid', '--setgid', '-r', '-w'] },
  'systemd-run': { valueOptions: ['-u', '--unit', '-p', '--property', '-E', '--setenv', '--uid', '--gid', '-M', '--machine', '--description', '--slice', '--working-directory', '-H', '--host'] },
  torsocks: {},
  proxychains: { valueOptions: ['-f'] },
  proxychains4: { valueOptions: ['-f'] },
  strace: { valueOptions: ['-o', '-e', '-p', '-s', '-u', '-E', '-P', '-I', '-b', '-a', '-S', '-X'] },
  ltrace: { valueOptions: ['-o', '-e', '-p', '-s', '-u', '-n', '-a', '-A', '-D', '-F', '-l'] },
  sshpass: { valueOptions: ['-p', '-f', '-d', '-P'] },
  catchsegv: {},
  command: {},
  exec: { valueOptions: ['-a'] },
  builtin: {},
  watch: { valueOptions: ['-n', '--interval', '-q', '--equexit', '-g'], joinsScript: true },
};
