// Who approves: the OS user running `approve`, and git's user.email where it runs, when set (never a secret).
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';

export function approverIdentity(): { user: string; email?: string } {
  const user = userInfo().username;
  const git = spawnSync('git', ['config', '--get', 'user.email'], { encoding: 'utf8', timeout: 2000 });
  const email = git.status === 0 ? git.stdout.trim() : '';
  return email === '' ? { user } : { user, email };
}
