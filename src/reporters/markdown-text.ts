// Escapes text for GitHub-flavoured Markdown: prose that renders as itself, code spans, and table rows.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Prose that renders as written: no emphasis, links, strike-through or HTML, and on one line. */
export function markdownText(text: string): string {
  return (
    text
      .replace(/\r?\n/g, ' ')
      .replace(/[\\`*[\]~]/g, '\\$&')
      // An underscore inside a word never starts emphasis (snake_case stays readable); at a word's edge it may.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
      .replace(/[&<>]/g, (character) => HTML_ENTITIES[character] ?? character)
  );
}

/** A code span that shows `text` literally, whatever backticks it holds. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat;
  return `${fence}${padded}${fence}`;
}

/** One row of a table; a pipe inside a cell (even inside a code span) is escaped so that it does not split it. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** A table with a header row. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)];
}
