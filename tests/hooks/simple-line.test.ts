// The plain-line reader against tree-sitter-bash: on every command of the hook's tests it accepts, it gives the very
// commands (words, text, scope, pipes) the grammar gives, in the same order; and a line it accepts needs no grammar.
import type { SimpleCommand } from '../../src/hooks/invocations/invocation.js';
import { loadShellParser, parseWithGrammar, ShellSyntaxError, type Bindings } from '../../src/hooks/shell/parse.js';
import { parsePlainLine } from '../../src/hooks/shell/simple-line.js';
import { testedCommands } from './tested-commands.js';

const COMMANDS = testedCommands();
const noSubstitution = () => undefined;

/** A command as plain data: the scope's substitution callback (a closure over the grammar's nodes) left out. */
function plain(command: SimpleCommand): unknown {
  const { scope, pipedFrom, ...rest } = command;
  return {
    ...rest,
    scope: { values: scope.values, possible: scope.possible, splits: scope.splits, positional: scope.positional },
    ...(pipedFrom
      ? { pipedFrom: { text: pipedFrom.text, commands: pipedFrom.commands.map(plain), producer: pipedFrom.producer && plain(pipedFrom.producer) } }
      : {}),
  };
}

beforeAll(() => loadShellParser());

const accepted = COMMANDS.filter((command) => parsePlainLine(command, {}, noSubstitution) !== undefined);

it('reads a good share of the tested commands, and leaves quoting, expansions, redirections and syntax to the grammar', () => {
  expect(accepted.length).toBeGreaterThan(150);
  expect(accepted).toEqual(expect.arrayContaining(['terraform destroy', 'cd infra && terraform apply -auto-approve', 'ls -la']));
  for (const command of ["t''erraform destroy", '$T destroy', 'echo x > f', 'if true; then ls; fi', 'A=1 ls', 'export A=1', 'ls &', 'ls;', 'a\nb', '{ ls; }'])
    expect([command, parsePlainLine(command, {}, noSubstitution)]).toEqual([command, undefined]);
});

it.each(accepted)('reads %s as the grammar does', (command) => {
  let grammar: ReturnType<typeof parseWithGrammar> | undefined;
  try {
    grammar = parseWithGrammar(command);
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
  }
  const line = parsePlainLine(command, {}, noSubstitution);
  expect(grammar).toBeDefined();
  expect(line?.commands.map(plain)).toEqual(grammar?.commands.map(plain));
  expect(line?.functions).toEqual(grammar?.functions);
});

it('carries bindings as the grammar does: known values dropped when a word names them, positionals kept unless shifted', () => {
  const bindings: Bindings = {
    values: new Map([
      ['A', 'x'],
      ['B', 'y'],
    ]),
    possible: new Map([['C', 'z']]),
    positional: ['p1'],
  };
  for (const command of ['ls A', 'ls B && eval ls && ls', 'shift && ls', 'ls IFS', 'set -e; ls | grep x | wc -l']) {
    const line = parsePlainLine(command, bindings, noSubstitution);
    expect([command, line?.commands.map(plain)]).toEqual([command, parseWithGrammar(command, bindings).commands.map(plain)]);
  }
});
