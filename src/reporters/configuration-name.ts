// Names the configuration a report was checked against: the file it read, or the built-in defaults.
import type { Report } from '../model.js';

/** Control characters in the path are written as \uXXXX, so a file name cannot start a line (or a command) of its own. */
export function configurationName(report: Report): string {
  // eslint-disable-next-line no-control-regex
  return report.config?.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) ?? 'built-in defaults';
}
