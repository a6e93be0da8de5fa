// Checks what a guarded run's preview wrote to a file (a Pulumi preview, a CloudFormation change set) with the input
// format that reads it; output the format cannot read stops the run with one sentence naming the step.
import { InputError } from '../errors.js';
import type { InputFormatId } from '../formats/index.js';
import type { Report } from '../model.js';
import type { GuardCheckOptions } from './guard-terraform.js';
import { runByGuard, withInputName } from './named-input.js';

export async function checkOutput(file: string, inputFormat: InputFormatId, step: string, checkOptions: GuardCheckOptions): Promise<Report> {
  const { check } = await import('../check.js');
  try {
    return withInputName(await check({ ...checkOptions, files: [file], inputFormat }), file, runByGuard(step));
  } catch (error) {
    // A configuration error is the configuration's, said as it is; only the input's own errors are the step's.
    if (!(error instanceof InputError)) throw error;
    const reason = error.message.replaceAll(`${file}: `, '').replaceAll(file, 'it').replace(/\.$/, '');
    throw new InputError(`The output of \`${step}\` could not be read (${reason}); nothing was run.`);
  }
}
