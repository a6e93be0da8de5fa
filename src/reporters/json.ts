// JSON reporter: the Report itself, versioned by schemaVersion (see docs/json-report.md).
import type { Report } from '../model.js';

export default function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
