// Parses the YAML text of one object body that a diff printed, refusing what is not one whole object; errors name
// the file and a line, never the text (a Secret's body holds its values).
import { InputError } from '../../errors.js';
import { loadYaml } from '../../yaml/load-yaml.js';
import { isBody, type Body } from './object-facts.js';

/**
 * The object in `yamlText`; `firstLine` is where that text starts in the file, for the error message.
 * CORE_SCHEMA: no timestamps or custom tags, as kubectl and helm print none that matter here.
 */
export function parseBodyYaml(yamlText: string, file: string, firstLine: number, what: string): Body {
  const loaded = loadYaml(yamlText);
  if (loaded.status === 'invalid') {
    const mark = (loaded.error as { mark?: { line?: unknown } }).mark;
    const line = typeof mark?.line === 'number' ? firstLine + mark.line : firstLine;
    throw new InputError(`${file}: the body of ${what} is not valid YAML (near line ${line}).`);
  }
  if (loaded.status === 'alias-bomb') {
    throw new InputError(`${file}: the body of ${what} (line ${firstLine}) expands beyond its size through YAML aliases: refused.`);
  }
  const document = loaded.value;
  if (!isBody(document)) throw new InputError(`${file}: the body of ${what} (line ${firstLine}) is not a Kubernetes object.`);
  return document;
}
