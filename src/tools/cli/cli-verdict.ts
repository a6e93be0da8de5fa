// Reads a cloud, IaC or container CLI invocation against its catalog and decides: a catalogued destructive operation
// on production is refused, saying what goes, why it is production and whether the data comes back, and sent to
// `blast-radius guard` where guard can check it (pulumi up, cloudformation deploy, cdk deploy); on an environment
// nothing names, blast-radius cannot tell; elsewhere it passes.
import { shellQuote } from '../../shell-quote.js';
import type { Destructive, ToolContext, ToolReader } from '../destructive.js';
import { CATALOG_OF } from './catalogs.js';
import { judgeEvidence } from './evidence.js';
import { IN_EFFECT } from './in-effect.js';
import { readCliOperation, type ReadOperation } from './read-cli-operation.js';

const INSTEAD =
  'Make this change through the infrastructure code (`blast-radius guard -- terraform apply`, which checks the plan first), or ask the user to run it.';

/** Whether the data comes back, from the flags given and the catalog. */
function survival({ operation, dataLoss, keepsData }: ReadOperation): string {
  if (!operation.holdsData) return 'It holds no data of its own, but what depends on it stops.';
  if (dataLoss.length > 0) return `${dataLoss.map((note) => `${note.flag}: ${note.says}`).join('; ')}; the data does not come back.`;
  if (keepsData.length > 0) return `${keepsData.map((note) => `${note.flag}: ${note.says}`).join('; ')}.`;
  return 'Its data goes with it; only a backup made beforehand brings it back.';
}

export const cliVerdict: ToolReader = (words, context) => {
  const program = words[0];
  const catalog = Object.hasOwn(CATALOG_OF, program) ? CATALOG_OF[program] : undefined;
  if (catalog === undefined) return undefined;
  const read = readCliOperation(words, catalog);
  if (read === undefined) return undefined;
  const found = judged(program, read, context);
  // Where guard can check the operation first, that is the way: whatever the environment, guard judges the change itself.
  if (found === undefined || read.operation.guard === undefined) return found;
  return { why: found.why, guardChecks: read.operation.guard, ...(found.cannotTell ? { cannotTell: true } : {}) };
};

function judged(program: string, read: ReadOperation, context: ToolContext | undefined): Destructive | undefined {
  const inEffect = context && Object.hasOwn(IN_EFFECT, program) ? IN_EFFECT[program](read.globals, context.env, context.home) : { names: [], readings: [] };
  const computed = read.targets.filter((target) => /^\$|\$\{|\$\(/.test(target.value));
  const verdict = judgeEvidence([...read.targets.filter((target) => !computed.includes(target)), ...inEffect.names], inEffect.readings, context?.config);
  const named = read.targets.length > 0 ? ` (${read.targets.map((target) => `${target.what} ${shellQuote(target.value)}`).join(', ')})` : '';
  const what = `\`${program} ${read.command}\` destroys ${read.operation.destroys}${named}`;
  if (verdict.kind !== 'protected' && context?.configError !== undefined) {
    return {
      why: `${what}, and blast-radius cannot tell where, because its configuration cannot be read: ${context.configError}`,
      instead: 'Fix the configuration file, or ask the user to run it.',
      cannotTell: true,
    };
  }
  if (verdict.kind === 'unprotected') return undefined;
  if (verdict.kind === 'unknown') {
    const because =
      computed.length > 0 ? `${computed.map((target) => target.value).join(', ')} is only known at run time, and ${verdict.reason}` : verdict.reason;
    return {
      why: `${what}, and blast-radius cannot tell whether that is production: ${because}. ${survival(read)}`,
      instead: 'Name the environment (a profile, project or resource name that says it), or ask the user to run it.',
      cannotTell: true,
    };
  }
  return { why: `${what}, in ${verdict.environment}, because ${verdict.reason}. ${survival(read)}`, instead: INSTEAD };
}
