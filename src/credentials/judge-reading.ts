// Judges one credential reading by the environment rules plans use: the words of a name, or unknown and why.
import type { EnvironmentTag } from '../model.js';
import { DEFAULT_NAME_RULE, NO_EVIDENCE_RULE } from '../environment/default-rules.js';
import { DEFAULT_ENVIRONMENTS, UNKNOWN_ENVIRONMENT, matchEnvironment, type EnvironmentDefinition } from '../environment/environments.js';
import { tokenize } from '../environment/tokens.js';
import type { CredentialFinding, CredentialReading } from './credential-finding.js';

/** Rule ids of the judgements that are not a name match; `default-name` and `no-evidence` are the plans' own. */
export const UNJUDGED_ID_RULE = 'unjudged-id';
export const DETAIL_RULE = 'detail';
export const UNKNOWABLE_RULE = 'unknowable';
export const UNCONFIGURED_RULE = 'unconfigured';
export const UNREADABLE_RULE = 'unreadable';

const ID_NEEDS_CONFIGURATION = 'alone cannot be judged: which ids are production is for a configuration file to say, and blast-radius reads none yet';

function unknown(rule: string, reason: string): EnvironmentTag {
  return { name: UNKNOWN_ENVIRONMENT, protected: false, rule, reason };
}

/**
 * A name judged by its words, as plan resources' names are (`payments-prod` → production): its environment, or
 * unknown saying it has no environment word. `label` names what it is (`profile name`, `DB instance name`).
 */
export function judgeName(text: string, label: string, environments: readonly EnvironmentDefinition[] = DEFAULT_ENVIRONMENTS): EnvironmentTag {
  const evidence = `${label} ${JSON.stringify(text)}`;
  const match = matchEnvironment(tokenize(text), environments, 'nameTokens');
  if (!match) return { ...unknown(NO_EVIDENCE_RULE, `the ${evidence} contains no environment word`), evidence };
  return {
    name: match.environment.name,
    protected: match.environment.protected,
    rule: DEFAULT_NAME_RULE.id,
    evidence,
    reason: `the ${evidence} contains the word "${match.token}"`,
  };
}

export function judgeReading(reading: CredentialReading, environments: readonly EnvironmentDefinition[] = DEFAULT_ENVIRONMENTS): CredentialFinding {
  const { basis, ...fact } = reading;
  let environment: EnvironmentTag;
  switch (basis.kind) {
    case 'name': {
      const judged = judgeName(basis.text, basis.label, environments);
      environment = judged.name === UNKNOWN_ENVIRONMENT && basis.secondary ? unknown(DETAIL_RULE, `shown for context: ${judged.reason}`) : judged;
      break;
    }
    case 'id':
      environment = unknown(UNJUDGED_ID_RULE, `an ${basis.label} ${ID_NEEDS_CONFIGURATION}`);
      break;
    case 'detail':
      environment = unknown(DETAIL_RULE, 'shown for context: it does not name an environment');
      break;
    case 'unknowable':
      environment = unknown(UNKNOWABLE_RULE, basis.why);
      break;
    case 'unconfigured':
      environment = unknown(UNCONFIGURED_RULE, basis.why);
      break;
    case 'unreadable':
      environment = unknown(UNREADABLE_RULE, `the file could not be read: ${basis.problem}; nothing in it was judged`);
      break;
  }
  return { ...fact, environment };
}

/** Findings that could not be judged: everything unknown except details, which are not meant to decide, and names nothing configures (they reach nothing). */
export function isUnjudged(finding: CredentialFinding): boolean {
  return finding.environment.name === UNKNOWN_ENVIRONMENT && finding.environment.rule !== DETAIL_RULE && finding.environment.rule !== UNCONFIGURED_RULE;
}
