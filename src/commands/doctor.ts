// The `doctor` command: says whether this shell's credentials and settings reach production, from names and ids only,
// and whether its terraform, kubectl and helm runs pass the guard shims.
import { homedir } from 'node:os';
import { sep } from 'node:path';
import type { CommandSpec } from './kit/command-spec.js';
import { CREDENTIAL_SOURCE_LABELS, type CredentialFinding, type CredentialSource } from '../credentials/credential-finding.js';
import { inspectCredentials, type CredentialInspection } from '../credentials/inspect-credentials.js';
import { DETAIL_RULE, UNCONFIGURED_RULE, UNREADABLE_RULE } from '../credentials/judge-reading.js';
import { EXIT_PASS, UsageError } from '../errors.js';
import { shimStatus, type ShimStatus } from '../shims/shim-status.js';

interface DoctorArgs {
  format: string;
}

/** Paths under the home directory read as `~/…` in text; JSON keeps them whole. */
function shortenHome(text: string, home: string): string {
  return home.length > 1 ? text.split(`${home}${sep}`).join(`~${sep}`) : text;
}

function findingLines(finding: CredentialFinding, home: string): string[] {
  const { environment } = finding;
  const where = shortenHome(finding.where, home);
  if (environment.rule === UNREADABLE_RULE) return [`  unreadable file ${where} [unknown]`, `      ${environment.reason}`];
  if (environment.rule === DETAIL_RULE) return [`  ${finding.what} ${finding.value}`, `      ${where}`];
  if (environment.rule === UNCONFIGURED_RULE)
    return [`  ${finding.what} ${finding.value} [not configured]`, `      ${where}: ${shortenHome(environment.reason, home)}`];
  return [`  ${finding.what} ${finding.value} [${environment.name}]`, `      ${where}: ${environment.reason}`];
}

/** `AWS profile prod-admin`, `Kubernetes context and cluster payments-prod`: one item per source and value. */
function productionItems(findings: CredentialFinding[], home: string): string[] {
  const items = new Map<string, { source: CredentialSource; whats: string[]; value: string }>();
  for (const finding of findings.filter((f) => f.environment.protected)) {
    const value = finding.value === 'set' ? `(${shortenHome(finding.where, home)})` : finding.value;
    const key = `${finding.source}\0${value}`;
    const item = items.get(key) ?? { source: finding.source, whats: [], value };
    if (!item.whats.includes(finding.what)) item.whats.push(finding.what);
    items.set(key, item);
  }
  return [...items.values()].map(({ source, whats, value }) => `${CREDENTIAL_SOURCE_LABELS[source]} ${whats.join(' and ')} ${value}`);
}

/** The command-line tools that use each source's credentials and settings, and so reach what it points at. */
const TOOLS_OF: Record<CredentialSource, string[]> = {
  aws: ['aws', 'sam', 'cdk', 'serverless', 'terraform', 'tofu', 'pulumi'],
  gcp: ['gcloud', 'gsutil', 'terraform', 'tofu', 'pulumi'],
  azure: ['az', 'terraform', 'tofu', 'pulumi'],
  kubernetes: ['kubectl', 'oc', 'helm', 'helmfile'],
  terraform: ['terraform', 'tofu'],
};

function verdictLine(inspection: CredentialInspection, home: string): string {
  const unknown = inspection.unknown > 0 ? ` (${inspection.unknown} unknown)` : '';
  if (!inspection.reachesProduction) return `Nothing here points at production.${unknown}`;
  const sources = new Set(inspection.findings.filter((finding) => finding.environment.protected).map((finding) => finding.source));
  const tools = [...new Set([...sources].flatMap((source) => TOOLS_OF[source]))];
  return `This shell can reach production: ${productionItems(inspection.findings, home).join(', ')}, with ${tools.join(', ')}.${unknown}`;
}

/** Whether this shell's terraform, kubectl and helm runs pass the guard shims (docs/agents.md). */
function shimLines(status: ShimStatus, home: string): string[] {
  const lines = [`Guard shims (${shortenHome(status.directory, home)})`];
  if (!status.onPath)
    return [...lines, '  not on PATH: add `eval "$(blast-radius shims env)"` to the profile of the shell your agent starts (docs/agents.md)', ''];
  if (status.active.length > 0) lines.push(`  active for ${status.active.join(', ')}`);
  for (const { tool, path } of status.bypassed) lines.push(`  bypassed for ${tool}: ${shortenHome(path, home)} comes before the shims on PATH`);
  return [...lines, ''];
}

function text(inspection: CredentialInspection, home: string, status: ShimStatus): string {
  const lines = ['Where the credentials and settings of this shell point (names and ids only; no secret is read out).', ''];
  if (inspection.findings.length === 0) lines.push('No AWS, Google Cloud, Azure, Kubernetes or Terraform credentials or settings found.', '');
  for (const source of Object.keys(CREDENTIAL_SOURCE_LABELS) as CredentialSource[]) {
    const findings = inspection.findings.filter((f) => f.source === source);
    if (findings.length === 0) continue;
    lines.push(CREDENTIAL_SOURCE_LABELS[source], ...findings.flatMap((f) => findingLines(f, home)), '');
  }
  lines.push(...shimLines(status, home), verdictLine(inspection, home));
  return `${lines.join('\n')}\n`;
}

function json(inspection: CredentialInspection, _home: string, shims: ShimStatus): string {
  const { reachesProduction, unknown, findings } = inspection;
  return `${JSON.stringify({ schemaVersion: 1, reachesProduction, unknown, findings, shims }, null, 2)}\n`;
}

const FORMATS: Record<string, (inspection: CredentialInspection, home: string, shims: ShimStatus) => string> = { text, json };

/** The output of `doctor` for one environment and home directory: what run() prints, with both injectable for tests. */
export function doctorOutput(format: string, env: NodeJS.ProcessEnv, home: string): string {
  const render = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  if (!render) throw new UsageError(`Invalid value "${format}" for --format: choose one of ${Object.keys(FORMATS).join(', ')}.`);
  return render(inspectCredentials(env, home), home, shimStatus(env, home));
}

const command: CommandSpec<DoctorArgs> = {
  usage: 'doctor',
  exitCodes: 'Exit codes: 0 reported (whether or not the shell reaches production), 2 usage error.',
  describe: 'Tell whether this shell can reach production: AWS, Google Cloud, Azure and kube contexts, from names and ids only.',
  options: {
    format: { type: 'string', alias: 'f', default: 'text', choices: Object.keys(FORMATS), describe: 'Output format.' },
  },
  examples: [
    ['$0 doctor', 'List the profiles, projects, subscriptions and kube context this shell uses, and their environments.'],
    ['$0 doctor --format json', 'The same as JSON, with `reachesProduction` for programs.'],
  ],
  run: (args) => {
    process.stdout.write(doctorOutput(args.format, process.env, homedir()));
    return EXIT_PASS;
  },
};

export default command;
