// Writes the files the Actions runner reads back after the step: step outputs ($GITHUB_OUTPUT) and the job summary
// ($GITHUB_STEP_SUMMARY). https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/** Appends `name=value` lines (a value with a line break gets the `name<<delimiter` form); no file, no outputs. */
export function setOutputs(file: string | undefined, outputs: Record<string, string>): void {
  if (!file) return;
  const lines = Object.entries(outputs).map(([name, value]) => {
    if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
    const delimiter = `ghadelimiter_${randomUUID()}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  });
  appendFileSync(file, lines.join(''));
}

/** Appends Markdown to the job summary (other steps may have written to it already); no file, no summary. */
export function appendSummary(file: string | undefined, markdown: string): void {
  if (!file) return;
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}
