// Words whose value is partly known only at run time, as templates: the known text with UNKNOWN in place of each part
// bash computes when it runs (a variable, a command substitution, a glob), and the words such a template could become.

/** Stands for a part of a word that is only known at run time: any text, possibly empty, possibly several words. */
export const UNKNOWN = '\u0000';

export function isComputed(template: string): boolean {
  return template.includes(UNKNOWN);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words a template could match when each unknown part is any text (`terr\0form` matches `terraform`). */
export function templatePattern(template: string): RegExp {
  return new RegExp(`^${template.split(UNKNOWN).map(escapeRegExp).join('.*')}$`, 's');
}

/**
 * The values the template could take when its unknown parts are given one of `candidates`: each candidate put in
 * every unknown part (`-chdir=\0` → `-chdir=destroy`), and each candidate the whole template could match
 * (`d\0stroy` → `destroy`). An empty result means the word may vanish (an unquoted empty expansion).
 */
export function fillings(template: string, candidates: readonly string[]): string[] {
  const pattern = templatePattern(template);
  const values = new Set<string>();
  for (const candidate of candidates) {
    values.add(template.split(UNKNOWN).join(candidate));
    if (pattern.test(candidate)) values.add(candidate);
  }
  return [...values];
}
