// Reads the GitHub Action's inputs (passed by action.yml as INPUT_* environment variables) and refuses bad values.
import { UsageError } from '../errors.js';

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

function booleanInput(env: NodeJS.ProcessEnv, name: string, variable: string, fallback: boolean): boolean {
  const value = (env[variable] ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`Input ${name} must be true or false, not "${env[variable]}".`);
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
  const plans = words(env.INPUT_PLAN);
  if (plans.length === 0) throw new UsageError('Input plan is required: name the plan file(s) to check (`terraform show -json` output or a binary plan).');
  const config = (env.INPUT_CONFIG ?? '').trim();
  return {
    plans,
    ...(config === '' ? {} : { config }),
    formats: formatsInput(env.INPUT_FORMATS),
    comment: booleanInput(env, 'comment', 'INPUT_COMMENT', true),
    failOn: failOnInput(env.INPUT_FAIL_ON),
    sarif: booleanInput(env, 'sarif', 'INPUT_SARIF', false),
    token: (env.INPUT_GITHUB_TOKEN ?? '').trim(),
    tfBase: tfBaseInput(env.INPUT_TF_BASE),
  };
}
