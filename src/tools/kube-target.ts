// Which kube context and kubeconfig a kubectl, oc, kubecolor or helm invocation names, read as the tool reads its
// flags: `--context x` or `--context=x` (helm: `--kube-context`), the last one winning.
import { flagValue, scanWords, type FlagTable } from './flag-grammar.js';
import { HELM_GLOBALS } from './helm-grammar.js';
import { KUBECTL_COMMANDS, KUBECTL_GLOBALS } from './kubectl-grammar.js';

export interface KubeTarget {
  context?: string;
  kubeconfig?: string;
}

/** The command's own table where blast-radius has one (its value flags must not be misread), else the global options. */
function tableOf(words: readonly string[], globals: FlagTable): FlagTable {
  const command = words.slice(1).find((word) => Object.hasOwn(KUBECTL_COMMANDS, word));
  return words[0] !== 'helm' && command !== undefined ? KUBECTL_COMMANDS[command] : globals;
}

export function kubeTarget(words: readonly string[]): KubeTarget {
  const helm = words[0] === 'helm';
  const globals = helm ? HELM_GLOBALS : KUBECTL_GLOBALS;
  let scanned;
  try {
    scanned = scanWords(words.slice(1), tableOf(words, globals), words[0] ?? '', { unknown: 'note' });
  } catch {
    return {};
  }
  const context = flagValue(scanned, helm ? 'kube-context' : 'context');
  const kubeconfig = flagValue(scanned, 'kubeconfig');
  return { ...(context === undefined ? {} : { context }), ...(kubeconfig === undefined ? {} : { kubeconfig }) };
}
