// The team's rules for a CLI command's evidence: `.blast-radius.yml` rules with `name`, `account` (AWS accounts, GCP
// projects, Azure subscriptions) and `context` conditions decide its environment as they decide a plan resource's.
// Each name the command destroys is judged as a resource of that name would be.
import type { CompiledConfig } from '../../config/compiled-config.js';
import { configRuleCandidate } from '../../environment/kinds/config-rule.js';
import type { AccountId, ResourceChange } from '../../model.js';
import type { Evidence } from './evidence.js';

export interface ConfiguredVerdict {
  protected: boolean;
  environment: string;
  reason: string;
}

/** The evidence a configuration rule can match: names, cloud accounts in effect, docker or kube contexts. */
export interface RuleEvidence {
  names: readonly Evidence[];
  accounts: readonly AccountId[];
  contexts: readonly string[];
}

/** A resource carrying only what a CLI command says of it: its name and the accounts it is reached through. */
function asResource(name: string, accounts: readonly AccountId[]): ResourceChange {
  return { source: 'terraform', input: 0, address: name, type: '', name, modulePath: [], action: 'delete', labels: [], nameHints: [], accounts: [...accounts] };
}

/** The first rule matching each name decides it; a protected decision for any name wins. */
export function configuredEnvironment(config: CompiledConfig, evidence: RuleEvidence): ConfiguredVerdict | undefined {
  const names = evidence.names.length > 0 ? evidence.names.map((name) => name.value) : [''];
  let first: ConfiguredVerdict | undefined;
  for (const name of names) {
    for (const rule of config.rules) {
      const candidate = configRuleCandidate(rule, asResource(name, evidence.accounts), { variables: [], contexts: [...evidence.contexts] });
      if (candidate === undefined) continue;
      const verdict = { protected: candidate.environment.protected, environment: candidate.environment.name, reason: candidate.reason };
      if (verdict.protected) return verdict;
      first ??= verdict;
      break;
    }
  }
  return first;
}
