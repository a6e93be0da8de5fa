// The catalogs of destructive CLI operations hold together: every file in src/catalog/cli-operations/ is read, each
// has the contract's shape, no command is listed twice, and the hook's pre-filter names every program they read.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CliCatalog, FlagNote, Target } from '../../src/catalog/cli-operation.js';
import { CLI_NAMES } from '../../src/hooks/prefilter.js';
import { CLI_CATALOGS } from '../../src/tools/cli/catalogs.js';
import { DATABASE_CLIENTS } from '../../src/tools/database/read-database-command.js';
import { ROOT } from '../helpers/run-cli.js';

const isFlag = (word: unknown): boolean => typeof word === 'string' && /^--?[A-Za-z0-9][\w-]*$/.test(word);
const noteOk = (note: FlagNote): boolean =>
  isFlag(note.flag) && (note.aliases ?? []).every(isFlag) && typeof note.says === 'string' && note.says.length > 3 && !note.says.endsWith('.');
const targetOk = (target: Target): boolean =>
  ('flag' in target ? isFlag(target.flag) && (target.aliases ?? []).every(isFlag) : Number.isInteger(target.positional) && target.positional >= 0) &&
  target.what.length > 0;

it('names every database client in the hook pre-filter too', () => {
  for (const client of DATABASE_CLIENTS) expect(CLI_NAMES).toContain(client);
  const catalogued = new Set([...CLI_CATALOGS.flatMap((catalog) => catalog.programs), ...DATABASE_CLIENTS]);
  expect(CLI_NAMES.filter((name) => !catalogued.has(name))).toEqual([]);
});

it('reads every catalog file of the folder', () => {
  const files = readdirSync(join(ROOT, 'src/catalog/cli-operations')).filter((file) => file.endsWith('.json'));
  expect(CLI_CATALOGS).toHaveLength(files.length);
});

describe.each(CLI_CATALOGS.map((catalog): [string, CliCatalog] => [catalog.name, catalog]))('%s', (_name, catalog) => {
  it('has the contract shape: programs, source, global options, and operations with targets and notes', () => {
    expect(catalog.programs.length).toBeGreaterThan(0);
    expect(catalog.source).toMatch(/^https:\/\//);
    expect([...catalog.globalOptions.value, ...catalog.globalOptions.switches].every(isFlag)).toBe(true);
    for (const operation of catalog.operations) {
      expect([operation.command, operation.command.every((word) => /^[a-z0-9][\w-]*$/.test(word))]).toEqual([operation.command, true]);
      expect(typeof operation.destroys === 'string' && typeof operation.holdsData === 'boolean').toBe(true);
      expect([operation.command, operation.targets.every(targetOk)]).toEqual([operation.command, true]);
      for (const notes of [operation.dataLoss, operation.keepsData, operation.dryRun])
        expect([operation.command, (notes ?? []).every(noteOk)]).toEqual([operation.command, true]);
      expect((operation.onlyWith ?? []).every(isFlag)).toBe(true);
    }
  });

  it('lists each command once', () => {
    const commands = catalog.operations.map((operation) => operation.command.join(' '));
    expect(new Set(commands).size).toBe(commands.length);
  });

  it('is named by the hook pre-filter, which loads no catalog', () => {
    for (const program of catalog.programs) expect(CLI_NAMES).toContain(program);
  });
});
