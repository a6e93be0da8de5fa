// The `serve` command: `serve --run-task` runs the HCP Terraform / Terraform Enterprise run task endpoint until
// SIGINT or SIGTERM, with the HMAC key from an environment variable (never a flag, which `ps` would show).
import type { CommandSpec } from './kit/command-spec.js';
import { loadConfig } from '../config/load-config.js';
import { ConfigError, EXIT_PASS, UsageError } from '../errors.js';

interface ServeArgs {
  'run-task'?: boolean;
  host: string;
  port: string;
  config?: string;
  'hmac-key-env': string;
  'max-plan-mib': string;
}

const DEFAULT_KEY_VARIABLE = 'BLAST_RADIUS_RUN_TASK_HMAC_KEY';

function whole(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new UsageError(`--${flag} ${value} is not a whole number from ${min} to ${max}.`);
  return number;
}

function log(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}

const command: CommandSpec<ServeArgs> = {
  usage: 'serve',
  describe: "Run the HCP Terraform / Terraform Enterprise run task endpoint (--run-task): check each run's plan and send back passed or failed.",
  exitCodes: 'Exit codes: 0 stopped by SIGINT or SIGTERM, 2 usage or configuration error (no key, bad configuration, address in use).',
  options: {
    'run-task': { type: 'boolean', describe: 'Serve the run task integration API (the one mode there is).' },
    host: { type: 'string', default: '127.0.0.1', describe: 'The address to listen on (0.0.0.0: every interface).' },
    port: { type: 'string', default: '8080', describe: 'The TCP port to listen on (0: any free port, printed at start).' },
    config: { type: 'string', describe: 'Configuration file every run is checked under (default: the nearest .blast-radius.yml above the working directory).' },
    'hmac-key-env': {
      type: 'string',
      default: DEFAULT_KEY_VARIABLE,
      describe: 'The environment variable that holds the HMAC key set on the run task; requests not signed with it are refused (401).',
    },
    'max-plan-mib': { type: 'string', default: '256', describe: 'The largest JSON plan downloaded, in MiB; a larger one fails the task.' },
  },
  examples: [[`${DEFAULT_KEY_VARIABLE}=… $0 serve --run-task --host 0.0.0.0 --port 8080 --config .blast-radius.yml`, 'Serve the run task on every interface.']],
  run: async (args) => {
    if (!args['run-task']) throw new UsageError('blast-radius serve has one mode: give --run-task.');
    const port = whole(args.port, 'port', 0, 65535);
    const maxPlanBytes = whole(args['max-plan-mib'], 'max-plan-mib', 1, 1024 * 1024) * 1024 * 1024;
    const hmacKey = process.env[args['hmac-key-env']];
    if (!hmacKey) {
      throw new UsageError(`${args['hmac-key-env']} is not set: put the HMAC key of the run task in it (requests without its signature are refused).`);
    }
    // Nothing started from here (terraform, git) inherits the key.
    delete process.env[args['hmac-key-env']];
    const compiledConfig = await loadConfig(args.config);
    const { createRunTaskServer } = await import('../run-task/run-task-server.js');
    const endpoint = createRunTaskServer({ hmacKey, compiledConfig, maxPlanBytes, log });
    await new Promise<void>((resolve, reject) => {
      endpoint.server.once('error', (error: NodeJS.ErrnoException) =>
        reject(new ConfigError(`Cannot listen on ${args.host}:${port}: ${error.code ?? error.message}.`)),
      );
      endpoint.server.listen(port, args.host, resolve);
    });
    const address = endpoint.server.address();
    const bound = typeof address === 'object' && address !== null ? address.port : port;
    log(`Run task endpoint listening on http://${args.host}:${bound}/ (configuration: ${compiledConfig.path ?? 'built-in defaults'}).`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    log('Stopping: no new requests; waiting for the runs in progress to be sent their results.');
    await endpoint.close();
    return EXIT_PASS;
  },
};

export default command;
