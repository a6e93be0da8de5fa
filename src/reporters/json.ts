// JSON reporter: the Report itself, versioned by schemaVersion (see docs/json-report.md), as one string or in slices.
import type { Report } from '../model.js';

export default function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One member or element at `depth` below the top, as JSON.stringify(…, null, 2) writes it inside its parent. */
function nested(value: unknown, depth: number): string | undefined {
  return JSON.stringify(value, null, 2)?.replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/**
 * The same text as formatJson, in slices: each top-level member, and each element of a top-level list, is made by
 * JSON.stringify on its own, so that a report of tens of thousands of resources is never one string in memory
 * (JSON strings hold no raw line breaks, so indenting after each line break nests a slice exactly).
 */
export function* jsonSlices(report: Report): Generator<string> {
  let members = 0;
  for (const [key, value] of Object.entries(report)) {
    const name = `${members === 0 ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      members++;
      yield `${name}[`;
      for (const [i, element] of (value as unknown[]).entries()) yield `${i === 0 ? '' : ','}\n    ${nested(element, 2) ?? 'null'}`;
      yield '\n  ]';
      continue;
    }
    const text = nested(value, 1);
    if (text === undefined) continue;
    members++;
    yield name + text;
  }
  yield members === 0 ? '{}\n' : '\n}\n';
}
