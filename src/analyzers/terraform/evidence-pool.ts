// Shares equal evidence between the resource changes of one plan: a large estate repeats the same tags, name
// attributes, accounts and module paths thousands of times, and each kept change would otherwise hold its own copies.
import type { AccountId, Label, NameHint } from '../../model.js';

export class EvidencePool {
  private readonly shared = new Map<string, unknown>();

  /** The one frozen instance of a value, found by a key that says everything about it. */
  private share<T extends object | string>(key: string, value: T): T {
    const found = this.shared.get(key);
    if (found !== undefined) return found as T;
    this.shared.set(key, typeof value === 'string' ? value : Object.freeze(value));
    return value;
  }

  label(label: Label): Label {
    return this.share(`l\u0000${label.field}\u0000${label.key}\u0000${label.value}`, label);
  }

  nameHint(hint: NameHint): NameHint {
    return this.share(`h\u0000${hint.field}\u0000${hint.value}`, hint);
  }

  account(account: AccountId): AccountId {
    return this.share(`a\u0000${account.provider}\u0000${account.id}\u0000${account.field}`, account);
  }

  /** A list of names (a module path): the same names in the same order give the same list. */
  names(names: string[]): string[] {
    return this.share(`n\u0000${names.join('\u0000')}`, names);
  }

  text(text: string): string {
    return this.share(`t\u0000${text}`, text);
  }
}
