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
export const UNREADABLE_RULE = 'unreadable';

const ID_NEEDS_CONFIGURATION = 'alone cannot be judged: which ids are production is for a configuration file to say, and blast-radius reads none yet';

function unknown(rule: string, reason: string): EnvironmentTag {
  return { name: UNKNOWN_ENVIRONMENT, protected: false, rule, reason };
}

export function judgeReading(
  reading: CredentialReading,
  environments: readonly EnvironmentDefinition[] = DEFAULT_ENVIRONMENTS,
): CredentialFinding {
  const { basis, ...fact } = reading;
  let environment: EnvironmentTag;
  switch (basis.kind) {
    case 'name': {
      const match = matchEnvironment(tokenize(basis.text), environments, 'nameTokens');
      const evidence = `${basis.label} ${JSON.stringify(basis.text)}`;
      environment = match
        ? {
            name: match.environment.name,
            protected: match.environment.protected,
            rule: DEFAULT_NAME_RULE.id,
            evidence,
            reason: `the ${evidence} contains the word "${match.token}"`,
          }
        : basis.secondary
          ? unknown(DETAIL_RULE, `shown for context: the ${evidence} contains no environment word`)
          : { ...unknown(NO_EVIDENCE_RULE, `the ${evidence} contains no environment word`), evidence };
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
    case 'unreadable':
      environment = unknown(UNREADABLE_RULE, `the file could not be read: ${basis.problem}; nothing in it was judged`);
      break;
  }
  return { ...fact, environment };
}

/** Findings that could not be judged: everything unknown except details, which are not meant to decide. */
export function isUnjudged(finding: CredentialFinding): boolean {
  return finding.environment.name === UNKNOWN_ENVIRONMENT && finding.environment.rule !== DETAIL_RULE;
}
