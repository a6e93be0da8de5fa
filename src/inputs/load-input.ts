// Loads one input path into analyzed inputs: detects a binary plan, decodes text, splits JSON streams, analyzes each plan.
import type { AnalyzedInput } from '../model.js';
import { InputError } from '../errors.js';
import { analyzeTerraformPlan } from '../analyzers/terraform/analyze-plan.js';
import { validatePlan } from '../analyzers/terraform/validate-plan.js';
import { isSetupTerraformWrapperOutput, wrapperOutputMessage } from '../analyzers/terraform/wrapper-output.js';
import { decodeText } from './decode-text.js';
import { isZipArchive } from './is-zip-archive.js';
import { parseJsonDocuments } from './json-documents.js';
import { displayName, readInputBytes } from './read-input.js';

export interface LoadOptions {
  /** terraform or tofu binary that reads binary plan files (default: terraform on PATH, else tofu). */
  terraformBin?: string;
  /** Global options given before `show` (`-chdir=infra`), so that it runs in the plan's working directory. */
  terraformArgs?: string[];
}

/**
 * Returns one AnalyzedInput per plan in the file: a stream of concatenated plans (terragrunt) gives several,
 * named `file#1`, `file#2` …; `firstIndex` is the index the first one gets in the report.
 */
export async function loadInput(path: string, firstIndex: number, options: LoadOptions = {}): Promise<AnalyzedInput[]> {
  const name = displayName(path);
  let bytes = await readInputBytes(path);
  if (isZipArchive(bytes)) {
    // Only binary plans need a child process: load that code on this path alone.
    const { showBinaryPlan } = await import('../analyzers/terraform/binary-plan.js');
    bytes = await showBinaryPlan(bytes, path, name, options);
  }
  const text = decodeText(bytes, name);
  if (isSetupTerraformWrapperOutput(text)) throw new InputError(wrapperOutputMessage(name));
  const documents = parseJsonDocuments(text, name);
  return documents.map((document, i) => {
    const documentName = documents.length > 1 ? `${name}#${i + 1}` : name;
    return analyzeTerraformPlan(validatePlan(document, documentName), documentName, firstIndex + i);
  });
}
