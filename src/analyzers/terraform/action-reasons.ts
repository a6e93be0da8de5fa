// Explains Terraform's action_reason codes (and replace_paths) as a short phrase for the ResourceChange reason.

const PHRASES: Record<string, string> = {
  replace_because_tainted: 'it is tainted',
  replace_because_cannot_update: 'a changed attribute cannot be updated in place',
  replace_by_request: 'replacement was requested with -replace',
  replace_by_triggers: 'replace_triggered_by or triggers_replace changed',
  delete_because_no_resource_config: 'its block was removed from the configuration',
  delete_because_wrong_repetition: 'count or for_each was added to or removed from its block',
  delete_because_count_index: 'its count index is no longer in range',
  delete_because_each_key: 'its for_each key is no longer in the map',
  delete_because_no_module: 'its module was removed from the configuration',
  delete_because_no_move_target: 'it was moved to an address that does not exist',
  read_because_config_unknown: 'its configuration is not known until apply',
  read_because_dependency_pending: 'a dependency has changes pending',
  read_because_check_nested: 'it is read by a check block',
};

/** `its for_each key is no longer in the map (delete_because_each_key)`; unknown codes are kept as they are. */
export function describeActionReason(code: string | undefined, replacePaths: string[] | undefined): string | undefined {
  const forcedBy = replacePaths && replacePaths.length > 0 ? `changing ${replacePaths.join(', ')} forces replacement` : undefined;
  if (code === undefined) return forcedBy;
  const phrase = Object.hasOwn(PHRASES, code) ? PHRASES[code] : undefined;
  if (code === 'replace_because_cannot_update' && forcedBy) return `${forcedBy} (${code})`;
  return phrase ? `${phrase} (${code})` : code;
}

const isPathStep = (step: unknown): step is string | number => typeof step === 'string' || typeof step === 'number';

/**
 * Turns replace_paths (`[["settings", 0, "tier"]]`) into dotted paths (`settings[0].tier`). Terraform writes only
 * attribute names and indexes; a path holding anything else is left out (it only words the reason, never the action).
 */
export function formatReplacePaths(paths: unknown): string[] | undefined {
  if (!Array.isArray(paths) || paths.length === 0) return undefined;
  return paths
    .filter((path): path is (string | number)[] => Array.isArray(path) && path.every(isPathStep))
    .map((path) => path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join(''));
}
