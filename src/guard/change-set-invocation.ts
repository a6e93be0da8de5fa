// Splits `aws cloudformation deploy|execute-change-set …` and `cdk deploy STACK …` into a guarded CloudFormation run:
// how the change set is made (the same command with --no-execute-changeset, or --method=prepare-change-set) or which
// existing one is meant, the AWS CLI options every step takes, and the options execute-change-set takes. Options
// from awscli/customizations/cloudformation/deploy.py, the CloudFormation API reference (ExecuteChangeSet) and
// aws-cdk-cli packages/aws-cdk/lib/cli/cli-config.ts.
import { UsageError } from '../errors.js';
import { GUARDED_COMMANDS } from './kubernetes-invocation.js';
import { lastValue, option, options, refuseOptions, scanOptions, wordsOf, type OptionSpec } from './option-table.js';

export interface ChangeSetInvocation {
  /** The AWS CLI for describe, execute, delete and wait (`aws`, or the path the command named). */
  aws: string;
  /** The AWS CLI's connection options every step takes (`--profile p --region r`). */
  connection: string[];
  /** The command as a person names it (`aws cloudformation deploy`, `cdk deploy`). */
  name: string;
  /** The program and words that make the change set without executing it; absent for an existing change set. */
  prepare?: { program: string; args: string[]; tool: 'aws' | 'cdk' };
  /** An existing change set to check and execute (`execute-change-set --change-set-name X [--stack-name S]`). */
  changeSet?: { name: string; stack?: string };
  /** Options execute-change-set takes (`--disable-rollback`). */
  executeFlags: string[];
  /** Wait for the stack, as `deploy` and `cdk deploy` do (execute-change-set returns at once). */
  wait: boolean;
}

const REFUSE_HELP = option('switch', 'refuse', 'it only shows help or the version; run it directly');

/** The AWS CLI's global options (`aws help`), accepted anywhere on the line. */
const AWS_GLOBAL: Record<string, OptionSpec> = {
  ...options(['profile', 'region', 'endpoint-url', 'ca-bundle', 'cli-read-timeout', 'cli-connect-timeout'], option('value', 'connection')),
  ...options(['no-verify-ssl', 'no-sign-request'], option('switch', 'connection')),
  ...options(['output', 'query', 'color', 'cli-binary-format'], option('value', 'drop')),
  ...options(['debug', 'no-paginate', 'no-cli-pager', 'no-cli-auto-prompt'], option('switch', 'drop')),
  'cli-auto-prompt': option('switch', 'refuse', 'it asks for the parameters interactively'),
  ...options(['version', 'help'], REFUSE_HELP),
};

const READS_PARAMETERS = 'it reads its parameters from a file or prints them, which blast-radius does not read';

/** `aws cloudformation deploy` (deploy.py ARG_TABLE). */
const AWS_DEPLOY: Record<string, OptionSpec> = {
  ...AWS_GLOBAL,
  ...options(['template-file', 'stack-name', 's3-bucket', 's3-prefix', 'kms-key-id', 'role-arn'], option('value', 'prepare')),
  ...options(['parameter-overrides', 'capabilities', 'notification-arns', 'tags'], option('list', 'prepare')),
  'force-upload': option('switch', 'prepare'),
  ...options(['disable-rollback', 'no-disable-rollback'], option('switch', 'execute')),
  // An empty change set is a pass with nothing to run, whichever of these is given.
  ...options(['fail-on-empty-changeset', 'no-fail-on-empty-changeset'], option('switch', 'drop')),
  'no-execute-changeset': option('switch', 'refuse', 'it only creates a change set, which changes nothing; run it directly'),
};

/** `aws cloudformation execute-change-set` (API ExecuteChangeSet). */
const AWS_EXECUTE: Record<string, OptionSpec> = {
  ...AWS_GLOBAL,
  'change-set-name': option('value', 'name'),
  'stack-name': option('value', 'stack'),
  'client-request-token': option('value', 'execute'),
  ...options(['disable-rollback', 'no-disable-rollback', 'retain-except-on-create', 'no-retain-except-on-create'], option('switch', 'execute')),
  ...options(['cli-input-json', 'cli-input-yaml'], option('value', 'refuse', READS_PARAMETERS)),
  'generate-cli-skeleton': option('switch', 'refuse', READS_PARAMETERS),
};

/** `aws [globals] cloudformation deploy|execute-change-set …`. */
function parseAws(words: string[]): ChangeSetInvocation {
  const [aws = 'aws', ...rest] = words;
  // Which operation it is decides the options; any of both reads where the command words are.
  const [service = '', operation = ''] = scanOptions(rest, { ...AWS_DEPLOY, ...AWS_EXECUTE }, {}, 'aws').positionals;
  if (service !== 'cloudformation' || (operation !== 'deploy' && operation !== 'execute-change-set'))
    throw new UsageError(`blast-radius guard runs ${GUARDED_COMMANDS}; \`aws ${service} ${operation}\` is not one of them.`);
  const command = `aws cloudformation ${operation}`;
  const { options: scanned, positionals } = scanOptions(rest, operation === 'deploy' ? AWS_DEPLOY : AWS_EXECUTE, {}, command);
  refuseOptions(scanned, command);
  if (positionals.length > 2) throw new UsageError(`${command} takes no argument "${positionals[2]}"; blast-radius guard runs only what it can read.`);
  const common = { aws, connection: wordsOf(scanned, 'connection'), name: command, executeFlags: wordsOf(scanned, 'execute') };
  if (operation === 'deploy') {
    for (const required of ['stack-name', 'template-file'])
      if (lastValue(scanned, required) === undefined) throw new UsageError(`${command} needs --${required}.`);
    return {
      ...common,
      prepare: {
        program: aws,
        args: [...common.connection, 'cloudformation', 'deploy', ...wordsOf(scanned, 'prepare'), '--no-execute-changeset'],
        tool: 'aws',
      },
      wait: true,
    };
  }
  const name = lastValue(scanned, 'change-set-name');
  if (name === undefined) throw new UsageError(`${command} needs --change-set-name.`);
  const stack = lastValue(scanned, 'stack-name');
  return { ...common, changeSet: { name, ...(stack === undefined ? {} : { stack }) }, wait: false };
}

const ARRAY_PREPARE = option('list', 'prepare');
const HOTSWAP = 'it changes resources directly, outside a CloudFormation change set blast-radius could check';

/** The CDK CLI's global options (cli-config.ts globalOptions); `--profile` is the AWS CLI's too. */
const CDK_GLOBAL: Record<string, OptionSpec> = {
  ...options(['app', 'build', 'proxy', 'ca-bundle-path', 'role-arn', 'output', 'telemetry-file'], option('value', 'prepare')),
  profile: option('value', 'connection'),
  ...options(['context', 'plugin', 'unstable'], ARRAY_PREPARE),
  ...options(
    [
      'trace',
      'strict',
      'lookups',
      'no-lookups',
      'ignore-errors',
      'json',
      'verbose',
      'debug',
      'ec2creds',
      'version-reporting',
      'no-version-reporting',
      'telemetry',
      'no-telemetry',
      'path-metadata',
      'no-path-metadata',
      'asset-metadata',
      'no-asset-metadata',
      'staging',
      'no-staging',
      'notices',
      'no-notices',
      'no-color',
      'ci',
      'no-ci',
    ],
    option('switch', 'prepare'),
  ),
  ...options(['version', 'help'], REFUSE_HELP),
};
const CDK_SHORT: Record<string, string> = {
  a: 'app',
  c: 'context',
  p: 'plugin',
  j: 'json',
  v: 'verbose',
  i: 'ec2creds',
  r: 'role-arn',
  o: 'output',
  E: 'build-exclude',
  e: 'exclusively',
  t: 'tags',
  f: 'force',
  m: 'method',
  O: 'outputs-file',
  R: 'no-rollback',
  h: 'help',
};

/** `cdk deploy` (cli-config.ts commands.deploy). */
const CDK_DEPLOY: Record<string, OptionSpec> = {
  ...CDK_GLOBAL,
  all: option('switch', 'refuse', 'it deploys every stack of the app, and guard checks one stack at a time; name the stack'),
  ...options(['build-exclude', 'notification-arns', 'tags', 'parameters'], ARRAY_PREPARE),
  ...options(['require-approval', 'change-set-name', 'toolkit-stack-name', 'progress', 'concurrency'], option('value', 'prepare')),
  ...options(
    [
      'exclusively',
      'import-existing-resources',
      'force',
      'previous-parameters',
      'no-previous-parameters',
      'asset-parallelism',
      'no-asset-parallelism',
      'asset-prebuild',
      'no-asset-prebuild',
      'ignore-no-stacks',
      'revert-drift',
    ],
    option('switch', 'prepare'),
  ),
  // How the change set is made is the guard's: prepared, then executed by the AWS CLI after the check.
  method: option('value', 'drop'),
  execute: option('switch', 'drop'),
  'no-execute': option('switch', 'refuse', 'it only creates a change set, which changes nothing; run it directly'),
  rollback: option('switch', 'drop'),
  'no-rollback': option('switch', 'execute'),
  ...options(['logs', 'no-logs'], option('switch', 'drop')),
  ...options(['hotswap', 'hotswap-fallback', 'watch'], option('switch', 'refuse', HOTSWAP)),
  ...options(
    ['hotswap-ecs-minimum-healthy-percent', 'hotswap-ecs-maximum-healthy-percent', 'hotswap-ecs-stabilization-timeout-seconds'],
    option('value', 'refuse', HOTSWAP),
  ),
  'outputs-file': option(
    'value',
    'refuse',
    'cdk writes the outputs after it deploys, and guard executes the checked change set with the AWS CLI; read them with `aws cloudformation describe-stacks` afterwards',
  ),
};

/** `cdk [globals] deploy STACK …`: exactly one stack, prepared as a change set with --method=prepare-change-set. */
function parseCdk(words: string[], aws: string): ChangeSetInvocation {
  const [cdk = 'cdk', ...rest] = words;
  const { options: scanned, positionals } = scanOptions(rest, CDK_DEPLOY, CDK_SHORT, 'cdk deploy');
  const [subcommand = '', ...stacks] = positionals;
  if (subcommand !== 'deploy') throw new UsageError(`blast-radius guard runs ${GUARDED_COMMANDS}; \`cdk ${subcommand}\` is not one of them.`);
  refuseOptions(scanned, 'cdk deploy');
  const method = lastValue(scanned, 'method');
  if (method !== undefined && method !== 'change-set')
    throw new UsageError(
      method === 'prepare-change-set'
        ? 'blast-radius guard cannot check `cdk deploy` with --method=prepare-change-set: it only creates a change set, which changes nothing; run it directly.'
        : `blast-radius guard cannot check \`cdk deploy\` with --method=${method}: it deploys without a CloudFormation change set blast-radius could check.`,
    );
  if (stacks.length !== 1 || /[*?]/.test(stacks[0]))
    throw new UsageError('blast-radius guard checks one CDK stack at a time: name exactly one stack (no wildcard), and guard each stack of the app in turn.');
  const execute = scanned.some((found) => found.name === 'no-rollback') ? ['--disable-rollback'] : [];
  const connection = wordsOf(scanned, 'connection');
  return {
    aws,
    connection,
    name: 'cdk deploy',
    prepare: { program: cdk, args: [...wordsOf(scanned, 'prepare'), ...connection, 'deploy', stacks[0], '--method=prepare-change-set'], tool: 'cdk' },
    executeFlags: execute,
    wait: true,
  };
}

/** `aws` is the AWS CLI a cdk run describes and executes its change set with. */
export function parseChangeSetInvocation(words: string[], tool: 'aws' | 'cdk', aws = 'aws'): ChangeSetInvocation {
  return tool === 'aws' ? parseAws(words) : parseCdk(words, aws);
}
