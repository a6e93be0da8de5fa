// The file an input of a report was read from: standard input has none, and the plans of one stream share theirs.
import { STDIN, displayName, type Report } from '../model.js';

const STDIN_NAME = displayName(STDIN);

/** `plans/all.json#2` (the second plan of a stream, whose first is `plans/all.json#1`) was read from `plans/all.json`. */
export function inputFile(report: Report, inputName: string): string | undefined {
  const streamPlan = /^(.*)#\d+$/.exec(inputName);
  const isStreamPlan = streamPlan !== null && report.inputs.some((input) => input.file === `${streamPlan[1]}#1`);
  const file = isStreamPlan ? streamPlan[1] : inputName;
  return file === STDIN_NAME ? undefined : file;
}
