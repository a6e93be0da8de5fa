// The table of output formats: name → lazily imported reporter. An unknown name is a usage error, never a fallback.
import type { Report } from '../model.js';
import { UsageError } from '../errors.js';

export type Reporter = (report: Report) => string;

export const REPORTERS = {
  json: { description: 'The versioned Report as JSON, for programs.', load: () => import('./json.js') },
  text: { description: 'Grouped, coloured text for terminals (plain when not a TTY or NO_COLOR is set).', load: () => import('./text.js') },
  markdown: {
    description: 'A PR comment or job summary: verdict first, blocking findings, details folded, a Mermaid graph of what is destroyed.',
    load: () => import('./markdown.js'),
  },
  sarif: { description: 'SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE viewers).', load: () => import('./sarif.js') },
  github: { description: 'GitHub Actions workflow commands: an error, warning or notice annotation per finding.', load: () => import('./github.js') },
  gitlab: {
    description: 'GitLab Code Quality JSON, for `artifacts:reports:codequality`: an issue per finding in the merge request.',
    load: () => import('./gitlab.js'),
  },
  agent: { description: 'A few plain sentences a coding agent acts on: what was refused, why, and the safe next step.', load: () => import('./agent.js') },
} satisfies Record<string, { description: string; load: () => Promise<{ default: Reporter }> }>;

export type FormatName = keyof typeof REPORTERS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(REPORTERS, name);
}

export async function loadReporter(name: string): Promise<Reporter> {
  if (!isFormatName(name)) {
    throw new UsageError(`Unknown format "${name}": choose one of ${Object.keys(REPORTERS).join(', ')}.`);
  }
  return (await REPORTERS[name].load()).default;
}
