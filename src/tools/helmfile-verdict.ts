// Reads a helmfile invocation and says whether it can destroy something: destroy and delete uninstall every release
// it selects, sync and apply upgrade them (deleting what the charts no longer render); guard has no helmfile form, so
// a person runs those, after reading `helmfile diff`.
import type { ToolReader } from './destructive.js';

/** helmfile's commands that change releases, and what each does. */
const CHANGING: Record<string, string> = {
  destroy: 'uninstalls every release it selects and deletes their objects',
  delete: 'uninstalls every release it selects and deletes their objects',
  sync: 'upgrades every release it selects, deleting objects the charts no longer render and replacing those whose immutable fields change',
  charts: 'upgrades every release it selects (the old name of sync), deleting objects the charts no longer render',
  apply: 'upgrades every release whose diff is not empty, deleting objects the charts no longer render and replacing those whose immutable fields change',
};

/** Read-only whatever its flags: `--help`. */
const HELP = new Set(['-h', '--help']);

export const helmfileVerdict: ToolReader = (words) => {
  // helmfile's global options take values (`-e prod`, `--file x`); a changing command is found wherever it stands.
  const command = words.slice(1).find((word) => Object.hasOwn(CHANGING, word));
  if (command === undefined || words.some((word) => HELP.has(word))) return undefined;
  return { why: `helmfile ${command} ${CHANGING[command]}.`, preview: ['helmfile', ...words.slice(1).map((word) => (word === command ? 'diff' : word))] };
};
