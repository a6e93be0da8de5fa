// Turns a validated configuration into the compiled form: merges environments with the built-in ones, compiles
// every pattern (refusing unsafe regular expressions), sets the policy rules, and refuses expired or overlong
// exceptions and unknown environments.
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { conditions, type CompiledRule, type Condition } from '../environment/kinds/config-rule.js';
import { DEFAULT_ENVIRONMENTS, type EnvironmentDefinition } from '../environment/environments.js';
import type { CompiledConfig, CompiledException } from './compiled-config.js';
import { compileRuleSettings } from './compile-rule-settings.js';
import type { Config, ConfigRule, LoadedConfig } from './config-types.js';
import { compilePattern } from './patterns.js';

function mergeEnvironments(config: Config): EnvironmentDefinition[] {
  const merged = DEFAULT_ENVIRONMENTS.map((e) => ({ ...e, valueTokens: [...e.valueTokens], nameTokens: [...e.nameTokens] }));
  for (const [name, settings] of Object.entries(config.environments ?? {})) {
    const aliases = settings.aliases ?? [];
    const existing = merged.find((e) => e.name === name);
    if (existing) {
      if (settings.protected !== undefined) existing.protected = settings.protected;
      existing.valueTokens.push(...aliases);
      existing.nameTokens.push(...aliases);
    } else {
      const words = name.split('-').length === 1 ? [name, ...aliases] : aliases;
      merged.push({ name, protected: settings.protected ?? false, valueTokens: words, nameTokens: words });
    }
  }
  return merged;
}

function compileRule(rule: ConfigRule, index: number, environments: EnvironmentDefinition[], path: string): CompiledRule {
  const where = `${path}: rules[${index}] (${rule.id})`;
  const environment = environments.find((e) => e.name === rule.environment);
  if (!environment) {
    throw new ConfigError(`${where}: environment "${rule.environment}" is not defined (known: ${environments.map((e) => e.name).join(', ')}).`);
  }
  const p = (pattern: string) => compilePattern(pattern, where);
  const { match } = rule;
  const compiled: Condition[] = [];
  if (match.tag) compiled.push(conditions.tag(p(match.tag.key), match.tag.value === undefined ? undefined : p(match.tag.value)));
  if (match.address) compiled.push(conditions.address(p(match.address)));
  if (match.module) compiled.push(conditions.module(p(match.module)));
  if (match.name) compiled.push(conditions.name(p(match.name)));
  if (match.key) compiled.push(conditions.key(p(match.key)));
  if (match.type) compiled.push(conditions.type(p(match.type)));
  if (match.attribute) compiled.push(conditions.attribute(match.attribute.name, p(match.attribute.value)));
  if (match.namespace) compiled.push(conditions.namespace(p(match.namespace)));
  if (match.account !== undefined) compiled.push(conditions.account((Array.isArray(match.account) ? match.account : [match.account]).map(p)));
  if (match.variable) compiled.push(conditions.variable(match.variable.name, p(match.variable.value)));
  if (match.context) compiled.push(conditions.context(p(match.context)));
  return { id: rule.id, environment, conditions: compiled };
}

/** How long an exception may run when `policy.maxExceptionDays` does not say. */
const DEFAULT_MAX_EXCEPTION_DAYS = 90;

/** The day `days` after `today` (both YYYY-MM-DD, UTC). */
function daysAfter(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function compileExceptions(config: Config, path: string, today: string): CompiledException[] {
  const maxDays = config.policy?.maxExceptionDays ?? DEFAULT_MAX_EXCEPTION_DAYS;
  const latest = daysAfter(today, maxDays);
  return (config.exceptions ?? []).map((exception, index) => {
    const where = `${path}: exceptions[${index}] (${exception.address}, ${exception.rules.join(', ')})`;
    if (exception.expires < today) throw new ConfigError(`${where} expired on ${exception.expires}: remove it or renew it.`);
    if (exception.expires > latest) {
      throw new ConfigError(
        `${where} runs until ${exception.expires}, more than ${maxDays} days from today (policy.maxExceptionDays): let it expire by ${latest} at the latest.`,
      );
    }
    return { index, ...exception, matches: compilePattern(exception.address, `${path}: exceptions[${index}]`) };
  });
}

/** `today` (YYYY-MM-DD, UTC) decides which exceptions have expired; tests pass their own. */
export function compileConfig(loaded: LoadedConfig, today: string = new Date().toISOString().slice(0, 10)): CompiledConfig {
  const { config, path } = loaded;
  const environments = mergeEnvironments(config);
  const ids = new Set<string>();
  for (const rule of config.rules ?? []) {
    if (ids.has(rule.id)) throw new ConfigError(`${path}: rule id "${rule.id}" is used twice; ids must be unique.`);
    ids.add(rule.id);
  }
  return {
    path,
    environments,
    rules: (config.rules ?? []).map((rule, index) => compileRule(rule, index, environments, path)),
    defaults: config.defaults ?? true,
    ruleSettings: compileRuleSettings(config.policy ?? {}),
    exceptions: compileExceptions(config, path, today),
    ...(config.kubernetes?.cluster === true ? { cluster: clusterOptions(config.kubernetes.kubeconfig, path) } : {}),
  };
}

/** A kubeconfig path in the file is relative to the file, as every path a configuration names. */
function clusterOptions(kubeconfig: string | undefined, path: string): { kubeconfig?: string } {
  return kubeconfig === undefined ? {} : { kubeconfig: resolve(dirname(path), kubeconfig) };
}
