// The fingerprint of a blocked change: a SHA-256 of the normalized destructive changes its blocking findings are
// about (never file names or times), so that the same plan always gives the same one and any other change to what
// would be destroyed gives another. An approval names a fingerprint, and is honoured for nothing else.
import {
  blocks,
  DESTRUCTIVE_ACTIONS,
  WHOLE_PLAN,
  type AnalyzedInput,
  type ClassifiedChange,
  type Finding,
  type KeptValue,
  type ResourceChange,
} from '../model.js';
import { goesToKubeContext } from '../platforms/index.js';
import { FINGERPRINT_LENGTH } from './fingerprint-format.js';
import { sha256Hex } from './sha256.js';

/** Changes the version prefix when the normalization changes, so that old approvals never match new meanings. */
const DOMAIN = 'blast-radius approval fingerprint v4';

const sorted = (values: readonly string[]): string[] => [...values].sort();

/**
 * The values that decide whether its data comes back, or whether a protection is switched off, before and after
 * (`skip_final_snapshot`, `deletion_protection` …): the same delete with a final snapshot is another change.
 */
function recoveryFacts(change: ResourceChange): string[] {
  const side = (value: KeptValue | undefined): string => (value === undefined ? 'absent' : JSON.stringify(value));
  const attributes = Object.entries(change.keptAttributes ?? {}).map(([path, { before, after }]) => `${path}:${side(before)}>${side(after)}`);
  const kept = change.deletionKeeps === undefined ? [] : [`deletion-keeps:${change.deletionKeeps.outcome}`];
  return sorted([...attributes, ...kept]);
}

/** What identifies one destroyed object and why it blocks: stable across re-runs, free of file names and times. */
function normalize(change: ResourceChange, format: string, environment: string, rules: string[]): string {
  return JSON.stringify([
    change.source,
    format,
    change.address,
    change.previousAddress ?? null,
    change.type,
    change.action,
    change.replaceOrder ?? null,
    change.deposed ?? null,
    sorted(change.replacePaths ?? []),
    environment,
    change.namespace ?? null,
    sorted(change.accounts.map((account) => `${account.provider}:${account.id}`)),
    sorted(change.identity ?? []),
    recoveryFacts(change),
    sorted(change.nameHints.map((hint) => `${hint.field}=${hint.value}`)),
    sorted(rules),
  ]);
}

/**
 * The fingerprint of the blocking findings, or undefined when none blocks; for Kubernetes inputs, the kube context and
 * cluster they go to are part of it (the same namespace deleted in another cluster is another change). A finding about a resource covers the
 * changes at its address and action; a plan-wide finding (a limit on destructive changes) covers every delete and
 * replace of its plan.
 */
export function fingerprintOf(
  findings: readonly Finding[],
  classified: readonly ClassifiedChange[],
  inputs: readonly AnalyzedInput[],
  kubeContexts: readonly string[] = [],
): string | undefined {
  const blocking = findings.filter(blocks);
  if (blocking.length === 0) return undefined;
  const rulesOf = new Map<ClassifiedChange, string[]>();
  const planWide: string[] = [];
  for (const finding of blocking) {
    const wholePlan = finding.address === WHOLE_PLAN;
    if (wholePlan) planWide.push(JSON.stringify(['plan-wide', finding.ruleId]));
    for (const entry of classified) {
      const file = inputs[entry.change.input]?.file;
      if (file !== finding.file) continue;
      const covered = wholePlan
        ? DESTRUCTIVE_ACTIONS.has(entry.change.action)
        : entry.change.address === finding.address && entry.change.action === finding.action;
      if (covered) rulesOf.set(entry, [...(rulesOf.get(entry) ?? []), finding.ruleId]);
    }
  }
  const lines = [...rulesOf].map(([{ change, environment }, rules]) => normalize(change, inputs[change.input]?.format ?? '', environment.name, rules));
  const reaching = inputs.some((input) => goesToKubeContext(input.platform) && input.changes.length > 0)
    ? [JSON.stringify(['kube-context', sorted(kubeContexts)])]
    : [];
  return sha256Hex(`${DOMAIN}\n${sorted([...lines, ...planWide, ...reaching]).join('\n')}`).slice(0, FINGERPRINT_LENGTH);
}
