// The default --tf-base on a pull request: origin's copy of the base branch, fetched when the checkout lacks it.
import { baseRevision, type Git } from '../../src/github/base-revision.js';

/** A git that knows the refs in `refs`, and gains `fetched` when asked to fetch. */
function fakeGit(options: { refs: string[]; shallow?: boolean; fetched?: string }): { git: Git; calls: string[][] } {
  const calls: string[][] = [];
  const refs = new Set(options.refs);
  const git: Git = (args) => {
    calls.push(args);
    if (args[0] === 'rev-parse' && args[1] === '--is-shallow-repository') return { ok: true, stdout: `${options.shallow ?? false}\n` };
    if (args[0] === 'rev-parse') return { ok: refs.has(args.at(-1)!.replace(/\^\{commit\}$/, '')), stdout: '' };
    if (args[0] === 'fetch' && options.fetched) refs.add(options.fetched);
    return { ok: args[0] === 'fetch' && options.fetched !== undefined, stdout: '' };
  };
  return { git, calls };
}

it('uses the remote-tracking branch when the checkout has it', () => {
  const { git, calls } = fakeGit({ refs: ['refs/remotes/origin/main'] });
  expect(baseRevision('main', git)).toEqual({ revision: 'refs/remotes/origin/main' });
  expect(calls.some((args) => args[0] === 'fetch')).toBe(false);
});

it('fetches the base branch, one commit deep in a shallow checkout', () => {
  const { git, calls } = fakeGit({ refs: [], shallow: true, fetched: 'refs/remotes/origin/main' });
  expect(baseRevision('main', git)).toEqual({ revision: 'refs/remotes/origin/main' });
  expect(calls.find((args) => args[0] === 'fetch')).toEqual([
    'fetch',
    '--no-tags',
    '--quiet',
    '--depth=1',
    'origin',
    '+refs/heads/main:refs/remotes/origin/main',
  ]);
});

it('fetches the whole branch in a full clone', () => {
  const { git, calls } = fakeGit({ refs: [], fetched: 'refs/remotes/origin/release/2.x' });
  expect(baseRevision('release/2.x', git)).toEqual({ revision: 'refs/remotes/origin/release/2.x' });
  expect(calls.find((args) => args[0] === 'fetch')).not.toContain('--depth=1');
});

it('says so when the branch cannot be had', () => {
  const { git } = fakeGit({ refs: [] });
  expect(baseRevision('main', git)).toEqual({ problem: 'the base branch main is not in the checkout and could not be fetched from origin' });
});
