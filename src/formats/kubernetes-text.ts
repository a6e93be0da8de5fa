// What the Kubernetes input formats share: each is text read whole (even a large cluster's diff is small beside a
// large plan), checked for its final line break, read by its format's reader and analyzed as Kubernetes changes.
import { InputError } from '../errors.js';
import { detectKubernetesText, type KubernetesTextFormat } from '../analyzers/kubernetes/detect-kubernetes-text.js';
import type { KubeReading } from '../analyzers/kubernetes/kube-change.js';
import { decodeText } from '../inputs/decode-text.js';
import { wholeInput, type InputBytes } from '../inputs/input-bytes.js';
import type { AnalyzedInput } from '../model.js';
import type { InputHead, ReadOptions } from './input-format.js';

/** Kubernetes outputs are read whole, up to this size; no real diff or dry-run output comes near it. */
const TEXT_INPUT_LIMIT = 256 * 1024 * 1024;

/**
 * kubectl and helm end every line they print, the last one too: text without a final line break was cut short (a cut
 * at a line end cannot be told). JSON is exempt, as its brackets show where it ends.
 */
function checkFinalLineBreak(text: string, name: string): void {
  if (!text.endsWith('\n') && !/^\s*[[{]/.test(text)) {
    throw new InputError(`${name} does not end with a line break, as kubectl and helm output always does: it is truncated.`);
  }
}

/** What each input's head was detected as: the four text formats each ask, and the head is read once. */
const detected = new WeakMap<InputHead, KubernetesTextFormat | undefined>();

/** The Kubernetes tool whose output the head shows, if any (detect-kubernetes-text.ts), worked out once per head. */
export function kubernetesTextFormat(head: InputHead): KubernetesTextFormat | undefined {
  if (!detected.has(head)) detected.set(head, detectKubernetesText(head.text));
  return detected.get(head);
}

/** Reads a Kubernetes input with `readFormat` (loaded only when an input of its format comes) and analyzes it. */
export async function readKubernetesText(
  input: InputBytes,
  options: ReadOptions,
  loadReader: () => Promise<(text: string, file: string) => KubeReading>,
): Promise<AnalyzedInput[]> {
  const text = decodeText(wholeInput(input, TEXT_INPUT_LIMIT), input.name);
  checkFinalLineBreak(text, input.name);
  const reading = (await loadReader())(text, input.name);
  if (options.analyzeKubernetes) return [await options.analyzeKubernetes(reading, input.name, input.firstIndex)];
  const { analyzeKubernetes } = await import('../analyzers/kubernetes/analyze-kubernetes.js');
  return [analyzeKubernetes(reading, input.name, input.firstIndex, options.quietChanges ? { quietChanges: options.quietChanges } : {})];
}
