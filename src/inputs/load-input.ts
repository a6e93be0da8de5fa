// Loads one input path into analyzed inputs: detects a binary plan and Kubernetes text output, then parses a small plan
// whole (JSON.parse) and streams a large one through the JSON scanner in bounded memory; a stream of plans gives one
// analysis each.
import type { AnalyzedInput } from '../model.js';
import type { KubeReading } from '../analyzers/kubernetes/kube-change.js';
import { InputError } from '../errors.js';
import { analyzeTerraformPlan } from '../analyzers/terraform/analyze-plan.js';
import type { QuietChanges } from '../analyzers/terraform/change-tally.js';
import { validatePlan } from '../analyzers/terraform/validate-plan.js';
import { isSetupTerraformWrapperOutput, wrapperOutputMessage } from '../analyzers/terraform/wrapper-output.js';
import type { BinaryPlanShow } from '../analyzers/terraform/binary-plan.js';
import { openInputSource, prependChunks, type InputSource } from './byte-source.js';
import type { ChildOutputSource } from './child-output-source.js';
import { decodeText } from './decode-text.js';
import { isKubernetesFormat, type InputFormat } from './input-format.js';
import { isZipArchive } from './is-zip-archive.js';
import { parseJsonDocuments } from './json-documents.js';
import type { ByteSource } from './json-scanner.js';
import { STDIN, displayName } from './read-input.js';

/**
 * Inputs up to this size are parsed whole: JSON.parse is fastest there and the memory it takes is small. Larger
 * ones are streamed (the scanner is faster than JSON.parse on them too, and V8 cannot hold a string over ~512 MB).
 */
export const IN_MEMORY_LIMIT = 4 * 1024 * 1024;

export interface LoadOptions {
  /** terraform or tofu binary that reads binary plan files (default: terraform on PATH, else tofu). */
  terraformBin?: string;
  /** Global options given before `show` (`-chdir=infra`), so that it runs in the plan's working directory. */
  terraformArgs?: string[];
  /** The largest input parsed whole; larger ones are streamed (default IN_MEMORY_LIMIT; tests set 0 to stream all). */
  inMemoryLimit?: number;
  /** `count`: quiet changes (no-op, read) that no drift entry names are counted, not kept (see ChangeTally). */
  quietChanges?: QuietChanges;
  /** Hears how many bytes of a streamed input have been read so far, and its size when known. */
  onProgress?: (read: number, size: number | undefined) => void;
  /** The input's format; by default each input's is detected from its content. */
  inputFormat?: InputFormat;
  /** Analyzes a Kubernetes input (check passes one that asks the live cluster); by default from the input alone. */
  analyzeKubernetes?: (reading: KubeReading, name: string, input: number) => Promise<AnalyzedInput>;
}

const startsWithUtf16Bom = (bytes: Buffer): boolean =>
  bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

/** Reads (copies of) chunks until there are more than `limit` bytes or the input ends. */
function readHead(source: ByteSource, limit: number): { chunks: Buffer[]; ended: boolean } {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= limit) {
    const chunk = source.read();
    if (chunk === null) return { chunks, ended: true };
    chunks.push(Buffer.from(chunk));
    total += chunk.length;
  }
  return { chunks, ended: false };
}

/** Text inputs (Kubernetes outputs) are read whole, up to this size; no real diff or dry-run output comes near it. */
const TEXT_INPUT_LIMIT = 256 * 1024 * 1024;

function readRest(chunks: Buffer[], source: ByteSource, limit = Infinity, name = ''): Buffer {
  let total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  for (let chunk = source.read(); chunk !== null; chunk = source.read()) {
    total += chunk.length;
    if (total > limit) throw new InputError(`${name} is not JSON and larger than ${limit / 1024 / 1024} MiB: it is neither a plan nor Kubernetes output this tool reads.`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function nameDocuments<T>(documents: T[], name: string): string[] {
  return documents.map((_, i) => (documents.length > 1 ? `${name}#${i + 1}` : name));
}

/** Where a plan starts: `{` after white space and a UTF-8 byte order mark (helm-diff's JSON output is a list). */
const startsLikePlan = (text: string): boolean => /^\uFEFF?\s*\{/.test(text);

/** A Kubernetes input, when it is told or its content shows one; undefined leaves the input to the plan readers. */
async function kubernetesInput(text: string, name: string, index: number, options: LoadOptions): Promise<AnalyzedInput | undefined> {
  if (!isKubernetesFormat(options.inputFormat) && (options.inputFormat !== undefined || startsLikePlan(text))) return undefined;
  // Kubernetes readers are code only Kubernetes inputs need: load them on this path alone.
  const { readKubernetes } = await import('../analyzers/kubernetes/read-kubernetes.js');
  const reading = readKubernetes(text, name, options.inputFormat);
  if (reading === undefined) return undefined;
  if (options.analyzeKubernetes) return options.analyzeKubernetes(reading, name, index);
  const { analyzeKubernetes } = await import('../analyzers/kubernetes/analyze-kubernetes.js');
  return analyzeKubernetes(reading, name, index, options.quietChanges ? { quietChanges: options.quietChanges } : {});
}

async function parseWhole(bytes: Buffer, name: string, firstIndex: number, options: LoadOptions): Promise<AnalyzedInput[]> {
  const text = decodeText(bytes, name);
  const kubernetes = await kubernetesInput(text, name, firstIndex, options);
  if (kubernetes) return [kubernetes];
  if (isSetupTerraformWrapperOutput(text)) throw new InputError(wrapperOutputMessage(name));
  const documents = parseJsonDocuments(text, name);
  const names = nameDocuments(documents, name);
  return documents.map((document, i) => {
    const documentName = names[i] as string;
    return analyzeTerraformPlan(validatePlan(document, documentName), documentName, firstIndex + i, options.quietChanges);
  });
}

async function stream(
  open: () => ByteSource,
  size: number | undefined,
  name: string,
  firstIndex: number,
  options: LoadOptions,
  rereadable: boolean,
): Promise<AnalyzedInput[]> {
  // The scanner is code only large inputs need: load it on this path alone.
  const [{ checkedChunks }, { JsonScanner }, { readPlans }, { boundHeap }] = await Promise.all([
    import('./checked-chunks.js'),
    import('./json-scanner.js'),
    import('../analyzers/terraform/stream-plans.js'),
    import('./heap-bounds.js'),
  ]);
  const checkHeapBounds = boundHeap();
  const onRead = (bytes: number): void => {
    checkHeapBounds();
    options.onProgress?.(bytes, size);
  };
  const read = (quietChanges: QuietChanges | undefined): ReturnType<typeof readPlans> => {
    const source = checkedChunks(open(), name, onRead);
    const first = source.read();
    if (first !== null && isSetupTerraformWrapperOutput(first.toString('utf8', 0, Math.min(first.length, 16384)))) {
      throw new InputError(wrapperOutputMessage(name));
    }
    return readPlans(new JsonScanner(prependChunks(first === null ? [] : [first], source), name), firstIndex, quietChanges ?? 'keep');
  };
  let plans = read(options.quietChanges);
  if (plans.length === 0) throw new InputError(`${name} is empty: expected the output of \`terraform show -json\`.`);
  if (plans.some((plan) => plan.missesDriftedChanges)) {
    if (!rereadable) {
      throw new InputError(
        `${name} lists resource_drift after resource_changes (terraform writes it first), which standard input cannot be read twice for: save the plan to a file and check the file.`,
      );
    }
    plans = read('keep');
  }
  const names = nameDocuments(plans, name);
  return plans.map((plan, i) => plan.finish(names[i] as string));
}

/**
 * Reads the output of `terraform show -json` like a file: whole when small, else streamed (terraform runs again if
 * the plan must be read twice). Terraform's own failure (exit status, first error line) wins over what its output
 * looks like; output cut short while terraform succeeded is a truncated document.
 */
async function readShownPlan(show: BinaryPlanShow, name: string, firstIndex: number, options: LoadOptions, limit: number): Promise<AnalyzedInput[]> {
  const runs: ChildOutputSource[] = [];
  const run = (): ChildOutputSource => {
    const output = show.run();
    runs.push(output);
    return output;
  };
  const terraformFailure = async (): Promise<InputError | null> => {
    for (const output of runs) {
      const failure = await show.failure(output);
      if (failure) return failure;
    }
    return null;
  };
  try {
    const output = run();
    const head = readHead(output, limit);
    let analyzed: AnalyzedInput[];
    if (head.ended || startsWithUtf16Bom(head.chunks[0] ?? Buffer.alloc(0))) {
      const bytes = readRest(head.chunks, output);
      const failure = await terraformFailure();
      if (failure) throw failure;
      analyzed = await parseWhole(bytes, name, firstIndex, options);
    } else {
      const open = (): ByteSource => (runs.length === 1 && head.chunks.length > 0 ? prependChunks(head.chunks.splice(0), output) : run());
      analyzed = await stream(open, undefined, name, firstIndex, options, true);
    }
    const failure = await terraformFailure();
    if (failure) throw failure;
    return analyzed;
  } catch (error) {
    throw (await terraformFailure()) ?? error;
  }
}

/**
 * Returns one AnalyzedInput per plan in the file: a stream of concatenated plans (terragrunt) gives several,
 * named `file#1`, `file#2` …; `firstIndex` is the index the first one gets in the report.
 */
export async function loadInput(path: string, firstIndex: number, options: LoadOptions = {}): Promise<AnalyzedInput[]> {
  const name = displayName(path);
  const limit = options.inMemoryLimit ?? IN_MEMORY_LIMIT;
  const source = openInputSource(path);
  const opened: InputSource[] = [source];
  try {
    const head = readHead(source, limit);
    const first = head.chunks[0] ?? Buffer.alloc(0);
    if (isZipArchive(first)) {
      // Only binary plans need a child process: load that code on this path alone.
      const { showBinaryPlan } = await import('../analyzers/terraform/binary-plan.js');
      const show = showBinaryPlan(path === STDIN ? readRest(head.chunks, source) : Buffer.alloc(0), path, name, options);
      try {
        return await readShownPlan(show, name, firstIndex, options, limit);
      } finally {
        show.dispose();
      }
    }
    // UTF-16 (PowerShell's `>`) is decoded whole: a plan that size is rare, and text in UTF-16 has to be transcoded.
    // Kubernetes outputs are text read whole too: even a large cluster's diff is small beside a large plan.
    if (head.ended || startsWithUtf16Bom(first) || isKubernetesFormat(options.inputFormat) || (options.inputFormat === undefined && !startsLikePlan(first.toString('utf8', 0, 4096)))) {
      return await parseWhole(readRest(head.chunks, source, TEXT_INPUT_LIMIT, name), name, firstIndex, options);
    }
    /** The first read goes on from the chunks already read; a second one (see stream) opens the file again. */
    const open = (): ByteSource => {
      if (opened.length === 1 && head.chunks.length > 0) return prependChunks(head.chunks.splice(0), source);
      const again = openInputSource(path);
      opened.push(again);
      return again;
    };
    return await stream(open, source.size, name, firstIndex, options, path !== STDIN);
  } finally {
    for (const input of opened) input.close();
  }
}
