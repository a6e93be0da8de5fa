// `terraform state rm -dry-run …` only prints what it would remove: it changes nothing.
import { commandName } from './command-name.js';

const TERRAFORMS = new Set(['terraform', 'tofu', 'terragrunt']);

export function isStateRemovalDryRun(words: readonly string[]): boolean {
  if (!TERRAFORMS.has(commandName(words[0] ?? ''))) return false;
  const state = words.indexOf('state');
  return state !== -1 && ['rm', 'remove'].includes(words[state + 1] ?? '') && words.slice(state + 2).some((w) => /^--?dry-run(=true)?$/.test(w));
}
