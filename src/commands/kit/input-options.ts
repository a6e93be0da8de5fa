// The options that say what `check` reads and how, shared by the commands that check inputs (`check`, and `approve`,
// which checks them again): their specs, and the CheckOptions and command-line words they stand for.
import type { CheckOptions } from '../../check.js';
import { INPUT_FORMAT_IDS, type InputFormatId } from '../../formats/index.js';
import type { OptionSpec } from './command-spec.js';

export interface InputArgs {
  config?: string;
  'tf-dir'?: string;
  'tf-base'?: string;
  'terraform-bin'?: string;
  'input-format'?: InputFormatId;
  /** A list when repeated. */
  deleting?: string | string[];
  context?: string;
}

export const INPUT_OPTIONS: Record<keyof InputArgs, OptionSpec> = {
  config: {
    type: 'string',
    describe: 'Configuration file (default: the nearest .blast-radius.yml above the working directory, up to the repository root or home).',
  },
  'tf-dir': { type: 'string', describe: "Terraform sources read for evidence (default: the plan file's directory when it holds .tf files)." },
  'tf-base': { type: 'string', describe: 'Git revision (the PR base): blocks deleting resources that had prevent_destroy = true there.' },
  'terraform-bin': { type: 'string', describe: 'terraform or tofu binary used to read binary plan files.' },
  'input-format': { type: 'string', choices: INPUT_FORMAT_IDS, describe: 'Read every file in this format instead of detecting it from the content.' },
  deleting: {
    type: 'string',
    multiple: true,
    describe: 'Kubernetes objects that will be deleted (`kubectl get -o yaml|json`, `helm get manifest`); repeatable.',
  },
  context: { type: 'string', describe: 'The Kubernetes context the change goes to (default: the current context of the kubeconfig).' },
};

const SINGLE_VALUED = ['config', 'tf-dir', 'tf-base', 'terraform-bin', 'input-format', 'context'] as const;

export const deletingFiles = (args: InputArgs): string[] => (args.deleting === undefined ? [] : [args.deleting].flat());

/** The check options the input arguments give, for these input files. */
export function inputCheckOptions(files: string[], args: InputArgs): CheckOptions {
  const options: CheckOptions = { files };
  if (args.config) options.config = args.config;
  if (args['tf-dir']) options.tfDir = args['tf-dir'];
  if (args['tf-base']) options.tfBase = args['tf-base'];
  if (args['terraform-bin']) options.terraformBin = args['terraform-bin'];
  if (args['input-format']) options.inputFormat = args['input-format'];
  if (args.context) options.context = args.context;
  const deleting = deletingFiles(args);
  if (deleting.length > 0) options.deleting = deleting;
  return options;
}

/** The same inputs as command-line words (standard input named PLAN_FILE: it must be saved to be read again). */
export function inputWords(files: string[], args: InputArgs): string[] {
  const name = (file: string): string => (file === '-' ? 'PLAN_FILE' : file);
  const words = files.map(name);
  for (const option of SINGLE_VALUED) {
    const value = args[option];
    if (value) words.push(`--${option}`, value);
  }
  for (const file of deletingFiles(args)) words.push('--deleting', name(file));
  return words;
}
