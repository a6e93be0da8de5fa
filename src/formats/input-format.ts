// What an input format is: an id `--input-format` names, its platform, how its first bytes show it, and its reader.
import type { KubeReading } from '../analyzers/kubernetes/kube-change.js';
import type { BinaryPlanOptions } from '../analyzers/terraform/binary-plan.js';
import type { QuietChanges } from '../analyzers/terraform/change-tally.js';
import type { InputBytes } from '../inputs/input-bytes.js';
import type { AnalyzedInput, Platform } from '../model.js';

/** The start of an input that detection looks at: its first bytes, and the same decoded as text (leniently). */
export interface InputHead {
  bytes: Buffer;
  text: string;
}

/** How an input is read beyond its bytes; every member has a default. */
export interface ReadOptions extends BinaryPlanOptions {
  /** The largest input parsed whole; larger ones are streamed (tests set 0 to stream all). */
  inMemoryLimit?: number;
  /** `count`: quiet changes (no-op, read) that no drift entry names are counted, not kept (see ChangeTally). */
  quietChanges?: QuietChanges;
  /** Hears how many bytes of a streamed input have been read so far, and its size when known. */
  onProgress?: (read: number, size: number | undefined) => void;
  /** Analyzes a Kubernetes input (check passes one that asks the live cluster); by default from the input alone. */
  analyzeKubernetes?: (reading: KubeReading, name: string, input: number) => Promise<AnalyzedInput>;
}

export interface InputFormat {
  /** The name `--input-format` takes; stable, as users write it. */
  id: string;
  platform: Platform;
  /** Whether an input's head shows this format; false leaves it to the formats after it in the table. */
  detect(head: InputHead): boolean;
  /**
   * For a format that is never detected (only named): the refusal, when the head shows content of this format that was
   * not named, saying how to pass it.
   */
  undetectedSentence?(head: InputHead, name: string): string | undefined;
  /** Reads the input into one analyzed input per document in it (a stream of plans gives several). */
  read(input: InputBytes, options: ReadOptions): Promise<AnalyzedInput[]>;
}
