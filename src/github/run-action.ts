// Entry of the GitHub Action (action.yml runs its bundle, dist-action/index.cjs, with the runner's node): runs the step
// and never lets a crash pass: an internal error is exit 2, like every error of blast-radius.
import { EXIT_ERROR } from '../errors.js';
import { workflowCommand } from '../reporters/workflow-command.js';
import { actionMain } from './action-main.js';
import { inputVariable } from './action-inputs.js';

function crash(error: unknown): never {
  const token = process.env[inputVariable('github-token')] ?? '';
  const text = `internal error: ${(error as Error)?.message ?? String(error)}`;
  const message = token === '' ? text : text.split(token).join('***');
  process.stdout.write(`${workflowCommand('error', { title: 'blast-radius' }, message)}\n`);
  process.exit(EXIT_ERROR);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

actionMain(process.env).then((code) => {
  process.exitCode = code;
}, crash);
