// Reads a CloudFormation change set input whole: its text, its JSON documents (one change set, several, or the pages of
// one), checked as describe-change-set output and analyzed one change set at a time.
import { analyzeChangeSet } from '../../analyzers/cloudformation/analyze-change-set.js';
import { readChangeSets } from '../../analyzers/cloudformation/read-change-sets.js';
import { decodeText } from '../../inputs/decode-text.js';
import { wholeInput, type InputBytes } from '../../inputs/input-bytes.js';
import { parseJsonDocuments } from '../../inputs/json-documents.js';
import type { AnalyzedInput } from '../../model.js';
import type { ReadOptions } from '../input-format.js';

/** Change sets are read whole, up to this size: CloudFormation pages them at 1 MB, and a stack holds at most 500 resources. */
const CHANGE_SET_LIMIT = 256 * 1024 * 1024;

/** One analyzed input per change set, named `file#1`, `file#2` … when the input holds several. */
export function readChangeSetInput(input: InputBytes, options: ReadOptions): AnalyzedInput[] {
  const text = decodeText(wholeInput(input, CHANGE_SET_LIMIT), input.name);
  const changeSets = readChangeSets(parseJsonDocuments(text, input.name, 'the AWS CLI'), input.name);
  const judged = new Set(changeSets.map((changeSet) => changeSet.changeSetId));
  return changeSets.map((changeSet, i) =>
    analyzeChangeSet(changeSet, changeSets.length > 1 ? `${input.name}#${i + 1}` : input.name, input.firstIndex + i, judged, options.quietChanges),
  );
}
