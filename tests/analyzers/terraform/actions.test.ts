// Terraform action lists map onto normalized actions; anything undocumented is treated as destructive.
import { mapActions, refineAction } from '../../../src/analyzers/terraform/actions.js';

describe('mapActions', () => {
  it.each([
    [['no-op'], 'no-op', undefined],
    [['create'], 'create', undefined],
    [['read'], 'read', undefined],
    [['update'], 'update', undefined],
    [['delete'], 'delete', undefined],
    [['delete', 'create'], 'replace', 'delete-first'],
    [['create', 'delete'], 'replace', 'create-first'],
    [['forget'], 'forget', undefined],
    [['create', 'forget'], 'forget', undefined],
  ])('%j → %s', (actions, action, replaceOrder) => {
    const mapped = mapActions(actions);
    expect(mapped.action).toBe(action);
    expect(mapped.replaceOrder).toBe(replaceOrder);
    expect(mapped.unrecognized).toBeUndefined();
  });

  it.each([
    [['destroy'], 'delete'],
    [['obliterate'], 'delete'],
    [['update', 'delete'], 'delete'],
    [['create', 'read', 'update', 'delete', 'no-op'], 'replace'],
    [['create', 'purge'], 'replace'],
    [['__proto__'], 'delete'],
    [['toString'], 'delete'],
  ])('treats the unknown list %j as destructive (%s)', (actions, action) => {
    const mapped = mapActions(actions);
    expect(mapped.action).toBe(action);
    expect(mapped.unrecognized).toBe(`[${actions.join(', ')}]`);
  });
});

describe('refineAction', () => {
  it('never lets a data source be destructive', () => {
    expect(refineAction('delete', { mode: 'data', importing: false })).toBe('read');
    expect(refineAction('replace', { mode: 'data', importing: false })).toBe('read');
  });

  it('keeps destructive actions of an unknown mode', () => {
    expect(refineAction('delete', { mode: 'ephemeral-future', importing: false })).toBe('delete');
  });

  it('names no-op moves and imports', () => {
    expect(refineAction('no-op', { mode: 'managed', previousAddress: 'a.b', importing: false })).toBe('move');
    expect(refineAction('no-op', { mode: 'managed', importing: true })).toBe('import');
    expect(refineAction('update', { mode: 'managed', previousAddress: 'a.b', importing: false })).toBe('update');
  });
});
