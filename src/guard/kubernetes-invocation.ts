// What the guard needs to run a kubectl or helm command safely: the preview to check first, how to read it, the
// context it reaches, and the local files whose contents must not change between the check and the real command.
import type { InputFormatId } from '../formats/index.js';
import { flagValue, type ScannedWords } from '../tools/flag-grammar.js';

export interface KubernetesInvocation {
  tool: 'kubectl' | 'helm';
  /** `kubectl`, `oc`, `helm`, or a path to one. */
  binary: string;
  /** The subcommand as written (`apply`, `delete`, `upgrade`, `uninstall`, `del` …). */
  subcommand: string;
  /** The words after the binary as the user wrote them: the command run, once, when the check passes. */
  args: string[];
  /** The preview's words after the binary: `diff …`, `delete … --dry-run=server`, `diff upgrade …`, `get manifest …`. */
  previewArgs: string[];
  /** The preview as a person names it (`kubectl diff`). */
  previewName: string;
  /** Exit codes with which the preview worked (`kubectl diff` exits 1 when it found differences). */
  previewExitCodes: number[];
  /** How `check` reads the preview's output. */
  inputFormat: InputFormatId;
  /** The context named on the command line (`--context`, `--kube-context`). */
  context?: string;
  /** The kubeconfig named on the command line (`--kubeconfig`). */
  kubeconfig?: string;
  /** Local manifests, kustomizations, charts and values files the command reads. */
  localInputs: string[];
}

/** What `guard` runs, for the sentence that refuses everything else. */
export const GUARDED_COMMANDS =
  '`terraform|tofu apply|destroy`, `kubectl apply|delete`, `helm upgrade|uninstall`, `pulumi up|destroy`, `aws cloudformation deploy|execute-change-set` and `cdk deploy STACK`';

/** The context (under the tool's flag name) and kubeconfig the command line names, when it names them. */
export function namedTarget(scanned: ScannedWords, contextFlag: 'context' | 'kube-context'): Pick<KubernetesInvocation, 'context' | 'kubeconfig'> {
  const context = flagValue(scanned, contextFlag);
  const kubeconfig = flagValue(scanned, 'kubeconfig');
  return { ...(context === undefined ? {} : { context }), ...(kubeconfig === undefined ? {} : { kubeconfig }) };
}
