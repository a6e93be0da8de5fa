// Rule kind: what the Terraform source files say for the whole plan (provider default tags, the backend's state key
// or workspace, *.tfvars values), used for resources that say nothing themselves; evidence names file and line.
import type { SourceEvidence } from '../../terraform-source/source-evidence.js';
import type { Candidate } from '../candidate.js';
import { DEFAULT_ROOT_VARIABLE_RULE, DEFAULT_TAG_RULE } from '../default-rules.js';
import { UNKNOWN_ENVIRONMENT, matchEnvironment, type EnvironmentDefinition } from '../environments.js';
import { resourceLabelsCandidates } from './tag-value.js';
import { rootVariableCandidates } from './root-variable.js';
import { tokenize } from '../tokens.js';

export function sourceEvidenceCandidates(source: SourceEvidence, environments: readonly EnvironmentDefinition[], ruleId: string): Candidate[] {
  const candidates = resourceLabelsCandidates(source.defaultLabels, DEFAULT_TAG_RULE.params, environments, ruleId);
  for (const variable of source.variables) {
    for (const candidate of rootVariableCandidates([variable], DEFAULT_ROOT_VARIABLE_RULE.params, environments, ruleId)) {
      const sets = `${variable.where} sets ${variable.name} = ${JSON.stringify(variable.value)}`;
      const undecided = candidate.environment.name === UNKNOWN_ENVIRONMENT ? ', which holds an environment word but is not one as a whole value' : '';
      candidates.push({ ...candidate, evidence: `${variable.name} in ${variable.where}`, reason: `${sets}${undecided}` });
    }
  }
  for (const setting of source.backend) {
    const match = matchEnvironment(tokenize(setting.value), environments, 'nameTokens');
    if (!match) continue;
    candidates.push({
      environment: match.environment,
      rule: ruleId,
      evidence: `${setting.field} ${JSON.stringify(setting.value)} (${setting.where})`,
      reason: `the plan's state is stored under ${setting.field} ${JSON.stringify(setting.value)} (${setting.where}), which contains the word "${match.token}"`,
    });
  }
  return candidates;
}
