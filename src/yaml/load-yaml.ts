// The one YAML loader: js-yaml's core schema (no custom tags, no timestamps), aliases bounded so that a "billion
// laughs" document is refused; callers say what went wrong in their own words, never quoting the text.
import { CORE_SCHEMA, load } from 'js-yaml';
import { expandsBeyond } from './expands-beyond.js';

export type LoadedYaml =
  | { status: 'loaded'; value: unknown }
  /** `error` is js-yaml's: describe it with yamlErrorPosition, never with its message (which quotes the text). */
  | { status: 'invalid'; error: unknown; customTag: boolean }
  | { status: 'alias-bomb' };

export interface YamlOptions {
  /** The most values the document may expand to through aliases (default: its length in characters, at least 1,000). */
  maxNodes?: number;
  /** The file name js-yaml puts in its error messages. */
  filename?: string;
}

/** Loads one YAML document (or JSON, a subset of YAML). */
export function loadYaml(text: string, options: YamlOptions = {}): LoadedYaml {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, ...(options.filename === undefined ? {} : { filename: options.filename }) });
  } catch (error) {
    const reason = (error as { reason?: unknown } | undefined)?.reason;
    return { status: 'invalid', error, customTag: typeof reason === 'string' && reason.startsWith('unknown tag') };
  }
  // Without aliases a document has fewer values than characters; one that expands to more (or loops) is refused.
  if (expandsBeyond(value, options.maxNodes ?? Math.max(text.length, 1000))) return { status: 'alias-bomb' };
  return { status: 'loaded', value };
}
