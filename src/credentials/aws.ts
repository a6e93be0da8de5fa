// Reads which AWS profile, account and role this shell uses, from AWS_* variables and ~/.aws/config and credentials.
import { join } from 'node:path';
import type { Basis, CredentialReading } from './credential-finding.js';
import { expandHome } from './expand-home.js';
import { parseIni, type IniSection } from './parse-ini.js';
import { readSmallFile } from '../files/read-small-file.js';

/** The only values read out of ~/.aws/config; every other value (secret keys included) is dropped while parsing. */
const CONFIG_KEYS = ['sso_account_id', 'role_arn', 'sso_role_name', 'region'] as const;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const STATIC_KEY_NAMES = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'];
/** Variables that give AWS tools credentials without a profile: a profile name beside them may still name them. */
const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
];

interface ActiveProfile {
  name: string;
  /** The variable that named it, or a sentence saying it is the implicit default. */
  where: string;
  implicit: boolean;
}

type Sections = { ok: true; file: string; sections: IniSection[] } | { ok: false; file: string; problem?: string };

function readIniFile(file: string, keep: readonly string[]): Sections {
  const text = readSmallFile(file);
  if (text.status === 'missing') return { ok: false, file };
  if (text.status === 'unreadable') return { ok: false, file, problem: text.problem };
  const parsed = parseIni(text.text, keep);
  return parsed.ok ? { ok: true, file, sections: parsed.sections } : { ok: false, file, problem: parsed.problem };
}

/** `AWS_PROFILE` wins for the AWS CLI and SDKs; some tools read only `AWS_DEFAULT_PROFILE`: report both when they differ. */
function activeProfiles(env: NodeJS.ProcessEnv): ActiveProfile[] {
  const profiles: ActiveProfile[] = [];
  for (const variable of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']) {
    const name = env[variable];
    if (name && !profiles.some((p) => p.name === name)) profiles.push({ name, where: variable, implicit: false });
  }
  if (profiles.length === 0) {
    profiles.push({ name: 'default', where: 'the default profile (AWS_PROFILE is not set)', implicit: true });
  }
  return profiles;
}

/** `[profile NAME]` in the config file; the default profile is `[default]` (or `[profile default]`). */
function configSection(sections: IniSection[], profile: string): IniSection | undefined {
  const named = sections.find((s) => /^profile\s/.test(s.name) && s.name.replace(/^profile\s+/, '') === profile);
  return named ?? (profile === 'default' ? sections.find((s) => s.name === 'default') : undefined);
}

function hasStaticKeys(section: IniSection): boolean {
  return section.keys.some((key) => STATIC_KEY_NAMES.includes(key));
}

function aws(what: string, value: string, where: string, basis: Basis): CredentialReading {
  return { source: 'aws', what, value, where, basis };
}

const ACCOUNT_ID: Basis = { kind: 'id', label: 'AWS account id' };
const profileName = (text: string): Basis => ({ kind: 'name', text, label: 'profile name' });
const roleName = (text: string, label = 'role name'): Basis => ({ kind: 'name', text, label, secondary: true });

/** The account, role and region a profile's config section names, and whether it holds keys itself. */
function profileSettings(profile: string, section: IniSection, file: string): CredentialReading[] {
  const at = (key: string) => `${file} [${section.name}] ${key}`;
  const readings: CredentialReading[] = [];
  const { sso_account_id: ssoAccount, role_arn: roleArn, sso_role_name: ssoRole, region } = section.values;
  if (ssoAccount) readings.push(aws('account', ssoAccount, at('sso_account_id'), ACCOUNT_ID));
  if (ssoRole) readings.push(aws('role', ssoRole, at('sso_role_name'), roleName(ssoRole)));
  if (roleArn) {
    const arn = ROLE_ARN.exec(roleArn);
    if (arn) {
      const [, account, role] = arn as unknown as [string, string, string];
      if (account !== ssoAccount) readings.push(aws('account', account, at('role_arn'), ACCOUNT_ID));
      readings.push(aws('role', role, at('role_arn'), roleName(role)));
    } else {
      readings.push(aws('role', roleArn, at('role_arn'), roleName(roleArn, 'role ARN')));
    }
  }
  if (region) readings.push(aws('region', region, at('region'), { kind: 'detail' }));
  if (hasStaticKeys(section)) readings.push(aws('static-credentials', 'set', `${file} [${section.name}]`, profileName(profile)));
  return readings;
}

function unreadable(file: Sections): CredentialReading[] {
  if (file.ok || file.problem === undefined) return [];
  return [aws('file', file.file, file.file, { kind: 'unreadable', problem: file.problem })];
}

/**
 * What a profile that neither file has is: `reaches-nothing` for what the shell reaches (doctor, the session notice),
 * `judged-by-name` for a command about to run (the hook fails closed: the profile may exist where it runs).
 */
export type UnconfiguredProfile = 'reaches-nothing' | 'judged-by-name';

export function readAws(env: NodeJS.ProcessEnv, home: string, unconfiguredProfile: UnconfiguredProfile = 'reaches-nothing'): CredentialReading[] {
  const config = readIniFile(expandHome(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), home), CONFIG_KEYS);
  const credentials = readIniFile(expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), home), []);
  const readings: CredentialReading[] = [];
  if (env.AWS_ACCESS_KEY_ID) {
    const why = 'keys in the environment carry no profile or account name, and most AWS tools use them ahead of any profile';
    readings.push(aws('static-credentials', 'set', 'AWS_ACCESS_KEY_ID', { kind: 'unknowable', why }));
  }
  for (const profile of activeProfiles(env)) {
    const inConfig = config.ok ? configSection(config.sections, profile.name) : undefined;
    const inCredentials = credentials.ok ? credentials.sections.find((s) => s.name === profile.name) : undefined;
    if (profile.implicit && !inConfig && !inCredentials) continue;
    // A profile named by a variable but in neither file reaches nothing (AWS tools fail on it), unless credentials
    // come from variables, or a file could not be read (then what it holds is unknown: judged by its name).
    const unconfigured =
      unconfiguredProfile === 'reaches-nothing' &&
      !inConfig &&
      !inCredentials &&
      !CREDENTIAL_VARIABLES.some((name) => env[name]) &&
      [config, credentials].every((f) => f.ok || f.problem === undefined);
    if (unconfigured) {
      const why = `the profile is named but not configured: neither ${config.file} nor ${credentials.file} has it, so AWS tools reach nothing with it`;
      readings.push(aws('profile', profile.name, profile.where, { kind: 'unconfigured', why }));
      continue;
    }
    readings.push(aws('profile', profile.name, profile.where, profileName(profile.name)));
    if (inConfig && config.ok) readings.push(...profileSettings(profile.name, inConfig, config.file));
    if (inCredentials && credentials.ok && inCredentials.keys.length > 0) {
      readings.push(aws('static-credentials', 'set', `${credentials.file} [${inCredentials.name}]`, profileName(profile.name)));
    }
  }
  return [...readings, ...unreadable(config), ...unreadable(credentials)];
}
