// The table of input formats, by the id `--input-format` takes, in detection order: an input is read by the first
// format whose detect() says yes, and by `terraform` (whose reader says what else it is) when none does.
import cloudformationChangeSet from './cloudformation-change-set/index.js';
import helmDiff from './helm-diff/index.js';
import type { InputFormat } from './input-format.js';
import kubectlApply from './kubectl-apply/index.js';
import kubectlDelete from './kubectl-delete/index.js';
import kubectlDiff from './kubectl-diff/index.js';
import kubernetesObjects from './kubernetes-objects/index.js';
import pulumiPreview from './pulumi-preview/index.js';
import terraform from './terraform/index.js';

export const INPUT_FORMATS = {
  // Before terraform, which claims any JSON object: it claims only Pulumi's digest, never a plan.
  'pulumi-preview': pulumiPreview,
  // Before terraform, which claims every JSON object: it claims only describe-change-set output, never a plan.
  'cloudformation-change-set': cloudformationChangeSet,
  terraform,
  'kubectl-diff': kubectlDiff,
  'kubectl-apply': kubectlApply,
  'kubectl-delete': kubectlDelete,
  'helm-diff': helmDiff,
  'kubernetes-objects': kubernetesObjects,
} satisfies Record<string, InputFormat>;

export type InputFormatId = keyof typeof INPUT_FORMATS;

export const INPUT_FORMAT_IDS = Object.keys(INPUT_FORMATS) as InputFormatId[];

/** The format read when no format's detect() claims an input. */
export const FALLBACK_FORMAT: InputFormat = terraform;
