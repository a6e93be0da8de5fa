// Reads a Pulumi URN, `urn:pulumi:<stack>::<project>::<parent types$type>::<name>`, into its stack, project, type and name.

export interface Urn {
  stack: string;
  project: string;
  /** The resource's own type token: the last of the `$`-joined types (its parents' come first). */
  type: string;
  /** The name given in the program; it may itself hold `::`. */
  name: string;
}

const PREFIX = 'urn:pulumi:';

/** The parts of a URN, or undefined when the text is not one. */
export function parseUrn(text: string): Urn | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  const parts = text.slice(PREFIX.length).split('::');
  if (parts.length < 4) return undefined;
  const [stack, project, qualifiedType] = parts;
  const name = parts.slice(3).join('::');
  const type = qualifiedType.split('$').at(-1) ?? '';
  if (stack === '' || project === '' || type === '' || name === '') return undefined;
  return { stack, project, type, name };
}
