// Maps Terraform's change.actions lists onto the normalized Action, failing safe on anything unknown.
import type { Action } from '../../model.js';

export interface MappedAction {
  action: Action;
  replaceOrder?: 'delete-first' | 'create-first';
  /** Set when the list was not one Terraform documents: the raw list, for the report. */
  unrecognized?: string;
}

const KNOWN: Record<string, MappedAction> = {
  'no-op': { action: 'no-op' },
  create: { action: 'create' },
  read: { action: 'read' },
  update: { action: 'update' },
  delete: { action: 'delete' },
  'delete,create': { action: 'replace', replaceOrder: 'delete-first' },
  'create,delete': { action: 'replace', replaceOrder: 'create-first' },
  forget: { action: 'forget' },
  // Terraform 1.10+: a `removed` block with destroy = false on a resource that is also re-created.
  'create,forget': { action: 'forget' },
};

/**
 * An action list Terraform does not document is treated as destructive: a tool that ignored an action it did
 * not understand would pass exactly the plans it cannot judge.
 */
export function mapActions(actions: string[]): MappedAction {
  const key = actions.join(',');
  const known = Object.hasOwn(KNOWN, key) ? KNOWN[key] : undefined;
  if (known) return known;
  const unrecognized = `[${actions.join(', ')}]`;
  return actions.includes('create') ? { action: 'replace', replaceOrder: 'delete-first', unrecognized } : { action: 'delete', unrecognized };
}

/** Resource modes Terraform documents (`managed`, `data`); no mode at all means managed. */
export function isKnownMode(mode: string | undefined): boolean {
  return mode === undefined || mode === 'managed' || mode === 'data';
}

/**
 * Refines the mapped action with facts beside the list: moves, imports and data sources. A mode Terraform does not
 * document is treated as destructive, like an unknown action list: what it does to the resource cannot be known.
 */
export function refineAction(mapped: Action, facts: { mode?: string; previousAddress?: string; importing: boolean }): Action {
  if (!isKnownMode(facts.mode)) return mapped === 'create' || mapped === 'replace' ? 'replace' : 'delete';
  if (facts.mode === 'data') return 'read';
  if (mapped === 'no-op' && facts.importing) return 'import';
  if (mapped === 'no-op' && facts.previousAddress !== undefined) return 'move';
  return mapped;
}
