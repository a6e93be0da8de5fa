// Finds the git revision of a pull request's base branch for `--tf-base` when the workflow named none: the
// remote-tracking branch, fetched from origin (shallowly in a shallow checkout) when the checkout lacks it.
import { spawnSync } from 'node:child_process';

/** Runs git with these arguments; `ok` is a zero exit. */
export type Git = (args: string[]) => { ok: boolean; stdout: string };

export function gitIn(directory: string, env: NodeJS.ProcessEnv): Git {
  return (args) => {
    const result = spawnSync('git', args, { cwd: directory, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    return { ok: result.status === 0, stdout: result.stdout ?? '' };
  };
}

export type BaseRevision = { revision: string } | { problem: string };

/** `refs/remotes/origin/BRANCH` once it names a commit; the ref is spelled in full, so a branch name is never an option. */
export function baseRevision(branch: string, git: Git): BaseRevision {
  const ref = `refs/remotes/origin/${branch}`;
  const present = (): boolean => git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).ok;
  if (present()) return { revision: ref };
  const shallow = git(['rev-parse', '--is-shallow-repository']).stdout.trim() === 'true';
  git(['fetch', '--no-tags', '--quiet', ...(shallow ? ['--depth=1'] : []), 'origin', `+refs/heads/${branch}:${ref}`]);
  if (present()) return { revision: ref };
  return { problem: `the base branch ${branch} is not in the checkout and could not be fetched from origin` };
}
