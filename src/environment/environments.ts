// The built-in environments: which words mean each one in tag values and in names, and which are protected.
import { tokenize } from './tokens.js';

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

/**
 * Words beside a protected environment's word that make the value describe something else (`production-like`,
 * `prod-copy`, `live-demo`). Words that only place or number it (`prod-eu-west-1`, `prod-2`, `live-blue`) do not.
 */
const QUALIFYING_WORDS = new Set([
  'like',
  'copy',
  'clone',
  'mirror',
  'shadow',
  'mock',
  'fake',
  'dummy',
  'sim',
  'simulated',
  'simulation',
  'emulator',
  'demo',
  'sandbox',
  'sample',
  'example',
  'template',
  'lab',
  'training',
  'poc',
]);

/**
 * What a tag, label or variable value says. It names an environment as a whole: the environment's name, or one of its
 * value words once case and separators are set aside (`PROD`, ` prd `, `Pre_Prod`). A value that holds a protected
 * environment's word among words that only place it (`prod-eu-west-1`) names that environment, failing closed; one
 * whose other words qualify it (`production-like`, `prod-copy`) or name another environment (`prod-staging`) names
 * none: it is `ambiguous`, with the word it holds, so that the classifier can say why it did not take it.
 */
export type ValueReading = { names: TokenMatch } | { ambiguous: TokenMatch } | undefined;

export function readValue(value: string, environments: readonly EnvironmentDefinition[]): ValueReading {
  const named = environmentNamed(value, environments);
  if (named) return { names: { environment: named, token: value.trim() } };
  const tokens = tokenize(value);
  const whole = matchEnvironment(tokens.length === 1 ? tokens : [], environments, 'valueTokens');
  if (whole) return { names: whole };
  const held = matchEnvironment(
    tokens,
    environments.filter((environment) => environment.protected),
    'valueTokens',
  );
  if (held === undefined) return undefined;
  const qualified = tokens.some((token) => QUALIFYING_WORDS.has(token));
  const namesAnother = matchEnvironment(
    tokens,
    environments.filter((environment) => environment !== held.environment),
    'valueTokens',
  );
  return qualified || namesAnother ? { ambiguous: held } : { names: held };
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
