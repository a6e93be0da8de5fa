// The approvals step of `check`: fingerprints the blocking findings and, when the approvals store holds an unexpired
// approval of exactly that fingerprint, waives them (the verdict passes) and says which approval did it.
import { blocks, type AnalyzedInput, type ClassifiedChange, type Finding, type Report, type ReportApproval } from '../model.js';
import { shellQuote } from '../shell-quote.js';
import { fingerprintOf } from './fingerprint.js';
import { MAX_APPROVAL_HOURS } from './expiry.js';
import { readApprovals, type Approval } from './store.js';

export interface ApprovalOptions {
  /** The approvals store to read; without it no approval is honoured (the library default, and CI). */
  approvalsFile?: string;
  /** What follows `blast-radius approve <fingerprint>` to check the same changes again (default: the plan files). */
  approveArgs?: string[];
  /** The time expiry is judged at (default: now). */
  now?: Date;
  /** The kube context and cluster Kubernetes inputs go to: the same deletion in another cluster is another change. */
  kubeContexts?: readonly string[];
}

export type ApprovalFields = Pick<Report, 'fingerprint' | 'approveCommand' | 'approval'>;

/** `jane (jane@example.com)`, or the OS user alone. */
export function approverName(approval: Pick<Approval, 'user' | 'email'>): string {
  return approval.email ? `${approval.user} (${approval.email})` : approval.user;
}

/**
 * When an approval stops being honoured: its expiry, and never later than a week after it was given, however the
 * record was written (`approve` writes at most a week; a record edited by hand gets no more).
 */
function effectiveExpiry(approval: Approval): number {
  return Math.min(Date.parse(approval.expires), Date.parse(approval.approvedAt) + MAX_APPROVAL_HOURS * 3_600_000);
}

/** Of the approvals of one fingerprint, the one that is valid longest, else the one that expired last. */
function bestApproval(approvals: readonly Approval[], fingerprint: string, now: Date): { approval: Approval; valid: boolean } | undefined {
  const matching = approvals.filter((a) => a.fingerprint === fingerprint).sort((a, b) => effectiveExpiry(b) - effectiveExpiry(a));
  const approval = matching[0];
  return approval && { approval, valid: effectiveExpiry(approval) > now.getTime() && Date.parse(approval.approvedAt) <= now.getTime() };
}

export function applyApprovals(
  findings: Finding[],
  classified: readonly ClassifiedChange[],
  inputs: readonly AnalyzedInput[],
  files: readonly string[],
  options: ApprovalOptions,
): { findings: Finding[]; fields: ApprovalFields } {
  const fingerprint = fingerprintOf(findings, classified, inputs, options.kubeContexts ?? []);
  if (fingerprint === undefined) return { findings, fields: {} };
  const args = options.approveArgs ?? files.map((file) => (file === '-' ? 'PLAN_FILE' : file));
  const fields: ApprovalFields = { fingerprint, approveCommand: ['blast-radius', 'approve', fingerprint, ...args].map(shellQuote).join(' ') };
  if (options.approvalsFile === undefined) return { findings, fields };
  const found = bestApproval(readApprovals(options.approvalsFile), fingerprint, options.now ?? new Date());
  if (!found) return { findings, fields };
  const { approval, valid } = found;
  const by = approverName(approval);
  const expires = new Date(effectiveExpiry(approval)).toISOString().replace('.000Z', 'Z');
  const reported: ReportApproval = {
    fingerprint,
    status: valid ? 'honoured' : 'expired',
    by,
    reason: approval.reason,
    approvedAt: approval.approvedAt,
    expires,
  };
  fields.approval = reported;
  if (!valid) return { findings, fields };
  const waived = { reason: approval.reason, by, expires, fingerprint };
  return { findings: findings.map((finding) => (blocks(finding) ? { ...finding, waived } : finding)), fields };
}
