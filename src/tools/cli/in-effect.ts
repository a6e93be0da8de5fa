// What a cloud or container CLI invocation reaches besides the names it is given: the AWS profile, gcloud project,
// Azure subscription or docker context in effect (a flag of the command first, then the environment and the CLI's
// own configuration), read by the credential readers `doctor` uses: names and ids only.
import type { CredentialReading } from '../../credentials/credential-finding.js';
import { readAws } from '../../credentials/aws.js';
import { readAzure } from '../../credentials/azure.js';
import { readGcp } from '../../credentials/gcp.js';
import type { Evidence } from './evidence.js';

export interface InEffect {
  names: Evidence[];
  readings: CredentialReading[];
}

type InEffectReader = (globals: Record<string, string>, env: NodeJS.ProcessEnv, home: string) => InEffect;

const awsProfile =
  (flags: string[]): InEffectReader =>
  (globals, env, home) => {
    const flag = flags.find((name) => globals[name] !== undefined);
    const profile = flag === undefined ? {} : { AWS_PROFILE: globals[flag] };
    // The command's profile is judged by its name even when no file here has it: fail closed.
    return { names: [], readings: readAws({ ...env, ...profile }, home, 'judged-by-name') };
  };

const gcloudProject: InEffectReader = (globals, env, home) => {
  const project = globals['--project'] ?? globals['-u'];
  return project === undefined
    ? { names: [], readings: readGcp(env, home) }
    : { names: [{ what: 'project', value: project, where: '--project' }], readings: [] };
};

const azureSubscription: InEffectReader = (globals, env, home) => {
  const subscription = globals['--subscription'];
  return subscription === undefined
    ? { names: [], readings: readAzure(env, home) }
    : { names: [{ what: 'subscription', value: subscription, where: '--subscription' }], readings: [] };
};

const dockerContext: InEffectReader = (globals, env) => {
  const flag = ['--context', '-c'].find((name) => globals[name] !== undefined);
  const context = flag === undefined ? env.DOCKER_CONTEXT : globals[flag];
  const host = globals['--host'] ?? globals['-H'] ?? env.DOCKER_HOST;
  return {
    names: [
      ...(context ? [{ what: 'docker context', value: context, where: flag ?? 'DOCKER_CONTEXT' }] : []),
      ...(host
        ? [{ what: 'docker host', value: host.replace(/^[a-z]+:\/\/(?:[^@/]*@)?/, ''), where: globals['--host'] !== undefined ? '--host' : 'DOCKER_HOST' }]
        : []),
    ],
    readings: [],
  };
};

const nothing: InEffectReader = () => ({ names: [], readings: [] });

/** By program: what each CLI reaches besides its arguments. */
export const IN_EFFECT: Record<string, InEffectReader> = {
  aws: awsProfile(['--profile']),
  sam: awsProfile(['--profile']),
  cdk: awsProfile(['--profile']),
  serverless: awsProfile(['--aws-profile']),
  sls: awsProfile(['--aws-profile']),
  gcloud: gcloudProject,
  gsutil: gcloudProject,
  az: azureSubscription,
  docker: dockerContext,
  podman: dockerContext,
  nerdctl: dockerContext,
  'docker-compose': dockerContext,
  pulumi: nothing,
};
