// Reads which Google Cloud project this shell uses: project variables, the key file's project, gcloud's configuration.
import { join } from 'node:path';
import type { CredentialReading } from './credential-finding.js';
import { expandHome } from './expand-home.js';
import { parseIni } from './parse-ini.js';
import { readSmallFile } from '../files/read-small-file.js';
import { readJsonObject } from '../files/read-json-object.js';

/** gcloud reads CLOUDSDK_CORE_PROJECT; the client libraries and the Terraform google provider read the others. */
const PROJECT_VARIABLES = ['CLOUDSDK_CORE_PROJECT', 'GOOGLE_CLOUD_PROJECT', 'GOOGLE_PROJECT', 'GCLOUD_PROJECT'];
/** gcloud's own rule for configuration names; anything else in active_config is not followed as a path. */
const CONFIGURATION_NAME = /^[a-z][-a-z0-9]*$/;

function unreadable(file: string, problem: string): CredentialReading {
  return { source: 'gcp', what: 'file', value: file, where: file, basis: { kind: 'unreadable', problem } };
}

function projectName(value: string, where: string): CredentialReading {
  return { source: 'gcp', what: 'project', value, where, basis: { kind: 'name', text: value, label: 'project name' } };
}

/** GOOGLE_APPLICATION_CREDENTIALS: only `type` and `project_id` are taken from the parsed key file. */
function applicationCredentials(env: NodeJS.ProcessEnv, home: string): CredentialReading[] {
  if (!env.GOOGLE_APPLICATION_CREDENTIALS) return [];
  const file = expandHome(env.GOOGLE_APPLICATION_CREDENTIALS, home);
  const key = readJsonObject(file);
  if (key.status === 'missing') return [unreadable(file, 'GOOGLE_APPLICATION_CREDENTIALS names it but it does not exist')];
  if (key.status === 'unreadable') return [unreadable(file, key.problem)];
  const { type, project_id: projectId } = key.object as { type?: unknown; project_id?: unknown };
  const readings: CredentialReading[] = [];
  if (typeof type === 'string') {
    readings.push({ source: 'gcp', what: 'credentials', value: type, where: `GOOGLE_APPLICATION_CREDENTIALS ${file} type`, basis: { kind: 'detail' } });
  }
  if (typeof projectId === 'string' && projectId !== '') readings.push(projectName(projectId, `GOOGLE_APPLICATION_CREDENTIALS ${file} project_id`));
  if (readings.length === 0) {
    readings.push({
      source: 'gcp',
      what: 'credentials',
      value: 'set',
      where: `GOOGLE_APPLICATION_CREDENTIALS ${file}`,
      basis: { kind: 'unknowable', why: 'the key file names no type or project' },
    });
  }
  return readings;
}

/** gcloud's active configuration: CLOUDSDK_ACTIVE_CONFIG_NAME, else the active_config file, else `default`. */
function gcloudConfiguration(env: NodeJS.ProcessEnv, home: string): CredentialReading[] {
  const directory = expandHome(env.CLOUDSDK_CONFIG || join(home, '.config', 'gcloud'), home);
  let name = env.CLOUDSDK_ACTIVE_CONFIG_NAME;
  let nameWhere = 'CLOUDSDK_ACTIVE_CONFIG_NAME';
  if (!name) {
    const activeFile = join(directory, 'active_config');
    const active = readSmallFile(activeFile);
    if (active.status === 'unreadable') return [unreadable(activeFile, active.problem)];
    name = active.status === 'read' ? active.text.trim() || 'default' : 'default';
    nameWhere = active.status === 'read' ? activeFile : 'gcloud default configuration';
  }
  if (!CONFIGURATION_NAME.test(name)) {
    return [unreadable(nameWhere, 'it names a gcloud configuration that is not a valid configuration name, so it was not followed')];
  }
  const file = join(directory, 'configurations', `config_${name}`);
  const text = readSmallFile(file);
  if (text.status === 'missing') return [];
  if (text.status === 'unreadable') return [unreadable(file, text.problem)];
  const parsed = parseIni(text.text, ['project']);
  if (!parsed.ok) return [unreadable(file, parsed.problem)];
  const readings: CredentialReading[] = [
    {
      source: 'gcp',
      what: 'configuration',
      value: name,
      where: nameWhere,
      basis: { kind: 'name', text: name, label: 'gcloud configuration name', secondary: true },
    },
  ];
  const project = parsed.sections.find((s) => s.name === 'core')?.values.project;
  if (project) readings.push(projectName(project, `${file} [core] project`));
  return readings;
}

export function readGcp(env: NodeJS.ProcessEnv, home: string): CredentialReading[] {
  const fromVariables = PROJECT_VARIABLES.filter((variable) => env[variable]).map((variable) => projectName(env[variable] as string, variable));
  return [...fromVariables, ...applicationCredentials(env, home), ...gcloudConfiguration(env, home)];
}
