// Every string written in the hook's tests (the command corpus, and every literal of the unit and end-to-end hook
// tests): the commands that tests of a second reading of commands (the shell pre-filter, the plain-line reader) try.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers/run-cli.js';
import { CORPUS } from './command-corpus.js';

/** Test files of second readings are left out: their own strings are built to test them. */
const SECOND_READINGS = ['prefilter-command.test.ts', 'simple-line.test.ts', 'tested-commands.ts'];

export function testedCommands(): string[] {
  const files = [
    ...readdirSync(join(ROOT, 'tests/hooks')).map((name) => join(ROOT, 'tests/hooks', name)),
    ...readdirSync(join(ROOT, 'tests/e2e'))
      .filter((name) => name.startsWith('hook'))
      .map((name) => join(ROOT, 'tests/e2e', name)),
  ].filter((file) => file.endsWith('.ts') && !SECOND_READINGS.some((name) => file.endsWith(name)));
  const strings = new Set(CORPUS.map((row) => row.command));
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...strings];
}
