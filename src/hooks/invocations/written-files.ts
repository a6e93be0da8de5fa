// Scripts written earlier in the same command (`echo 'terraform destroy' > x.sh; bash x.sh`): what echo, printf,
// cat and tee put in a file, so that running, sourcing or executing that file later in the command is judged by it.
import { posix } from 'node:path';
import { literalOutput } from '../shell/literal-output.js';
import { commandName } from './command-name.js';
import { isDecoder } from './decoders.js';
import type { SimpleCommand } from './invocation.js';

export interface WrittenFile {
  /** The file's text, when the command says it (with any part known only at run time kept as written). */
  text?: string;
  /** Written by a decoder (`base64 -d > x.sh`): what runs cannot be read. */
  decoded: boolean;
}

export type WrittenFiles = Map<string, WrittenFile>;

function key(path: string, cwd: string): string {
  return posix.resolve(cwd, path);
}

export function writtenFile(files: WrittenFiles, path: string, cwd: string): WrittenFile | undefined {
  return files.get(key(path, cwd));
}

/** What the command feeds a reader of its standard input: a here-document, a here-string, or a literal pipe. */
export function standardInput(command: SimpleCommand): string | undefined {
  if (command.stdin !== undefined) return command.stdin;
  const producer = command.pipedFrom?.producer;
  return producer ? literalOutput(producer) : undefined;
}

function write(files: WrittenFiles, path: string, cwd: string, text: string | undefined, decoded: boolean, append: boolean): void {
  const before = append ? files.get(key(path, cwd)) : undefined;
  const joined = before ? (before.text !== undefined && text !== undefined ? before.text + text : undefined) : text;
  files.set(key(path, cwd), { ...(joined !== undefined ? { text: joined } : {}), decoded: decoded || (before?.decoded ?? false) });
}

/** Records what one command writes: its redirections, tee's files, and copies of files recorded before. */
export function recordWrites(files: WrittenFiles, command: SimpleCommand, cwd: string): void {
  const name = commandName(command.words[0] ?? '');
  const decoded = isDecoder(command.words) || (command.pipedFrom?.commands.some((c) => isDecoder(c.words)) ?? false);
  const output = literalOutput(command);
  for (const target of command.writes ?? []) {
    if (!target.expanded) write(files, target.text, cwd, output, decoded, target.append ?? false);
  }
  const operands = command.words.slice(1).filter((w, i) => !w.startsWith('-') && !command.expanded[i + 1]);
  if (name === 'tee') {
    const append = command.words.some((w) => /^(-a|--append)$/.test(w));
    for (const path of operands) write(files, path, cwd, standardInput(command), decoded, append);
  }
  if ((name === 'cp' || name === 'mv' || name === 'ln') && operands.length === 2) {
    const source = files.get(key(operands[0], cwd));
    if (source) files.set(key(operands[1], cwd), source);
  }
}
