// Fake `pulumi`, `aws` and `cdk` programs for the guard's tests: written into a scratch directory put first on PATH,
// they record every invocation's arguments and answer the guard's steps in the tools' documented words (pulumi
// preview's JSON, `aws cloudformation deploy --no-execute-changeset` and `cdk deploy --method=prepare-change-set`
// messages, describe-change-set JSON); every other invocation only says it ran.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordedCalls } from '../helpers/recorded-calls.js';

/**
 * pulumi: `preview --help` lists --save-plan when $FAKE_PULUMI_PLANS is set; the previews print $FAKE_PREVIEW and
 * exit $FAKE_PREVIEW_EXIT, `--save-plan F` writes $FAKE_PLAN_TEXT to F; `up --plan F` logs F's contents.
 * aws: deploy prints the change set $FAKE_ARN (or, with $FAKE_EMPTY, that there is nothing to deploy, exit 255);
 * describe-change-set prints $FAKE_CHANGE_SET ($FAKE_CHANGE_SET.2 for --starting-token); describe-stacks prints
 * $FAKE_STACK_STATUS. cdk: deploy prints the change set $FAKE_ARN ($FAKE_ARN2 too when set), or no changes with $FAKE_EMPTY.
 */
const SCRIPT = `#!/bin/sh
tool=$(basename "$0")
{ printf '%s' "$tool"; for word in "$@"; do printf '\\t%s' "$word"; done; printf '\\n'; } >> "$FAKE_LOG"
case "$tool $*" in
  "pulumi preview --help")
    echo "Usage:"; echo "  pulumi preview [url] [flags]"
    [ -n "$FAKE_PULUMI_PLANS" ] && echo "      --save-plan string   [PREVIEW] Save the operations proposed by the preview to a plan file at the given path"
    exit 0 ;;
  "pulumi preview "*|"pulumi destroy "*--preview-only*)
    previous=
    for word in "$@"; do [ "$previous" = --save-plan ] && printf '%s' "$FAKE_PLAN_TEXT" > "$word"; previous=$word; done
    cat "$FAKE_PREVIEW"; exit "\${FAKE_PREVIEW_EXIT:-0}" ;;
  "pulumi "*)
    previous=
    for word in "$@"; do [ "$previous" = --plan ] && printf 'plan read\\t%s\\n' "$(cat "$word")" >> "$FAKE_LOG"; previous=$word; done ;;
  "aws "*"cloudformation deploy "*)
    echo; echo "Waiting for changeset to be created.."
    if [ -n "$FAKE_EMPTY" ]; then echo; echo "No changes to deploy. Stack orders-prod is up to date" >&2; exit 255; fi
    echo "Changeset created successfully. Run the following command to review changes:"
    echo "aws cloudformation describe-change-set --change-set-name $FAKE_ARN"; exit 0 ;;
  "aws "*"cloudformation describe-change-set "*--starting-token*) cat "$FAKE_CHANGE_SET.2"; exit 0 ;;
  "aws "*"cloudformation describe-change-set "*) cat "$FAKE_CHANGE_SET"; exit 0 ;;
  "aws "*"cloudformation describe-stacks "*) echo "\${FAKE_STACK_STATUS:-UPDATE_COMPLETE}"; exit 0 ;;
  "cdk "*)
    echo "OrdersStack: creating CloudFormation changeset..." >&2
    if [ -n "$FAKE_EMPTY" ]; then printf '\\n \\342\\234\\205  OrdersStack (no changes)\\n' >&2; exit 0; fi
    echo "Changeset $FAKE_ARN created and waiting in review for manual execution (--no-execute)" >&2
    [ -n "$FAKE_ARN2" ] && echo "Changeset $FAKE_ARN2 created and waiting in review for manual execution (--no-execute)" >&2
    exit 0 ;;
esac
echo "real $tool ran"
exit "\${FAKE_REAL_EXIT:-0}"
`;

export interface FakeCloudTools {
  bin: string;
  log: string;
  /** Every recorded invocation: the program's name, then its arguments. */
  calls(): string[][];
}

export function fakeCloudTools(directory: string): FakeCloudTools {
  const bin = join(directory, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const tool of ['pulumi', 'aws', 'cdk']) {
    writeFileSync(join(bin, tool), SCRIPT);
    chmodSync(join(bin, tool), 0o755);
  }
  const log = join(directory, 'calls.log');
  return { bin, log, calls: () => recordedCalls(log) };
}
