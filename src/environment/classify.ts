// Decides the environment of every resource change: the configuration's rules in order (first match wins), then,
// unless the configuration turns them off, the built-in tiers, strongest evidence first: tags, names, the plan's
// root variables. Every decision can be traced rule by rule (`blast-radius explain`).
import type { EnvironmentTag, ResourceChange, RootVariable } from '../model.js';
import { DEFAULT_CONFIG, type CompiledConfig } from '../config/compiled-config.js';
import { strongest, type Candidate } from './candidate.js';
import { NO_SOURCE_EVIDENCE, type SourceEvidence } from '../terraform-source/source-evidence.js';
import {
  DEFAULT_CONTEXT_RULE,
  DEFAULT_NAME_RULE,
  DEFAULT_ROOT_VARIABLE_RULE,
  DEFAULT_SOURCE_RULE,
  DEFAULT_TAG_RULE,
  NO_EVIDENCE_RULE,
} from './default-rules.js';
import { UNKNOWN_ENVIRONMENT } from './environments.js';
import { configRuleCandidate, type RuleContext } from './kinds/config-rule.js';
import { kubeContextCandidates } from './kinds/kube-context.js';
import { nameTokenCandidates } from './kinds/name-token.js';
import { rootVariableCandidates } from './kinds/root-variable.js';
import { sourceEvidenceCandidates } from './kinds/source-evidence.js';
import { tagValueCandidates } from './kinds/tag-value.js';

/** One rule tried for one change: what it found, if anything. */
export interface TraceStep {
  rule: string;
  matched: boolean;
  /** Environment and evidence of each candidate the rule found. */
  found: string[];
}

function toTag(candidate: Candidate): EnvironmentTag {
  return {
    name: candidate.environment.name,
    protected: candidate.environment.protected,
    rule: candidate.rule,
    evidence: candidate.evidence,
    reason: candidate.reason,
  };
}

const UNKNOWN_TAG: EnvironmentTag = {
  name: UNKNOWN_ENVIRONMENT,
  protected: false,
  rule: NO_EVIDENCE_RULE,
  reason: 'no environment tag, name or root variable says which environment it belongs to',
};

export interface Classifier {
  classify: (change: ResourceChange) => EnvironmentTag;
  /** The same decision, with every rule tried in order. */
  explain: (change: ResourceChange) => { environment: EnvironmentTag; steps: TraceStep[] };
}

export interface ClassifierInputs {
  /** Kubernetes context or cluster names that apply to the input. */
  contexts?: string[];
  /** What the Terraform source files say (--tf-dir). */
  source?: SourceEvidence;
}

/** A classifier for the changes of one input; the plan-wide tiers are computed once, as that input's fallbacks. */
export function environmentClassifier(variables: RootVariable[], config: CompiledConfig = DEFAULT_CONFIG, inputs: ClassifierInputs = {}): Classifier {
  const { environments } = config;
  const context: RuleContext = { variables, contexts: inputs.contexts ?? [] };
  const planWide = rootVariableCandidates(variables, DEFAULT_ROOT_VARIABLE_RULE.params, environments, DEFAULT_ROOT_VARIABLE_RULE.id);
  const fromContext = kubeContextCandidates(context.contexts, environments, DEFAULT_CONTEXT_RULE.id);
  const fromSource = sourceEvidenceCandidates(inputs.source ?? NO_SOURCE_EVIDENCE, environments, DEFAULT_SOURCE_RULE.id);
  /** Equal decisions share one tag: thousands of resources tagged alike hold one object, not a copy each. */
  const decided = new Map<string, EnvironmentTag>();
  const shareTag = (tag: EnvironmentTag): EnvironmentTag => {
    const key = JSON.stringify([tag.name, tag.protected, tag.rule, tag.evidence ?? null, tag.reason]);
    const known = decided.get(key);
    if (known) return known;
    decided.set(key, tag);
    return tag;
  };

  function decide(change: ResourceChange, steps?: TraceStep[]): EnvironmentTag {
    const record = (rule: string, candidates: Candidate[]): Candidate | undefined => {
      const chosen = strongest(candidates);
      steps?.push({ rule, matched: chosen !== undefined, found: candidates.map((c) => `${c.environment.name}: ${c.evidence}`) });
      return chosen;
    };
    for (const rule of config.rules) {
      const candidate = configRuleCandidate(rule, change, context);
      if (record(rule.id, candidate ? [candidate] : [])) return toTag(candidate as Candidate);
    }
    if (!config.defaults) return UNKNOWN_TAG;
    const tiers: [string, () => Candidate[]][] = [
      [DEFAULT_TAG_RULE.id, () => tagValueCandidates(change, DEFAULT_TAG_RULE.params, environments, DEFAULT_TAG_RULE.id)],
      [DEFAULT_NAME_RULE.id, () => nameTokenCandidates(change, environments, DEFAULT_NAME_RULE.id)],
      [DEFAULT_CONTEXT_RULE.id, () => fromContext],
      [DEFAULT_ROOT_VARIABLE_RULE.id, () => planWide],
      [DEFAULT_SOURCE_RULE.id, () => fromSource],
    ];
    for (const [rule, candidates] of tiers) {
      const decided = record(rule, candidates());
      if (decided) return toTag(decided);
    }
    return UNKNOWN_TAG;
  }

  /** A decision made on less evidence than the input type usually gives says so. */
  const noted = (change: ResourceChange, tag: EnvironmentTag): EnvironmentTag =>
    change.evidenceNote === undefined ? tag : { ...tag, reason: `${tag.reason} (${change.evidenceNote})` };

  return {
    classify: (change) => shareTag(noted(change, decide(change))),
    explain: (change) => {
      const steps: TraceStep[] = [];
      return { environment: noted(change, decide(change, steps)), steps };
    },
  };
}
