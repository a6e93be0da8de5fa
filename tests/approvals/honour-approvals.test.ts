// check() honours an approval only for the exact fingerprint and only while it is valid; the report says which.
import { chmodSync, chownSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check.js';
import { readApprovals, writeApprovals } from '../../src/approvals/store.js';
import formatAgent from '../../src/reporters/agent.js';
import formatMarkdown from '../../src/reporters/markdown.js';
import formatText from '../../src/reporters/text.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { approvalOf, editedPlan, PROD_REPLACE } from './approval-helpers.js';
import { approvalsPath } from '../../src/state-paths.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const NOW = new Date('2026-05-01T12:00:00Z');
let store = '';
let fingerprint = '';

beforeAll(async () => {
  fingerprint = (await check({ files: [PROD_REPLACE] })).fingerprint as string;
  store = join(scratch.path, 'config', 'blast-radius', 'approvals.json');
});

it('passes the plan with an unexpired approval of its fingerprint, and says whose', async () => {
  writeApprovals(store, [approvalOf(fingerprint, '2026-05-01T09:00:00Z', '2026-05-02T09:00:00Z')]);
  const report = await check({ files: [PROD_REPLACE], approvalsFile: store, now: NOW });
  expect(report.verdict).toBe('pass');
  expect(report.approval).toEqual({
    fingerprint,
    status: 'honoured',
    by: 'jane (jane@example.com)',
    reason: 'Retiring the old database (OPS-42)',
    approvedAt: '2026-05-01T09:00:00Z',
    expires: '2026-05-02T09:00:00Z',
  });
  const waived = report.findings.filter((f) => f.ruleId === 'prod-replace');
  expect(waived.map((f) => f.waived)).toEqual([
    { reason: 'Retiring the old database (OPS-42)', by: 'jane (jane@example.com)', expires: '2026-05-02T09:00:00Z', fingerprint },
  ]);
  expect(report.summary).toMatchObject({ errors: 0, waived: 1 });
  expect(formatText(report)).toContain(`Approved: fingerprint ${fingerprint} by jane (jane@example.com)`);
  expect(formatMarkdown(report)).toContain(`Approved: fingerprint \`${fingerprint}\``);
  expect(formatAgent(report)).toMatch(/^blast-radius passed this plan: its destructive changes were approved by a person \(jane/);
});

it('honours a record at most a week after it was given, whatever expiry it was written with', async () => {
  writeApprovals(store, [approvalOf(fingerprint, '2026-04-30T12:00:00Z', '2099-01-01T00:00:00Z')]);
  const recent = await check({ files: [PROD_REPLACE], approvalsFile: store, now: NOW });
  expect(recent.approval).toMatchObject({ status: 'honoured', expires: '2026-05-07T12:00:00Z' });
  writeApprovals(store, [approvalOf(fingerprint, '2026-04-20T12:00:00Z', '2099-01-01T00:00:00Z')]);
  const forged = await check({ files: [PROD_REPLACE], approvalsFile: store, now: NOW });
  expect(forged.verdict).toBe('block');
  expect(forged.approval).toMatchObject({ status: 'expired', expires: '2026-04-27T12:00:00Z' });
});

it('does not honour an expired approval, and says it expired', async () => {
  writeApprovals(store, [approvalOf(fingerprint, '2026-04-01T09:00:00Z', '2026-04-02T09:00:00Z')]);
  const report = await check({ files: [PROD_REPLACE], approvalsFile: store, now: NOW });
  expect(report.verdict).toBe('block');
  expect(report.approval?.status).toBe('expired');
  expect(report.findings.some((f) => f.waived)).toBe(false);
  expect(formatText(report)).toContain(
    `The approval of fingerprint ${fingerprint} by jane (jane@example.com) expired at 2026-04-02T09:00:00Z; it was not honoured.`,
  );
  expect(formatAgent(report)).toContain('expired at 2026-04-02T09:00:00Z');
});

it('does not honour an approval made after the time judged (a clock set back)', async () => {
  writeApprovals(store, [approvalOf(fingerprint, '2026-05-01T13:00:00Z', '2026-05-02T09:00:00Z')]);
  expect((await check({ files: [PROD_REPLACE], approvalsFile: store, now: NOW })).verdict).toBe('block');
});

it('does not honour an approval of another fingerprint: a changed plan needs a new approval', async () => {
  writeApprovals(store, [approvalOf(fingerprint, '2026-05-01T09:00:00Z', '2026-05-02T09:00:00Z')]);
  const changed = editedPlan(PROD_REPLACE, scratch.path, 'changed.json', (plan) => {
    const db = plan.resource_changes.find((r) => r.address === 'terraform_data.prod_db') as { change: { actions: string[] } };
    db.change.actions = ['delete'];
  });
  const report = await check({ files: [changed], approvalsFile: store, now: NOW });
  expect(report.verdict).toBe('block');
  expect(report.fingerprint).not.toBe(fingerprint);
  expect(report.approval).toBeUndefined();
});

it('reads no store without approvalsFile (the library default)', async () => {
  writeApprovals(store, [approvalOf(fingerprint, '2026-05-01T09:00:00Z', '2026-05-02T09:00:00Z')]);
  expect((await check({ files: [PROD_REPLACE], now: NOW })).verdict).toBe('block');
});

describe('the store', () => {
  it('is written with mode 0600 in a 0700 directory, and read back', () => {
    const path = join(scratch.path, 'fresh', 'blast-radius', 'approvals.json');
    const approval = approvalOf(fingerprint, '2026-05-01T09:00:00Z', '2026-05-02T09:00:00Z');
    writeApprovals(path, [approval]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(scratch.path, 'fresh', 'blast-radius')).mode & 0o777).toBe(0o700);
    expect(readApprovals(path)).toEqual([approval]);
  });

  it('is empty when the file does not exist', () => {
    expect(readApprovals(join(scratch.path, 'missing.json'))).toEqual([]);
  });

  it.each([
    ['not JSON', '{"version": 1, "approvals": [', /is not valid JSON/],
    ['another format', '{"version": 2, "approvals": []}', /does not hold approvals in the format/],
    ['a bad fingerprint', '{"version": 1, "approvals": [{"fingerprint": "x"}]}', /does not hold approvals in the format/],
  ])('refuses a file that is %s', (_name, content, message) => {
    const path = scratch.write(`${_name.replace(/\W+/g, '-')}.json`, content);
    expect(() => readApprovals(path)).toThrow(message);
  });

  it("refuses a store that is a link, or in a directory that is a link or that others can write, or that is not its user's", () => {
    const real = join(scratch.path, 'real', 'approvals.json');
    writeApprovals(real, [approvalOf(fingerprint, '2026-05-01T09:00:00Z', '2026-05-02T09:00:00Z')]);
    mkdirSync(join(scratch.path, 'linking'), { mode: 0o700 });
    symlinkSync(real, join(scratch.path, 'linking', 'approvals.json'));
    expect(() => readApprovals(join(scratch.path, 'linking', 'approvals.json'))).toThrow(/is a symbolic link/);
    symlinkSync(join(scratch.path, 'real'), join(scratch.path, 'linked-directory'));
    expect(() => readApprovals(join(scratch.path, 'linked-directory', 'approvals.json'))).toThrow(/directory of the approvals store .* is a symbolic link/);
    const open = join(scratch.path, 'open', 'approvals.json');
    writeApprovals(open, []);
    chmodSync(join(scratch.path, 'open'), 0o777);
    expect(() => readApprovals(open)).toThrow(/directory of the approvals store .* is writable by other users/);
    if (process.getuid?.() === 0) {
      const foreign = join(scratch.path, 'foreign', 'approvals.json');
      writeApprovals(foreign, []);
      chownSync(foreign, 65534, 65534);
      expect(() => readApprovals(foreign)).toThrow(/belongs to another user/);
    }
  });

  it('refuses a file other users can write', () => {
    const path = join(scratch.path, 'shared.json');
    writeFileSync(path, '{"version": 1, "approvals": []}');
    chmodSync(path, 0o664);
    expect(() => readApprovals(path)).toThrow(/writable by other users/);
  });

  it('lives under XDG_CONFIG_HOME, else ~/.config, unless BLAST_RADIUS_APPROVALS names it', () => {
    expect(approvalsPath({}, '/home/jane')).toBe('/home/jane/.config/blast-radius/approvals.json');
    expect(approvalsPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/jane')).toBe('/cfg/blast-radius/approvals.json');
    expect(approvalsPath({ XDG_CONFIG_HOME: 'relative' }, '/home/jane')).toBe('/home/jane/.config/blast-radius/approvals.json');
    expect(approvalsPath({ XDG_CONFIG_HOME: '/cfg', BLAST_RADIUS_APPROVALS: '/secure/a.json' }, '/home/jane')).toBe('/secure/a.json');
  });
});
