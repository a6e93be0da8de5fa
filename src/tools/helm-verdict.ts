// Reads a helm invocation as helm does and says whether it can destroy something: uninstall and upgrade (guard
// checks those) and rollback (a person runs it); a real dry run, help, and every other command destroy nothing.
import { GO_TRUE, isOn, scanWords, subcommandAt, type FlagTable, type ScannedWords } from './flag-grammar.js';
import { HELM_GLOBALS, HELM_ROLLBACK, HELM_UNINSTALL, HELM_UNINSTALL_NAMES, HELM_UPGRADE } from './helm-grammar.js';
import { uncertain, type ToolReader } from './destructive.js';

/** helm's --dry-run: the last one wins; `none` or a false boolean is a real run, `client`, `server` or true a dry run. */
function isDryRun(scanned: ScannedWords): boolean {
  const last = scanned.flags.filter((flag) => flag.name === 'dry-run').at(-1);
  return last !== undefined && (last.value === undefined || ['client', 'server'].includes(last.value) || GO_TRUE.test(last.value));
}

function tableOf(command: string): FlagTable | undefined {
  if (HELM_UNINSTALL_NAMES.has(command)) return HELM_UNINSTALL;
  if (command === 'upgrade') return HELM_UPGRADE;
  return command === 'rollback' ? HELM_ROLLBACK : undefined;
}

export const helmVerdict: ToolReader = (words) => {
  const rest = words.slice(1);
  const at = subcommandAt(rest, HELM_GLOBALS);
  const command = rest[at] ?? '';
  const table = tableOf(command);
  if (table === undefined) return undefined;
  let scanned: ScannedWords;
  try {
    scanned = scanWords([...rest.slice(0, at), ...rest.slice(at + 1)], table, `helm ${command}`, { unknown: 'note' });
  } catch {
    return uncertain(`helm ${command}`, [words.at(-1) as string]);
  }
  const sure = scanned.unknown.length === 0;
  if (sure && (isOn(scanned, 'help') || isDryRun(scanned))) return undefined;
  const unsure = sure ? '' : ` (blast-radius does not know ${scanned.unknown.join(' ')}, so it cannot tell whether this is a dry run)`;
  if (HELM_UNINSTALL_NAMES.has(command)) {
    return {
      why: `helm ${command} deletes every object of the release${unsure}.`,
      guardChecks: "it checks the release's objects (`helm get manifest`) as deleted, refuses if protected objects would go, and uninstalls otherwise",
    };
  }
  if (command === 'upgrade') {
    return {
      why: `helm upgrade deletes objects the new chart no longer renders, and replaces those whose immutable fields change${unsure}.`,
      guardChecks:
        'it checks `helm diff upgrade` (the helm-diff plugin) first, refuses if protected objects would be deleted or replaced, and upgrades otherwise',
    };
  }
  return { why: `helm rollback deletes objects the older revision did not have${unsure}.`, preview: ['helm', 'diff', 'rollback', ...rest.slice(at + 1)] };
};
