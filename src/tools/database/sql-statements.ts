// Cuts a script's tokens into statements at their ends, and gives each token its nesting depth: parentheses and
// CASE … END, so a WHERE in a subquery or an ELSE in a CASE is not read as the statement's own.
import type { SqlToken } from './sql-tokens.js';

export function splitStatements(tokens: readonly SqlToken[]): SqlToken[][] {
  const statements: SqlToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'end') statements.push([]);
    else (statements.at(-1) as SqlToken[]).push(token);
  }
  return statements.filter((statement) => statement.length > 0);
}

/** The depth of each token; a closing token has the depth of what it closes. */
export function depthsOf(statement: readonly SqlToken[]): number[] {
  const depths: number[] = [];
  let depth = 0;
  let cases = 0;
  for (const token of statement) {
    const text = token.kind === 'symbol' ? token.text : token.kind === 'word' ? token.upper : '';
    if (text === ')' || (text === 'END' && cases > 0)) {
      depth = Math.max(0, depth - 1);
      if (text === 'END') cases--;
    }
    depths.push(depth);
    if (text === '(') depth++;
    else if (text === 'CASE') {
      depth++;
      cases++;
    }
  }
  return depths;
}

export function isWord(token: SqlToken | undefined, ...uppers: string[]): boolean {
  return token?.kind === 'word' && uppers.includes(token.upper);
}

export function isSymbol(token: SqlToken | undefined, text: string): boolean {
  return token?.kind === 'symbol' && token.text === text;
}
