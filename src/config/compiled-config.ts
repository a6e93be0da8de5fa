// The configuration in the form the classifier and the policy use: environments, compiled rules, rule settings, exceptions.
import type { CompiledRule } from '../environment/kinds/config-rule.js';
import { DEFAULT_ENVIRONMENTS, type EnvironmentDefinition } from '../environment/environments.js';
import type { RuleSettings } from '../policy/rule-settings.js';
import type { Matcher } from './patterns.js';

export interface CompiledException {
  index: number;
  address: string;
  matches: Matcher;
  rules: readonly string[];
  reason: string;
  by: string;
  expires: string;
}

export interface CompiledConfig {
  /** The file it came from; undefined for the built-in defaults. */
  path?: string;
  environments: readonly EnvironmentDefinition[];
  rules: readonly CompiledRule[];
  /** Whether the built-in tag, name and root-variable rules still apply after the configured ones. */
  defaults: boolean;
  /** The level and options of every policy rule the configuration sets (src/config/compile-rule-settings.ts). */
  ruleSettings: RuleSettings;
  exceptions: readonly CompiledException[];
  /** Whether Kubernetes inputs ask the live cluster (`kubernetes.cluster`), and with which kubeconfig. */
  cluster?: { kubeconfig?: string };
}

/** Zero configuration: built-in environments and rules, every policy rule at its defaults, no exceptions. */
export const DEFAULT_CONFIG: CompiledConfig = {
  environments: DEFAULT_ENVIRONMENTS,
  rules: [],
  defaults: true,
  ruleSettings: {},
  exceptions: [],
};
