// The built-in environments: which words mean each one in tag values and in names, and which are protected.

export interface EnvironmentDefinition {
  name: string;
  protected: boolean;
  /** Tokens that mean this environment in a tag, label or variable value (`Environment = "prd"`). */
  valueTokens: string[];
  /** Tokens that mean it inside a name (`orders-prod`): stricter, since names carry more words. */
  nameTokens: string[];
}

export const UNKNOWN_ENVIRONMENT = 'unknown';

/** Order matters only for ties: when one value names two environments, a protected one wins, then the first. */
export const DEFAULT_ENVIRONMENTS: readonly EnvironmentDefinition[] = [
  { name: 'production', protected: true, valueTokens: ['production', 'prod', 'prd', 'live'], nameTokens: ['production', 'prod', 'prd'] },
  { name: 'staging', protected: false, valueTokens: ['staging', 'stage', 'stg', 'preprod', 'uat'], nameTokens: ['staging', 'stg', 'preprod'] },
  { name: 'development', protected: false, valueTokens: ['development', 'dev', 'develop'], nameTokens: ['development', 'dev'] },
  { name: 'test', protected: false, valueTokens: ['test', 'testing', 'qa'], nameTokens: ['test', 'testing', 'qa'] },
];

/** The environment whose name the whole value is (`Production`, `shared-services`), ignoring case. */
export function environmentNamed(value: string, environments: readonly EnvironmentDefinition[]): EnvironmentDefinition | undefined {
  const wanted = value.trim().toLowerCase();
  return environments.find((e) => e.name === wanted);
}

export interface TokenMatch {
  environment: EnvironmentDefinition;
  token: string;
}

/** The environment the tokens of a text name, preferring a protected one; undefined when none does. */
export function matchEnvironment(
  tokens: string[],
  environments: readonly EnvironmentDefinition[],
  vocabulary: 'valueTokens' | 'nameTokens',
): TokenMatch | undefined {
  let best: TokenMatch | undefined;
  for (const environment of environments) {
    const token = tokens.find((t) => environment[vocabulary].includes(t));
    if (token === undefined) continue;
    if (best === undefined || (environment.protected && !best.environment.protected)) best = { environment, token };
  }
  return best;
}
