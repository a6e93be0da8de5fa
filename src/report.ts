// Assembles the Report from analyzed inputs, their environments and findings, and derives the exit code from it.
import {
  QUIET_ACTIONS,
  blocks,
  type Action,
  type AnalyzedInput,
  type ClassifiedChange,
  type Finding,
  type Report,
  type ReportException,
  type ReportResource,
  type RuleMeta,
  type Summary,
} from './model.js';
import { EXIT_BLOCKED, EXIT_PASS } from './errors.js';
import { ruleUrl, type Rule } from './policy/rule.js';
import { VERSION } from './version.js';

function count<K extends string>(keys: K[]): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** Adds up counts, keeping the order in which keys first appear. */
function mergeCounts<K extends string>(counts: Partial<Record<K, number>>[]): Partial<Record<K, number>> {
  const total: Partial<Record<K, number>> = {};
  for (const one of counts) for (const [key, n] of Object.entries(one) as [K, number][]) total[key] = (total[key] ?? 0) + n;
  return total;
}

/** Environment names come from the input (a tag value `__proto__`), so rows are kept in a Map, never as keys of `{}`. */
function byEnvironmentAndAction(touched: ClassifiedChange[]): Record<string, Partial<Record<Action, number>>> {
  const table = new Map<string, Partial<Record<Action, number>>>();
  for (const { change, environment } of touched) {
    const row = table.get(environment.name) ?? {};
    row[change.action] = (row[change.action] ?? 0) + 1;
    table.set(environment.name, row);
  }
  return Object.fromEntries(table);
}

function largestFanOut(findings: Finding[]): Pick<Summary, 'largestFanOut'> {
  const widest = findings.reduce<Finding | undefined>((best, f) => ((f.dependents?.count ?? 0) > (best?.dependents?.count ?? 0) ? f : best), undefined);
  return widest?.dependents ? { largestFanOut: { address: widest.address, dependents: widest.dependents.count } } : {};
}

function summarize(inputs: AnalyzedInput[], classified: ClassifiedChange[], findings: Finding[]): Summary {
  const touched = classified.filter(({ change }) => !QUIET_ACTIONS.has(change.action));
  return {
    errors: findings.filter((f) => f.severity === 'error' && !f.waived).length,
    waived: findings.filter((f) => f.waived).length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
    changes: inputs.reduce((total, input) => total + Object.values(input.actionCounts).reduce((a, b) => a + b, 0), 0),
    byAction: mergeCounts(inputs.map((input) => input.actionCounts)),
    byEnvironment: count(touched.map(({ environment }) => environment.name)) as Record<string, number>,
    byEnvironmentAndAction: byEnvironmentAndAction(touched),
    dataLoss: findings.filter((f) => f.impact === 'data-loss' && f.severity !== 'info').length,
    ...largestFanOut(findings),
    outputsByAction: count(inputs.flatMap((input) => input.outputActions)),
  };
}

function toResource({ change, environment }: ClassifiedChange, file: string): ReportResource {
  const resource: ReportResource = { file, address: change.address, type: change.type, action: change.action, environment };
  if (change.previousAddress !== undefined) resource.previousAddress = change.previousAddress;
  if (change.reason !== undefined) resource.reason = change.reason;
  return resource;
}

export function buildReport(
  inputs: AnalyzedInput[],
  classified: ClassifiedChange[],
  findings: Finding[],
  rules: readonly Rule[],
  configuration: { path?: string; exceptions: ReportException[] } = { exceptions: [] },
): Report {
  const cited = new Set(findings.map((f) => f.ruleId));
  const ruleMeta: Record<string, RuleMeta> = {};
  for (const rule of rules) {
    if (cited.has(rule.id)) ruleMeta[rule.id] = { description: rule.description, severity: rule.severity, url: ruleUrl(rule.id) };
  }
  return {
    schemaVersion: 1,
    tool: { name: 'blast-radius', version: VERSION },
    verdict: findings.some(blocks) ? 'block' : 'pass',
    inputs: inputs.map(({ file, format, platform, formatVersion, toolVersion }) => ({ file, format, platform, formatVersion, toolVersion })),
    findings,
    resources: classified.filter(({ change }) => !QUIET_ACTIONS.has(change.action)).map((entry) => toResource(entry, inputs[entry.change.input]?.file ?? '')),
    summary: summarize(inputs, classified, findings),
    rules: ruleMeta,
    ...(configuration.path !== undefined ? { config: configuration.path } : {}),
    exceptions: configuration.exceptions,
  };
}

export function exitCode(report: Report): number {
  return report.verdict === 'block' ? EXIT_BLOCKED : EXIT_PASS;
}
