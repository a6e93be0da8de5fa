// Loads every document of a multi-document YAML text (`---`-separated manifests, `helm get manifest`) safely: core
// schema (no custom tags, no dates), aliases bounded; each document keeps its number and first line for error messages.
import { InputError } from '../errors.js';
import { yamlErrorPosition } from './describe-yaml-error.js';
import { loadYaml } from './load-yaml.js';

export interface YamlDocument {
  /** 1-based, as a YAML parser counts documents: an empty document between two `---` lines counts too. */
  number: number;
  /** 1-based line of the document's first line in the whole text. */
  line: number;
  /** The parsed value; null for a document holding nothing but comments. */
  value: unknown;
}

const DOCUMENT_START = /^---(?=[ \t\r]|$)/;
const DOCUMENT_END = /^\.\.\.(?=[ \t\r]|$)/;
/** Blank lines, comments and directives: a run of only these before `---` belongs to the document that follows. */
const PREAMBLE = /^(\s*(#.*)?|%.*)$/;

interface Chunk {
  firstLine: number;
  lines: string[];
  startsWithMarker: boolean;
}

/**
 * Cuts the text where a document starts (`---`) or ends (`...`) at the beginning of a line. YAML forbids those
 * markers inside any scalar, so the cut agrees with the parser's own; it lets each document be parsed (and blamed) alone.
 */
function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { firstLine: 0, lines: [], startsWithMarker: false };
  const preambleOnly = (chunk: Chunk) => !chunk.startsWithMarker && chunk.lines.every((line) => PREAMBLE.test(line));
  text.split('\n').forEach((line, index) => {
    if (DOCUMENT_START.test(line)) {
      const carried = preambleOnly(current) ? current.lines : [];
      if (!preambleOnly(current)) chunks.push(current);
      current = { firstLine: index - carried.length, lines: [...carried, line], startsWithMarker: true };
    } else if (DOCUMENT_END.test(line)) {
      current.lines.push(line);
      chunks.push(current);
      current = { firstLine: index + 1, lines: [], startsWithMarker: false };
    } else {
      current.lines.push(line);
    }
  });
  chunks.push(current);
  return chunks.filter((chunk) => !preambleOnly(chunk));
}

function problemOf(error: unknown, customTag: boolean, lineOffset: number): string {
  if (customTag)
    return `uses a custom YAML tag${yamlErrorPosition({ ...(error as object), reason: undefined }, lineOffset)}, which no Kubernetes object needs: refused`;
  return `is not valid YAML${yamlErrorPosition(error, lineOffset)}`;
}

/**
 * Every document of the text, in order. A document that is not valid YAML, uses a custom tag, or whose aliases
 * expand to more values than it has characters (a "billion laughs" document) is an InputError naming `name` and
 * the document's number.
 */
export function loadYamlDocuments(text: string, name: string): YamlDocument[] {
  return splitDocuments(text).map((chunk, index): YamlDocument => {
    const number = index + 1;
    const source = chunk.lines.join('\n');
    const loaded = loadYaml(source);
    if (loaded.status === 'invalid') throw new InputError(`${name}: document ${number} ${problemOf(loaded.error, loaded.customTag, chunk.firstLine)}.`);
    if (loaded.status === 'alias-bomb') {
      throw new InputError(
        `${name}: document ${number} (line ${chunk.firstLine + 1}) has YAML aliases that expand to more values than it has characters (an alias bomb): refused.`,
      );
    }
    return { number, line: chunk.firstLine + 1, value: loaded.value ?? null };
  });
}
