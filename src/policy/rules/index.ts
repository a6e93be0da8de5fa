// The table of every policy rule, by id. Keep it sorted; a removed id stays here as a comment so it is never reused.
import nonprodDelete from './nonprod-delete.js';
import nonprodReplace from './nonprod-replace.js';
import prodDelete from './prod-delete.js';
import prodReplace from './prod-replace.js';
import resourceDrift from './resource-drift.js';
import unknownEnvDelete from './unknown-env-delete.js';
import unknownEnvReplace from './unknown-env-replace.js';
import type { Rule } from '../rule.js';

export const RULES = {
  'nonprod-delete': nonprodDelete,
  'nonprod-replace': nonprodReplace,
  'prod-delete': prodDelete,
  'prod-replace': prodReplace,
  'resource-drift': resourceDrift,
  'unknown-env-delete': unknownEnvDelete,
  'unknown-env-replace': unknownEnvReplace,
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
