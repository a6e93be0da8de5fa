// The configuration in the form the classifier and the policy use: environments, compiled rules, policy, exceptions.
import type { CompiledRule } from '../environment/kinds/config-rule.js';
import { DEFAULT_ENVIRONMENTS, type EnvironmentDefinition } from '../environment/environments.js';
import type { Matcher } from './patterns.js';

export interface PolicyOptions {
  /** Actions that block (error) in protected environments; the others warn. */
  block: ReadonlySet<'delete' | 'replace'>;
  blockUpdatesOf: readonly string[];
  unknown: 'warn' | 'block';
  maxDestructiveChanges?: number;
  protectedTypes: readonly string[];
}

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
  policy: PolicyOptions;
  exceptions: readonly CompiledException[];
  /** Whether Kubernetes inputs ask the live cluster (`kubernetes.cluster`), and with which kubeconfig. */
  cluster?: { kubeconfig?: string };
}

export const DEFAULT_POLICY: PolicyOptions = {
  block: new Set(['delete', 'replace']),
  blockUpdatesOf: [],
  unknown: 'warn',
  protectedTypes: [],
};

/** Zero configuration: built-in environments and rules, default policy, no exceptions. */
export const DEFAULT_CONFIG: CompiledConfig = {
  environments: DEFAULT_ENVIRONMENTS,
  rules: [],
  defaults: true,
  policy: DEFAULT_POLICY,
  exceptions: [],
};
