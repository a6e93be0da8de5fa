// The sentences every reporter shares about approvals: the fingerprint of a blocked plan with the command a person
// runs to approve it, an approval that let the plan pass, or one that expired and was not honoured.
import type { Report } from '../model.js';
import { blocksOnlyUnjudged } from './blocked-changes.js';

/** How a format writes a command or fingerprint (`code`) and the words around it (`prose`). */
export interface NoteStyle {
  code: (text: string) => string;
  prose: (text: string) => string;
}

export const PLAIN: NoteStyle = { code: (text) => `\`${text}\``, prose: (text) => text };

/** An approval of the fingerprint was found but has expired: said, so that nobody thinks it still holds. */
export function expiredApprovalLine(report: Report, { code, prose }: NoteStyle = PLAIN): string[] {
  const { approval } = report;
  if (approval?.status !== 'expired') return [];
  return [
    `${prose('The approval of fingerprint ')}${code(approval.fingerprint)}${prose(` by ${approval.by} expired at ${approval.expires}; it was not honoured.`)}`,
  ];
}

/** Sentences, each without a trailing newline. */
export function approvalNote(report: Report, style: NoteStyle = PLAIN): string[] {
  const { code, prose } = style;
  const { approval, fingerprint, approveCommand } = report;
  if (approval?.status === 'honoured') {
    return [
      `${prose('Approved: fingerprint ')}${code(approval.fingerprint)}${prose(` by ${approval.by} at ${approval.approvedAt}, until ${approval.expires}: ${approval.reason}`)}`,
    ];
  }
  const lines = expiredApprovalLine(report, style);
  // Objects that could not be judged are not known to be destroyed: the note does not call the change a destruction.
  const what = blocksOnlyUnjudged(report) ? 'change' : 'destruction';
  if (report.verdict === 'block' && fingerprint !== undefined && approveCommand !== undefined) {
    lines.push(
      `${prose('Fingerprint ')}${code(fingerprint)}${prose(`. If this ${what} is intended, a person (never an agent) approves exactly these changes by running `)}` +
        `${code(approveCommand)}${prose(' in their own terminal; any other change to what is destroyed needs a new approval.')}`,
    );
  } else if (report.verdict === 'block' && fingerprint !== undefined) {
    // CI honours no local approval: the way on is a reviewed exception, or the protected environment's reviewers.
    lines.push(
      `${prose('Fingerprint ')}${code(fingerprint)}${prose(`. This check honours no local approval (CI): if this ${what} is intended, waive it with an `)}` +
        `${code('exceptions:')}${prose(' entry in .blast-radius.yml reviewed in this pull request, or apply it through the protected environment whose reviewers approve deployments (docs/approvals.md).')}`,
    );
  }
  return lines;
}
