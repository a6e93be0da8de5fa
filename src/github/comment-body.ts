// The text of the pull-request comment: the Markdown report cut to GitHub's 65,536-character limit with a note, or
// the error that stopped the check (so that an earlier "passed" comment never stays up over an unreadable plan).
import { COMMENT_MARKER } from '../reporters/markdown.js';

/** GitHub refuses a comment body longer than this (counted here in UTF-16 units, never fewer than characters). */
export const COMMENT_LIMIT = 65_536;

function truncationNote(runUrl: string | undefined): string {
  const where = runUrl ? `the job summary of [this run](${runUrl})` : "this run's job summary";
  return `\n\n---\n<sub>✂️ blast-radius cut this report to fit GitHub's limit of 65,536 characters per comment; the whole report is in ${where}.</sub>\n`;
}

/** What must follow a cut so that the rest renders: an open code fence closed, open `<details>` closed. */
function closers(kept: string): string {
  let fence: string | undefined;
  for (const line of kept.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker === undefined) continue;
    if (fence === undefined) fence = marker;
    else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
  }
  const opened = (kept.match(/<details>/gi) ?? []).length - (kept.match(/<\/details>/gi) ?? []).length;
  return `${fence === undefined ? '' : `\n${fence}`}${'\n</details>'.repeat(Math.max(0, opened))}`;
}

/** Cuts at the last line break that leaves room (never inside a surrogate pair). */
function cutAt(markdown: string, budget: number): string {
  const lineEnd = markdown.lastIndexOf('\n', budget);
  if (lineEnd > 0) return markdown.slice(0, lineEnd);
  const end = /[\uD800-\uDBFF]/.test(markdown[budget - 1] ?? '') ? budget - 1 : budget;
  return markdown.slice(0, end);
}

/** The report as a comment: unchanged when it fits, otherwise cut at a line with its fences closed and a note. */
export function fitComment(markdown: string, runUrl?: string): string {
  if (markdown.length <= COMMENT_LIMIT) return markdown;
  const note = truncationNote(runUrl);
  for (let budget = COMMENT_LIMIT - note.length; budget > 0; budget -= 256) {
    const kept = cutAt(markdown, budget);
    const body = `${kept}${closers(kept)}${note}`;
    if (body.length <= COMMENT_LIMIT) return body;
  }
  return `${COMMENT_MARKER}${note}`;
}

/** A fence longer than any run of backticks in the text, so that nothing in it can end the block. */
function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** The comment (and job summary) when blast-radius could not check the plan: exit 2, never a pass. */
export function errorComment(message: string, runUrl?: string): string {
  const run = runUrl ? ` ([this run](${runUrl}))` : '';
  return fitComment(
    [
      COMMENT_MARKER,
      '### ⚠️ Not checked: blast-radius stopped with an error',
      '',
      `**Do not apply this plan until the check passes.** The check stopped with this error${run}:`,
      '',
      fenced(message),
      '',
    ].join('\n'),
    runUrl,
  );
}
