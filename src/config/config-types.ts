// The shape of .blast-radius.yml once validated against schema/blast-radius.schema.json.

export interface RuleMatch {
  tag?: { key: string; value?: string };
  address?: string;
  module?: string;
  name?: string;
  key?: string;
  type?: string;
  attribute?: { name: string; value: string };
  namespace?: string;
  account?: string | string[];
  variable?: { name: string; value: string };
  context?: string;
}

export interface ConfigRule {
  id: string;
  environment: string;
  match: RuleMatch;
}

export interface ConfigException {
  address: string;
  rules: string[];
  reason: string;
  by: string;
  expires: string;
}

/** A policy rule's level as ESLint writes it: off (0), warn (1), error (2). */
export type ConfiguredLevel = 'off' | 'warn' | 'error' | 0 | 1 | 2;

/** A policy rule's entry under policy.rules: a level, or a level and options. */
export type ConfiguredRule = ConfiguredLevel | [ConfiguredLevel] | [ConfiguredLevel, Record<string, unknown>];

export interface Config {
  $schema?: string;
  version?: 1;
  defaults?: boolean;
  environments?: Record<string, { protected?: boolean; aliases?: string[] }>;
  rules?: ConfigRule[];
  policy?: {
    block?: ('delete' | 'replace')[];
    blockUpdatesOf?: string[];
    unknown?: 'warn' | 'block';
    maxDestructiveChanges?: number;
    protectedTypes?: string[];
    maxExceptionDays?: number;
    rules?: Record<string, ConfiguredRule>;
  };
  kubernetes?: { cluster?: boolean; kubeconfig?: string };
  exceptions?: ConfigException[];
}

/** A loaded configuration and the file it came from. */
export interface LoadedConfig {
  path: string;
  config: Config;
}
