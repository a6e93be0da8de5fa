// Walks kubectl's text output line by line: the format's own reader takes the lines it knows, warnings and blank
// lines are skipped, kubectl's errors (piped in with 2>&1) are read by kubectl-errors, and any other line is refused.
import { InputError } from '../../errors.js';
import type { KubeChange, KubeReading, UnjudgedObject } from './kube-change.js';
import { readKubectlError } from './kubectl-errors.js';
import { isNoiseLine, outputLines } from './tool-output-lines.js';

/** Reads the format's lines at `lines[index]`: the changes they show and the index after them; undefined if not its. */
export type FormatLineReader = (lines: string[], index: number) => { changes: KubeChange[]; next: number } | undefined;

export function readKubectlOutput(text: string, file: string, format: string, readFormatLines: FormatLineReader): KubeReading {
  const lines = outputLines(text);
  const changes: KubeChange[] = [];
  const unjudged: UnjudgedObject[] = [];
  let index = 0;
  while (index < lines.length) {
    if (isNoiseLine(lines[index])) {
      index++;
      continue;
    }
    const own = readFormatLines(lines, index);
    if (own) {
      changes.push(...own.changes);
      index = own.next;
      continue;
    }
    const error = readKubectlError(lines, index);
    if (!error) throw new InputError(`${file}: line ${index + 1} is neither ${format} output nor a kubectl error.`);
    if (error.change) changes.push(error.change);
    if (error.unjudged) unjudged.push(error.unjudged);
    index += error.lines;
  }
  return { format, changes, unjudged };
}
