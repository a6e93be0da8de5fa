// Tells which Kubernetes tool printed a text input, from its first meaningful lines (warnings and blank lines
// skipped): kubectl diff, kubectl apply, kubectl delete or helm-diff. Light: imports no reader that parses YAML.
import { DIFF_HEADER, SIMPLE_LINE, SIMPLE_PLAN } from './helm-diff-lines.js';
import { APPLY_LINE } from './kubectl-apply.js';
import { DELETED_LINE, NAME_LINE } from './kubectl-delete.js';
import { readKubectlError } from './kubectl-errors.js';
import { isNoiseLine, outputLines } from './tool-output-lines.js';

export type KubernetesTextFormat = 'kubectl-diff' | 'kubectl-apply' | 'kubectl-delete' | 'helm-diff';

/** How many meaningful lines are looked at: errors may come first, but a format shows itself early. */
const LINES_LOOKED_AT = 50;

/** A diff line of kubectl's LIVE/MERGED directories. */
const KUBECTL_DIFF_LINE = /^(?:diff .*[/\\]LIVE-\w+[/\\]|--- .*[/\\]LIVE-\w+[/\\]|Only in .*[/\\](?:LIVE|MERGED)-\w+: )/;
/**
 * helm-diff --output json (or the default template): a list of objects with these members. An empty list shows no
 * format (it is any tool's empty list), so it is read as helm-diff only when --input-format says so.
 */
const HELM_JSON = /^\[\s*\{\s*"api":/;

function formatOfLine(line: string): KubernetesTextFormat | undefined {
  if (KUBECTL_DIFF_LINE.test(line)) return 'kubectl-diff';
  if (DIFF_HEADER.test(line) || SIMPLE_LINE.test(line) || SIMPLE_PLAN.test(line)) return 'helm-diff';
  if (APPLY_LINE.test(line)) return 'kubectl-apply';
  if (DELETED_LINE.test(line) || NAME_LINE.test(line)) return 'kubectl-delete';
  return undefined;
}

/**
 * The format of `text`, or undefined when it is none of these. Input holding only kubectl errors is `kubectl-diff`
 * (what `kubectl diff … 2>&1` prints when the server refuses an object); its reader reads errors alone.
 */
export function detectKubernetesText(text: string): KubernetesTextFormat | undefined {
  const lines = outputLines(text.slice(0, 64 * 1024));
  let sawError = false;
  let looked = 0;
  for (let index = 0; index < lines.length && looked < LINES_LOOKED_AT; index++) {
    const line = lines[index];
    if (isNoiseLine(line)) continue;
    if (looked++ === 0 && HELM_JSON.test(lines.slice(index).join('\n'))) return 'helm-diff';
    const format = formatOfLine(line);
    if (format) return format;
    const error = readKubectlError(lines, index);
    if (!error) return undefined;
    sawError = true;
    index += error.lines - 1;
  }
  return sawError ? 'kubectl-diff' : undefined;
}
