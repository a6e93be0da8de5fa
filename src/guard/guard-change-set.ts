// Guarded CloudFormation runs: make the change set without executing it (`aws cloudformation deploy
// --no-execute-changeset`, `cdk deploy --method=prepare-change-set`) or take the one execute-change-set names, describe
// it with the AWS CLI (every NextToken page), check it, and execute exactly that change set by its ARN; a change set
// the guard made is deleted when the check blocks. Change sets are immutable once created: what is executed is what
// was described.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_BLOCKED, EXIT_ERROR, EXIT_PASS, InputError } from '../errors.js';
import type { Report } from '../model.js';
import type { ChangeSetInvocation } from './change-set-invocation.js';
import { checkOutput } from './check-output.js';
import { inPrivateDirectory } from '../files/private-directory.js';
import type { GuardCheckOptions, GuardOutcome, GuardRun } from './guard-terraform.js';
import { runCapturing, runProcess, runToFile } from './run-process.js';

/** What `aws cloudformation deploy --no-execute-changeset` prints once the change set is made (deploy.py MSG_NO_EXECUTE_CHANGESET). */
const AWS_CREATED =
  /^Changeset created successfully\. Run the following command to review changes:\r?\naws cloudformation describe-change-set --change-set-name (\S+)\r?$/m;
/** …and when there is nothing to change (exceptions.py ChangeEmptyError), with or without --fail-on-empty-changeset. */
const AWS_EMPTY = /^No changes to deploy\. Stack .* is up to date\r?$/m;
/** What `cdk deploy --method=prepare-change-set` prints for each change set it made (toolkit-lib deploy-stack.ts). */
const CDK_CREATED = /^Changeset (arn:\S+:changeSet\/\S+) created and waiting in review for manual execution \(--no-execute\)\r?$/gm;
/** …and for a stack without changes (cdk-toolkit.ts). */
const CDK_EMPTY = /^\s*✅\s+\S.* \(no changes\)\r?$/m;
/** The StatusReason of a change set that changes nothing (deployer.py wait_for_changeset). */
const NO_CHANGES = "The submitted information didn't contain changes.";

/** The facts the guard reads from a described change set itself; the check reads the rest. */
interface Described {
  file: string;
  changeSetId: string;
  stackId: string;
  /** The change set changes nothing: CloudFormation failed it as empty. */
  empty: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function awsStep(invocation: ChangeSetInvocation, ...words: string[]): string[] {
  return [...invocation.connection, 'cloudformation', ...words];
}

/** The change set a prepare step made: its ARN, none (nothing to change), or an InputError after deleting what it made. */
async function prepareChangeSet(invocation: ChangeSetInvocation, scratch: string): Promise<string | undefined> {
  const prepare = invocation.prepare as NonNullable<ChangeSetInvocation['prepare']>;
  const outputFile = join(scratch, 'prepare.txt');
  const code = await runCapturing(prepare.program, prepare.args, outputFile, process.env);
  const output = readFileSync(outputFile, 'utf8');
  process.stderr.write(output);
  const step = prepare.tool === 'aws' ? 'aws cloudformation deploy --no-execute-changeset' : 'cdk deploy --method=prepare-change-set';
  if (prepare.tool === 'aws') {
    if (AWS_EMPTY.test(output)) return undefined;
    const arn = AWS_CREATED.exec(output)?.[1];
    if (code !== 0 || arn === undefined)
      throw new InputError(`\`${step}\` ${code !== 0 ? `failed (exit ${code})` : 'named no change set'}; nothing was executed.`);
    return arn;
  }
  const arns = [...output.matchAll(CDK_CREATED)].map((match) => match[1]);
  if (arns.length > 1) {
    for (const arn of arns) await deleteChangeSet({ ...invocation, connection: connectionFor(invocation, arn) }, arn);
    throw new InputError(
      `\`${step}\` made change sets for ${arns.length} stacks (the stack and the stacks it depends on); blast-radius guard checks one stack at a time, so it deleted them: guard each dependency first, or add --exclusively; nothing was executed.`,
    );
  }
  if (code !== 0) throw new InputError(`\`${step}\` failed (exit ${code}); nothing was executed.`);
  if (arns.length === 0 && CDK_EMPTY.test(output)) return undefined;
  if (arns.length === 0) throw new InputError(`\`${step}\` named no change set blast-radius could read; nothing was executed.`);
  return arns[0];
}

/** The region a change set's ARN names, given to the AWS CLI after a cdk step (cdk takes it from the app's environment). */
function connectionFor(invocation: ChangeSetInvocation, arn: string): string[] {
  if (invocation.prepare?.tool !== 'cdk' || invocation.connection.includes('--region')) return invocation.connection;
  const region = /^arn:[^:]+:cloudformation:([^:]+):/.exec(arn)?.[1];
  return region === undefined ? invocation.connection : [...invocation.connection, '--region', region];
}

/** Describes the change set with every page (`--starting-token` for each NextToken) into one file the format reads. */
async function describeChangeSet(invocation: ChangeSetInvocation, name: string, stack: string | undefined, scratch: string): Promise<Described> {
  const file = join(scratch, 'change-set.json');
  writeFileSync(file, '', { mode: 0o600 });
  const step = 'aws cloudformation describe-change-set';
  let first: Record<string, unknown> | undefined;
  let token: string | undefined;
  for (let page = 1; page === 1 || token !== undefined; page++) {
    const pageFile = join(scratch, `page-${page}.json`);
    const args = awsStep(invocation, 'describe-change-set', '--change-set-name', name, ...(stack ? ['--stack-name', stack] : []), '--output', 'json');
    const code = await runToFile(invocation.aws, [...args, ...(token === undefined ? [] : ['--starting-token', token])], pageFile);
    if (code !== 0) throw new InputError(`\`${step}\` failed (exit ${code}); nothing was executed.`);
    const text = readFileSync(pageFile, 'utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new InputError(`The output of \`${step}\` is not JSON; nothing was executed.`);
    }
    if (!isObject(parsed)) throw new InputError(`The output of \`${step}\` is not a change set; nothing was executed.`);
    first ??= parsed;
    token = typeof parsed.NextToken === 'string' && parsed.NextToken !== '' ? parsed.NextToken : undefined;
    appendFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  }
  const { ChangeSetId, StackId, Status, StatusReason } = first as Record<string, unknown>;
  if (typeof ChangeSetId !== 'string' || typeof StackId !== 'string')
    throw new InputError(`The output of \`${step}\` names no ChangeSetId or StackId; nothing was executed.`);
  const empty = Status === 'FAILED' && typeof StatusReason === 'string' && StatusReason.includes(NO_CHANGES);
  return { file, changeSetId: ChangeSetId, stackId: StackId, empty };
}

async function deleteChangeSet(invocation: ChangeSetInvocation, arn: string): Promise<void> {
  const code = await runProcess(invocation.aws, awsStep(invocation, 'delete-change-set', '--change-set-name', arn));
  if (code !== 0) process.stderr.write(`blast-radius: the change set ${arn} could not be deleted (exit ${code}); delete it before anyone executes it.\n`);
}

/** The change set the run executes, described, and whether the guard made it; none when there is nothing to change. */
export interface CheckedChangeSet {
  described?: Described;
  report?: Report;
  /** The guard made it (deploy, cdk deploy): it deletes it when the check blocks, or when only approving. */
  made: boolean;
}

/** Makes (or names) the change set, describes it and checks it; `guard` and `approve` share it. */
export async function checkChangeSet(invocation: ChangeSetInvocation, scratch: string, checkOptions: GuardCheckOptions): Promise<CheckedChangeSet> {
  const made = invocation.prepare !== undefined;
  const arn = made ? await prepareChangeSet(invocation, scratch) : invocation.changeSet?.name;
  if (arn === undefined) return { made };
  const scoped = { ...invocation, connection: connectionFor(invocation, arn) };
  try {
    const described = await describeChangeSet(scoped, arn, made ? undefined : invocation.changeSet?.stack, scratch);
    if (described.empty) return { described, made };
    const report = await checkOutput(described.file, 'cloudformation-change-set', 'aws cloudformation describe-change-set', checkOptions);
    return { described, report, made };
  } catch (error) {
    if (made) await deleteChangeSet(scoped, arn);
    throw error;
  }
}

/** For `approve -- aws|cdk …`: the change set's report, and a change set the guard made deleted again (approving executes nothing). */
export async function approvalReport(invocation: ChangeSetInvocation, scratch: string, checkOptions: GuardCheckOptions): Promise<Report | undefined> {
  const { described, report, made } = await checkChangeSet(invocation, scratch, checkOptions);
  if (made && described !== undefined)
    await deleteChangeSet({ ...invocation, connection: connectionFor(invocation, described.changeSetId) }, described.changeSetId);
  return report;
}

export async function guardChangeSet(invocation: ChangeSetInvocation, run: GuardRun): Promise<GuardOutcome> {
  const { printReport, checkOptions = {} } = run;
  return inPrivateDirectory('guard', async (scratch) => {
    const { described, report, made } = await checkChangeSet(invocation, scratch, checkOptions);
    if (described === undefined || report === undefined) {
      return { exitCode: EXIT_PASS, summary: `\`${invocation.name}\` has nothing to change (CloudFormation found no changes); nothing was executed.` };
    }
    const scoped = { ...invocation, connection: connectionFor(invocation, described.changeSetId) };
    printReport(report);
    if (report.verdict === 'block') {
      if (made) await deleteChangeSet(scoped, described.changeSetId);
      const left = made ? ' and the change set was deleted' : `; the change set ${described.changeSetId} is left as it was`;
      return { exitCode: EXIT_BLOCKED, report, summary: `blast-radius blocked the change; nothing was executed${left}.` };
    }
    const waiter = scoped.wait
      ? await waiterFor(scoped, described.stackId).catch(async (error: unknown) => {
          if (made) await deleteChangeSet(scoped, described.changeSetId);
          throw error;
        })
      : undefined;
    const executed = await runProcess(
      invocation.aws,
      awsStep(scoped, 'execute-change-set', '--change-set-name', described.changeSetId, ...invocation.executeFlags),
      run.toolOutput,
    );
    if (executed !== 0) return { exitCode: EXIT_ERROR, toolExitCode: executed, report, summary: `Executing the checked change set failed (exit ${executed}).` };
    if (waiter !== undefined) {
      const waited = await runProcess(invocation.aws, awsStep(scoped, 'wait', waiter, '--stack-name', described.stackId), run.toolOutput);
      if (waited !== 0)
        return {
          exitCode: EXIT_ERROR,
          toolExitCode: waited,
          report,
          summary: `The checked change set was executed, but the stack did not reach its complete state (\`aws cloudformation describe-stack-events --stack-name ${described.stackId}\` says why).`,
        };
    }
    return { exitCode: EXIT_PASS, toolExitCode: 0, report, summary: `Executed exactly the change set blast-radius checked (${described.changeSetId}).` };
  });
}

/** The waiter `deploy` would use: a stack a change set creates is REVIEW_IN_PROGRESS until it runs (deployer.py has_stack). */
async function waiterFor(invocation: ChangeSetInvocation, stackId: string): Promise<string> {
  return inPrivateDirectory('guard', async (scratch) => {
    const file = join(scratch, 'status.txt');
    const args = awsStep(invocation, 'describe-stacks', '--stack-name', stackId, '--query', 'Stacks[0].StackStatus', '--output', 'text');
    const code = await runToFile(invocation.aws, args, file);
    const status = readFileSync(file, 'utf8').trim();
    if (code !== 0 || !/^[A-Z_]+$/.test(status))
      throw new InputError(`\`aws cloudformation describe-stacks\` did not say the stack's status (exit ${code}); nothing was executed.`);
    return status === 'REVIEW_IN_PROGRESS' ? 'stack-create-complete' : 'stack-update-complete';
  });
}
