// The lines that head helm-diff's entries (databus23/helm-diff diff/report.go, manifest/parse.go), in the default
// `diff` mode and in `--output simple`; shared by the reader and the format detection, which must stay light.

export const DIFF_MESSAGES: Record<string, string> = {
  'has been added:': 'ADD',
  'has been removed:': 'REMOVE',
  'has changed:': 'MODIFY',
  'changed ownership:': 'OWNERSHIP',
  'has changed, but diff is empty after suppression.': 'MODIFY_SUPPRESSED',
};
export const SIMPLE_MESSAGES: Record<string, string> = {
  'to be added.': 'ADD',
  'to be removed.': 'REMOVE',
  'to be changed.': 'MODIFY',
  'to change ownership.': 'OWNERSHIP',
  'has changed, but diff is empty after suppression.': 'MODIFY_SUPPRESSED',
};
/** The entry key, `manifest.metadata.String()`: `namespace, name, Kind (apiVersion without its version)`. */
const KEY = '([a-z0-9-]*), ([^\\s,]+), ([A-Za-z][A-Za-z0-9]*) \\(([^\\s()]+)\\)';
export const DIFF_HEADER = new RegExp(
  `^${KEY} (${Object.keys(DIFF_MESSAGES)
    .map((m) => m.replace(/[.]/g, '\\.'))
    .join('|')})$`,
);
export const SIMPLE_LINE = new RegExp(
  `^${KEY} (${Object.keys(SIMPLE_MESSAGES)
    .map((m) => m.replace(/[.]/g, '\\.'))
    .join('|')})$`,
);
export const SIMPLE_PLAN = /^Plan: \d+ to add, \d+ to change, \d+ to destroy, \d+ to change ownership\.$/;
