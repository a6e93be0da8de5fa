// The table of every policy rule, by id. Keep it sorted; a removed id stays here as a comment so it is never reused.
import keptByAnnotation from './kept-by-annotation.js';
import nonprodDelete from './nonprod-delete.js';
import nonprodReplace from './nonprod-replace.js';
import preventDestroyRemoved from './prevent-destroy-removed.js';
import prodCreateFromEmptyState from './prod-create-from-empty-state.js';
import prodDelete from './prod-delete.js';
import prodReplace from './prod-replace.js';
import prodStateLocal from './prod-state-local.js';
import prodUpdate from './prod-update.js';
import protectedTypeDestroy from './protected-type-destroy.js';
import protectionWeakened from './protection-weakened.js';
import resourceDrift from './resource-drift.js';
import tooManyDestructive from './too-many-destructive.js';
import unjudgedObjects from './unjudged-objects.js';
import unknownEnvDelete from './unknown-env-delete.js';
import unknownEnvReplace from './unknown-env-replace.js';
import type { Rule } from '../rule.js';

export const RULES = {
  'kept-by-annotation': keptByAnnotation,
  'nonprod-delete': nonprodDelete,
  'nonprod-replace': nonprodReplace,
  'prevent-destroy-removed': preventDestroyRemoved,
  'prod-create-from-empty-state': prodCreateFromEmptyState,
  'prod-delete': prodDelete,
  'prod-replace': prodReplace,
  'prod-state-local': prodStateLocal,
  'prod-update': prodUpdate,
  'protected-type-destroy': protectedTypeDestroy,
  'protection-weakened': protectionWeakened,
  'resource-drift': resourceDrift,
  'too-many-destructive': tooManyDestructive,
  'unjudged-objects': unjudgedObjects,
  'unknown-env-delete': unknownEnvDelete,
  'unknown-env-replace': unknownEnvReplace,
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
