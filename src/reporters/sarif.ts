// SARIF reporter: a SARIF 2.1.0 log (OASIS, errata 01: https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html)
// for code scanning: one reporting descriptor per rule the findings cite, one result per finding.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Report, RuleMeta, Severity } from '../model.js';
import { isPlanWide } from './blocked-changes.js';
import { inputFile } from './input-file.js';
import { recoverabilitySentence } from './recoverability-words.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVELS: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path stays a relative URI reference (code scanning resolves it against the repository root). */
function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function reportingDescriptor(id: string, rule: RuleMeta): ReportingDescriptor {
  return {
    id,
    shortDescription: { text: rule.description },
    helpUri: rule.url,
    help: { text: `${rule.description} Why it matters, how to fix it and how to allow-list it: ${rule.url}` },
    defaultConfiguration: { level: LEVELS[rule.severity] },
  };
}

/** The plan file (none for standard input) and the resource's address (none for a finding about the whole plan). */
function locations(report: Report, finding: Finding): Location[] {
  const file = inputFile(report, finding.file);
  const location: Location = {
    ...(file === undefined ? {} : { physicalLocation: { artifactLocation: { uri: artifactUri(file) } } }),
    ...(isPlanWide(finding) ? {} : { logicalLocations: [{ fullyQualifiedName: finding.address, kind: 'resource' }] }),
  };
  return Object.keys(location).length > 0 ? [location] : [];
}

function result(report: Report, finding: Finding, ruleIndex: number): Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: [finding.message, recoverabilitySentence(finding)].filter(Boolean).join(' ') },
    locations: locations(report, finding),
    // Code scanning matches a result across runs by this; without it, it would hash source lines a plan has not got.
    partialFingerprints: { 'blastRadiusFinding/v1': `${finding.ruleId}:${finding.address}` },
    ...(finding.waived
      ? {
          suppressions: [
            { kind: 'external', status: 'accepted', justification: `${finding.waived.reason} (${finding.waived.by}, until ${finding.waived.expires})` },
          ],
        }
      : {}),
    properties: {
      action: finding.action,
      environment: finding.environment,
      ...(finding.recoverability === undefined ? {} : { recoverability: finding.recoverability }),
    },
  };
}

export default function formatSarif(report: Report): string {
  const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))];
  const rules = ruleIds.map((id) => reportingDescriptor(id, report.rules[id]));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, rules } },
        results: report.findings.map((finding) => result(report, finding, ruleIds.indexOf(finding.ruleId))),
        // The configuration file the run read; null for the built-in defaults.
        properties: { configuration: report.config ?? null },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
