// The agent hooks' once-per-session notice: whether the shell the agent runs in can reach production, with the
// evidence `doctor` shows (names and ids only, never a secret value), in sentences a model acts on. Imported only for
// a session's start or first call, because it loads the credential readers and the YAML parser for kubeconfig files.
import { CREDENTIAL_SOURCE_LABELS, type CredentialFinding, type CredentialSource } from '../credentials/credential-finding.js';
import { inspectCredentials, type CredentialInspection } from '../credentials/inspect-credentials.js';
import { UNREADABLE_RULE } from '../credentials/judge-reading.js';
import type { SessionNotice } from '../agents/agent.js';

const VARIABLE = /^[A-Z][A-Z0-9_]*$/;

function kind(finding: CredentialFinding): string {
  return finding.what === 'static-credentials' ? 'static keys' : finding.what;
}

/** `AWS_PROFILE=prod-admin`, `AWS_ACCESS_KEY_ID is set`, `context payments-prod (/home/u/.kube/config current-context)`. */
function evidence(finding: CredentialFinding): string {
  const { value, where } = finding;
  if (VARIABLE.test(where)) return value === 'set' ? `${where} is set` : `${where}=${value}`;
  return value === 'set' ? `${kind(finding)} in ${where}` : `${kind(finding)} ${value} (${where})`;
}

/** A finding shown beside the evidence, without its file: `account 123456789012`, `AWS_ACCESS_KEY_ID is set`. */
function detail(finding: CredentialFinding): string {
  return VARIABLE.test(finding.where) || finding.value === 'set' ? evidence(finding) : `${kind(finding)} ${finding.value}`;
}

/** One line per source that reaches a protected environment: the evidence, what else it names, and why. */
function sourceLine(source: CredentialSource, findings: CredentialFinding[]): string | undefined {
  const reaching = findings.filter((f) => f.environment.protected);
  const [first] = reaching;
  if (!first) return undefined;
  const others = findings.filter((f) => !f.environment.protected && f.environment.rule !== UNREADABLE_RULE);
  const also = others.length > 0 ? ` (also ${others.map(detail).join(', ')})` : '';
  return `- ${CREDENTIAL_SOURCE_LABELS[source]}: ${reaching.map(evidence).join(', ')}${also}; ${first.environment.name}, because ${first.environment.reason}.`;
}

/** `AWS profile prod-admin, Kubernetes context payments-prod`: what the person reads in one line. */
function shortList(findings: CredentialFinding[]): string {
  const items = findings
    .filter((f) => f.environment.protected)
    .map((f) => `${CREDENTIAL_SOURCE_LABELS[f.source]} ${f.value === 'set' ? kind(f) : `${kind(f)} ${f.value}`}`);
  return [...new Set(items)].join(', ');
}

/** The notice for one inspection; undefined when nothing reaches a protected environment (the hook then says nothing). */
export function noticeFor(inspection: CredentialInspection): SessionNotice | undefined {
  if (!inspection.reachesProduction) return undefined;
  const sources = Object.keys(CREDENTIAL_SOURCE_LABELS) as CredentialSource[];
  const lines = sources.flatMap(
    (source) =>
      sourceLine(
        source,
        inspection.findings.filter((f) => f.source === source),
      ) ?? [],
  );
  const count = inspection.unknown;
  const unknown =
    count > 0
      ? ` ${count} more ${count === 1 ? 'finding' : 'findings'} could not be judged and may reach production too; \`blast-radius doctor\` lists them.`
      : '';
  const forModel = [
    'blast-radius: this shell holds credentials or settings that reach production (names and ids only; no secret value was read):',
    ...lines,
    `Treat infrastructure commands in this session as acting on production.${unknown}`,
    'Destructive infrastructure commands (terraform or tofu apply and destroy, kubectl delete, helm upgrade and uninstall, and the like) ' +
      'will be refused; run them as `blast-radius guard -- <command>`, which checks the change first and refuses what would delete or replace production. ' +
      'Do not switch profiles, contexts or credentials, or use another tool, to get around a refusal: if the change is intended, ask the user.',
  ].join('\n');
  const forPerson = `blast-radius: this shell can reach production (${shortList(inspection.findings)}); destructive infrastructure commands will be refused.`;
  return { forModel, forPerson };
}

/** Reads this shell's credentials (names and ids only, from `env` and files under `home`) and words the notice. */
export function credentialsNotice(env: NodeJS.ProcessEnv, home: string): SessionNotice | undefined {
  return noticeFor(inspectCredentials(env, home));
}
