// Reads the GitHub Action's inputs (the runner passes each as an INPUT_* environment variable) and refuses bad values.
import { UsageError } from '../errors.js';

/**
 * The variable the runner sets for an input of a JavaScript action: `INPUT_` and the name in capitals, spaces as
 * underscores and hyphens kept (`fail-on` is INPUT_FAIL-ON), as the metadata syntax reference says
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#inputs) and @actions/core reads.
 */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function input(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[inputVariable(name)];
}

/** When the step fails: on a blocked plan, also on warnings, or never (an unreadable input always fails). */
export type FailOn = 'block' | 'warning' | 'never';

/** The base revision for `--tf-base`: derived from the pull request, switched off, or named by the workflow. */
export type TfBaseInput = { mode: 'default' } | { mode: 'off' } | { mode: 'given'; revision: string };

export interface ActionInputs {
  plans: string[];
  config?: string;
  /** Extra `name=path` formats, written beside the action's own. */
  formats: string[];
  comment: boolean;
  failOn: FailOn;
  sarif: boolean;
  /** The token for the comment; empty when the workflow gave none. */
  token: string;
  tfBase: TfBaseInput;
}

const FAIL_ON: readonly FailOn[] = ['block', 'warning', 'never'];

function words(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((word) => word !== '');
}

function booleanInput(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = (input(env, name) ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`Input ${name} must be true or false, not "${input(env, name)}".`);
}

function failOnInput(value: string | undefined): FailOn {
  const given = (value ?? '').trim().toLowerCase() || 'block';
  if ((FAIL_ON as readonly string[]).includes(given)) return given as FailOn;
  throw new UsageError(`Input fail-on must be one of ${FAIL_ON.join(', ')}, not "${value}".`);
}

function formatsInput(value: string | undefined): string[] {
  const formats = words(value);
  const bare = formats.find((format) => !/^[^=]+=./.test(format));
  if (bare !== undefined) {
    throw new UsageError(`Input formats: "${bare}" names no file; write name=path (the action prints the github format to the log itself).`);
  }
  return formats;
}

function tfBaseInput(value: string | undefined): TfBaseInput {
  const given = (value ?? '').trim();
  if (given === '') return { mode: 'default' };
  if (given === 'none') return { mode: 'off' };
  return { mode: 'given', revision: given };
}

export function readActionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const plans = words(input(env, 'plan'));
  if (plans.length === 0) throw new UsageError('Input plan is required: name the plan file(s) to check (`terraform show -json` output or a binary plan).');
  const config = (input(env, 'config') ?? '').trim();
  return {
    plans,
    ...(config === '' ? {} : { config }),
    formats: formatsInput(input(env, 'formats')),
    comment: booleanInput(env, 'comment', true),
    failOn: failOnInput(input(env, 'fail-on')),
    sarif: booleanInput(env, 'sarif', false),
    token: (input(env, 'github-token') ?? '').trim(),
    tfBase: tfBaseInput(input(env, 'tf-base')),
  };
}
