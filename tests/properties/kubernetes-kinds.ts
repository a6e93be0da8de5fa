// The Kubernetes inputs the properties damage, one row per kind (beside input-kinds.ts, whose properties are
// specific to plan JSON): each row has the committed fixtures as its documents, says how its end and its objects
// can be told, and reads a text through check() into a KubeOutcome.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config/compiled-config.js';
import { UserError } from '../../src/errors.js';
import type { Report } from '../../src/model.js';
import { ROOT } from '../helpers/run-cli.js';
import { scratch } from './input-kinds.js';

/**
 * How much of an object a cut at a line boundary can remove unseen:
 * `hunks`: kubectl diff — hunk headers count their lines, so only a cut before a `diff` line or between hunks reads;
 * `lines`: one object per line (kubectl apply/delete) — a cut drops whole objects only;
 * `bodies`: YAML bodies with no count or end marker (helm-diff, YAML objects) — a cut can shorten the last body;
 * `json`: JSON — a cut anywhere leaves brackets open.
 */
export type Framing = 'hunks' | 'lines' | 'bodies' | 'json';

export interface KubernetesKind {
  name: string;
  documents: Buffer[];
  framing: Framing;
  /** Passed with --deleting rather than as an input to judge. */
  deleting: boolean;
}

/** What a read came to: the verdict and findings, and every object's action; or the UserError's class and message. */
export type KubeOutcome = { error: string; message: string } | { error?: undefined; summary: string; actions: Record<string, string> };

const fixtures = (...files: string[]): Buffer[] => files.map((file) => readFileSync(join(ROOT, 'fixtures/kubernetes', file)));

export const KUBERNETES_KINDS: KubernetesKind[] = [
  {
    name: 'kubectl diff',
    framing: 'hunks',
    deleting: false,
    documents: fixtures(
      'kubectl-diff/created-updated-pruned/diff.txt',
      'kubectl-diff/pruned-pvc/diff.txt',
      'kubectl-diff/secret/diff.txt',
      'kubectl-diff/immutable-selector-error/diff.txt',
      'kubectl-diff/error-only/diff.txt',
    ),
  },
  {
    name: 'kubectl apply --dry-run',
    framing: 'lines',
    deleting: false,
    documents: fixtures('kubectl-apply/prune-server-dry-run/apply.txt', 'kubectl-apply/client-dry-run/apply.txt'),
  },
  {
    name: 'kubectl delete --dry-run',
    framing: 'lines',
    deleting: false,
    documents: fixtures(
      'kubectl-delete/namespace-new-form/delete.txt',
      'kubectl-delete/namespace-old-form/delete.txt',
      'kubectl-delete/output-name/delete.txt',
    ),
  },
  { name: 'helm-diff', framing: 'bodies', deleting: false, documents: fixtures('helm-diff/upgrade/helm-diff.txt') },
  {
    name: '--deleting JSON',
    framing: 'json',
    deleting: true,
    documents: fixtures('objects/payments-namespace/objects.json', 'objects/single-object/namespace.json', 'objects/pod-list-raw/pods.json'),
  },
  {
    name: '--deleting YAML',
    framing: 'bodies',
    deleting: true,
    documents: fixtures(
      'objects/payments-namespace-yaml/objects.yaml',
      'objects/helm-manifest/manifest.yaml',
      'objects/crd/objects.yaml',
      'objects/protected/objects.yaml',
    ),
  },
];

/** The context every read goes to: the kubeconfig of whoever runs the tests must not decide environments. */
export const CONTEXT = 'fuzz-context';

function outcomeOf(report: Report): KubeOutcome {
  const findings = report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.address}`).sort();
  const actions = Object.fromEntries(report.resources.map((r) => [r.address, r.action]));
  return { summary: `${report.verdict}: ${findings.join('; ')}`, actions };
}

let written = 0;

/** Reads the bytes as the kind's input; a UserError becomes its class and message, anything else (a crash) is thrown. */
export async function readKubernetes(kind: Pick<KubernetesKind, 'deleting'>, bytes: Buffer | string, extension = 'txt'): Promise<KubeOutcome> {
  const file = scratch.write(`kube-${written++}.${extension}`, bytes);
  try {
    const files = kind.deleting ? { files: [], deleting: [file] } : { files: [file] };
    return outcomeOf(await check({ ...files, compiledConfig: DEFAULT_CONFIG, context: CONTEXT }));
  } catch (error) {
    if (error instanceof UserError) return { error: error.name, message: error.message };
    throw error;
  }
}

/** The user's error is one sentence that names the file read. */
export function expectOneSentence(outcome: KubeOutcome): void {
  if (outcome.error === undefined) throw new Error(`expected an error, got ${outcome.summary}`);
  if (!/kube-\d+\.\w+/.test(outcome.message) || outcome.message.includes('\n') || !/[.?]$/.test(outcome.message)) {
    throw new Error(`not one sentence naming the file: ${outcome.message}`);
  }
}

const DESTRUCTIVE = new Set(['delete', 'replace']);

/** The addresses an outcome deletes or replaces. */
export function destroyed(outcome: KubeOutcome): string[] {
  if (outcome.error !== undefined) return [];
  return Object.entries(outcome.actions)
    .filter(([, action]) => DESTRUCTIVE.has(action))
    .map(([address]) => address)
    .sort();
}
