// Reads a Terraform input: a binary plan through `terraform show -json`, a small JSON plan whole (JSON.parse) and a
// large one streamed through the JSON scanner in bounded memory; a stream of plans gives one analysis each.
import type { AnalyzedInput } from '../../model.js';
import { InputError } from '../../errors.js';
import { analyzeTerraformPlan } from '../../analyzers/terraform/analyze-plan.js';
import type { QuietChanges } from '../../analyzers/terraform/change-tally.js';
import { validatePlan } from '../../analyzers/terraform/validate-plan.js';
import { isSetupTerraformWrapperOutput, wrapperOutputMessage } from '../../analyzers/terraform/wrapper-output.js';
import type { BinaryPlanShow } from '../../analyzers/terraform/binary-plan.js';
import { prependChunks } from '../../inputs/byte-source.js';
import type { ChildOutputSource } from '../../inputs/child-output-source.js';
import { decodeText } from '../../inputs/decode-text.js';
import { readHead, readRest, startsWithUtf16Bom, wholeInput, type InputBytes } from '../../inputs/input-bytes.js';
import { isZipArchive } from '../../inputs/is-zip-archive.js';
import { parseJsonDocuments } from '../../inputs/json-documents.js';
import type { ByteSource } from '../../inputs/json-scanner.js';
import { STDIN } from '../../model.js';
import type { ReadOptions } from '../input-format.js';
import { startsLikePlan } from './starts-like-plan.js';

/** Text that is no plan is read whole, up to this size, to say what it is; no plan of that size starts so. */
const TEXT_INPUT_LIMIT = 256 * 1024 * 1024;

function nameDocuments<T>(documents: T[], name: string): string[] {
  return documents.map((_, i) => (documents.length > 1 ? `${name}#${i + 1}` : name));
}

function parseWhole(bytes: Buffer, name: string, firstIndex: number, options: ReadOptions): AnalyzedInput[] {
  const text = decodeText(bytes, name);
  if (isSetupTerraformWrapperOutput(text)) throw new InputError(wrapperOutputMessage(name));
  const documents = parseJsonDocuments(text, name);
  const names = nameDocuments(documents, name);
  return documents.map((document, i) => {
    const documentName = names[i];
    return analyzeTerraformPlan(validatePlan(document, documentName), documentName, firstIndex + i, options.quietChanges);
  });
}

async function stream(
  open: () => ByteSource,
  size: number | undefined,
  name: string,
  firstIndex: number,
  options: ReadOptions,
  rereadable: boolean,
): Promise<AnalyzedInput[]> {
  // The scanner is code only large inputs need: load it on this path alone.
  const [{ checkedChunks }, { JsonScanner }, { readPlans }, { boundHeap }] = await Promise.all([
    import('../../inputs/checked-chunks.js'),
    import('../../inputs/json-scanner.js'),
    import('../../analyzers/terraform/stream-plans.js'),
    import('../../inputs/heap-bounds.js'),
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
    const scanner = new JsonScanner(prependChunks(first === null ? [] : [first], source), name);
    const plans = readPlans(scanner, firstIndex, quietChanges ?? 'keep');
    // As on the whole path: a key written twice is refused after JSON errors, before what the plans say.
    scanner.refuseDuplicateKey();
    return plans;
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
  return plans.map((plan, i) => plan.finish(names[i]));
}

/**
 * Reads the output of `terraform show -json` like a file: whole when small, else streamed (terraform runs again if
 * the plan must be read twice). Terraform's own failure (exit status, first error line) wins over what its output
 * looks like; output cut short while terraform succeeded is a truncated document.
 */
async function readShownPlan(show: BinaryPlanShow, name: string, firstIndex: number, options: ReadOptions, limit: number): Promise<AnalyzedInput[]> {
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
      analyzed = parseWhole(bytes, name, firstIndex, options);
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

/** Reads a Terraform input of any size: a binary plan, UTF-16 or small text whole, a large JSON plan streamed. */
export async function readTerraformInput(input: InputBytes, options: ReadOptions): Promise<AnalyzedInput[]> {
  const { name, firstIndex } = input;
  const first = input.head[0] ?? Buffer.alloc(0);
  if (isZipArchive(first)) {
    // Only binary plans need a child process: load that code on this path alone.
    const { showBinaryPlan } = await import('../../analyzers/terraform/binary-plan.js');
    const show = showBinaryPlan(input.path === STDIN ? wholeInput(input) : Buffer.alloc(0), input.path, name, options);
    try {
      return await readShownPlan(show, name, firstIndex, options, input.inMemoryLimit);
    } finally {
      show.dispose();
    }
  }
  // UTF-16 (PowerShell's `>`) is decoded whole: a plan that size is rare, and text in UTF-16 has to be transcoded.
  // Text that does not start as a plan is read whole too, to say what it is.
  if (input.ended || startsWithUtf16Bom(first) || !startsLikePlan(first.toString('utf8', 0, 4096))) {
    return parseWhole(wholeInput(input, TEXT_INPUT_LIMIT), name, firstIndex, options);
  }
  return stream(() => input.open(), input.size, name, firstIndex, options, input.rereadable);
}
