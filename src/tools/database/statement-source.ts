// Gathers the text of the statements a client runs, from wherever they come: a command-line word, a file, standard
// input as the caller saw it. What cannot be read (a computed word, a missing or large file, a pipe) yields the one
// sentence that says so.
import { isComputed } from './connection-targets.js';
import type { ReadOptions } from './database-command.js';

/** Files larger than this are not read. */
const MAX_FILE_BYTES = 1024 * 1024;

export type StatementSource =
  { kind: 'word'; text: string; at: number; written: string } | { kind: 'file'; path: string; at: number; written: string } | { kind: 'stdin' };

export interface SourceTexts {
  texts: string[];
  unread?: string;
}

/** A file's text, or why it was not read. */
export function readStatementFile(client: string, path: string, options: ReadOptions): { text: string } | { unread: string } {
  const text = options.readFile?.(path);
  if (text === undefined) return { unread: `${client} runs the file ${path}, which does not exist or could not be read.` };
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) return { unread: `${client} runs the file ${path}, which is over 1 MB, so blast-radius did not read it.` };
  return { text };
}

function stdinText(client: string, options: ReadOptions): { text: string } | { unread: string } {
  if (options.stdin !== undefined) return { text: options.stdin };
  return { unread: `${client} reads its statements from standard input, which blast-radius did not see.` };
}

export function readSources(client: string, sources: readonly StatementSource[], options: ReadOptions): SourceTexts {
  const gathered: SourceTexts = { texts: [] };
  const note = (sentence: string): void => {
    gathered.unread ??= sentence;
  };
  for (const source of sources) {
    if (source.kind === 'stdin') {
      const read = stdinText(client, options);
      if ('text' in read) gathered.texts.push(read.text);
      else note(read.unread);
    } else if (isComputed(source.kind === 'word' ? source.text : source.path, source.at, options)) {
      note(
        source.kind === 'word'
          ? `The statements given to ${client} ${source.written} are computed by the shell, so blast-radius cannot read them.`
          : `${client} ${source.written} runs a file whose name the shell computes, so blast-radius cannot read it.`,
      );
    } else if (source.kind === 'word') gathered.texts.push(source.text);
    else if (source.path === '-') {
      const read = stdinText(client, options);
      if ('text' in read) gathered.texts.push(read.text);
      else note(read.unread);
    } else {
      const read = readStatementFile(client, source.path, options);
      if ('text' in read) gathered.texts.push(read.text);
      else note(read.unread);
    }
  }
  return gathered;
}
