// Parses the YAML text of one object body that a diff printed, refusing what is not one whole object; errors name
// the file and a line, never the text (a Secret's body holds its values).
import { CORE_SCHEMA, load } from 'js-yaml';
import { InputError } from '../../errors.js';
import { expandsBeyond } from '../../yaml/expands-beyond.js';
import { isBody, type Body } from './object-facts.js';

/**
 * The object in `yamlText`; `firstLine` is where that text starts in the file, for the error message.
 * CORE_SCHEMA: no timestamps or custom tags, as kubectl and helm print none that matter here.
 */
export function parseBodyYaml(yamlText: string, file: string, firstLine: number, what: string): Body {
  let document: unknown;
  try {
    document = load(yamlText, { schema: CORE_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line?: unknown } }).mark;
    const line = typeof mark?.line === 'number' ? firstLine + mark.line : firstLine;
    throw new InputError(`${file}: the body of ${what} is not valid YAML (near line ${line}).`);
  }
  if (!isBody(document)) throw new InputError(`${file}: the body of ${what} (line ${firstLine}) is not a Kubernetes object.`);
  // A body without aliases has fewer nodes than characters; one that expands to more (or loops) is an alias bomb.
  if (expandsBeyond(document, Math.max(yamlText.length, 1000))) {
    throw new InputError(`${file}: the body of ${what} (line ${firstLine}) expands beyond its size through YAML aliases: refused.`);
  }
  return document;
}
