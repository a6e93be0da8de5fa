// The zero-configuration environment rules: data instances of the rule kinds, tried in tiers (tags, names, variables).
import type { RootVariableParams } from './kinds/root-variable.js';
import type { TagValueParams } from './kinds/tag-value.js';

export const DEFAULT_TAG_RULE: { id: string; params: TagValueParams } = {
  id: 'default-tag',
  params: {
    keys: ['environment', 'env', 'envname', 'environmentname', 'deploymentenvironment', 'appenv', 'appenvironment'],
    weakKeys: ['stage', 'tier'],
  },
};

export const DEFAULT_NAME_RULE: { id: string } = { id: 'default-name' };

export const DEFAULT_ROOT_VARIABLE_RULE: { id: string; params: RootVariableParams } = {
  id: 'default-root-variable',
  params: { names: ['environment', 'env', 'envname', 'environmentname', 'stage', 'deploymentenvironment'] },
};

/** The Kubernetes context (or its cluster) a Kubernetes input goes to: --context, or kubectl's current context. */
export const DEFAULT_CONTEXT_RULE: { id: string } = { id: 'default-context' };

/** Provider default tags, backend state key and *.tfvars read from the .tf sources (--tf-dir). */
export const DEFAULT_SOURCE_RULE: { id: string } = { id: 'default-source' };

/** Rule id reported when no rule matched. */
export const NO_EVIDENCE_RULE = 'no-evidence';
