// Finds the destructive statements in SQL text: DROP of a table, database, schema or keyspace; TRUNCATE; DELETE and
// UPDATE without a WHERE (or with one that is always true); ALTER TABLE … DROP COLUMN or DROP/TRUNCATE PARTITION; and
// those inside code that runs at once (`DO $$…$$`, `EXEC('…')`). DROP INDEX, DROP VIEW and DROP MATERIALIZED VIEW are
// not counted: what they remove is rebuilt from definitions, not lost data. CASCADE counts where it drops columns
// (DROP TYPE, DOMAIN or EXTENSION … CASCADE).
import { readName, readNameList, skipWords } from './sql-names.js';
import { depthsOf, isSymbol, isWord, splitStatements } from './sql-statements.js';
import { tokenizeSql, type SqlDialect, type SqlToken } from './sql-tokens.js';

/** What DROP removes with its data. */
const DATA_OBJECTS = new Set(['TABLE', 'DATABASE', 'SCHEMA', 'KEYSPACE', 'COLUMNFAMILY']);
/** DROP … CASCADE of these also drops the columns that use them. */
const CASCADE_DROPS_COLUMNS = new Set(['TYPE', 'DOMAIN', 'EXTENSION']);
/** Object kinds written in two words (`MATERIALIZED VIEW`, `FOREIGN TABLE`), none of which holds data of its own. */
const TWO_WORD_KINDS = new Set(['FOREIGN', 'MATERIALIZED', 'TEXT', 'ACCESS', 'EVENT']);
const SECOND_KIND_WORDS = new Set(['TABLE', 'VIEW', 'METHOD', 'TRIGGER', 'SEARCH', 'DATA']);
/** Words that begin the next statement where statements need no `;` (T-SQL, procedural bodies). */
const NEXT_STATEMENT = new Set([
  'DELETE',
  'UPDATE',
  'DROP',
  'TRUNCATE',
  'ALTER',
  'INSERT',
  'CREATE',
  'MERGE',
  'EXEC',
  'EXECUTE',
  'DECLARE',
  'PRINT',
  'IF',
  'ELSE',
  'SELECT',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'USE',
  'GRANT',
  'REVOKE',
  'RETURN',
  'WHILE',
]);
/** A DELETE or UPDATE after these is part of another statement (`ON DELETE`, `FOR UPDATE`, `ON CONFLICT DO UPDATE`). */
const NOT_AFTER = new Set(['ON', 'OF', 'OR', 'FOR', 'AFTER', 'BEFORE', 'INSTEAD', 'ALSO', 'DO', 'KEY', 'GRANT', 'REVOKE', 'DENY']);
/** Statements whose DELETE, UPDATE or DROP words do not run now. */
const NOTHING_RUNS = new Set(['GRANT', 'REVOKE', 'DENY', 'COMMENT', 'PREPARE']);
/** CREATE of these stores code that runs later. */
const STORED_CODE = new Set(['PROCEDURE', 'PROC', 'FUNCTION', 'TRIGGER', 'RULE', 'EVENT', 'POLICY', 'VIEW']);
/** What `ALTER TABLE … DROP` removes without losing rows or columns. */
const NOT_A_COLUMN = new Set([
  'CONSTRAINT',
  'INDEX',
  'KEY',
  'PRIMARY',
  'FOREIGN',
  'CHECK',
  'DEFAULT',
  'NOT',
  'IDENTITY',
  'EXPRESSION',
  'TRIGGER',
  'PERIOD',
  'SYSTEM',
  'UNIQUE',
  'FULLTEXT',
  'SPATIAL',
]);
/** Words that start another action in an ALTER TABLE list. */
const ALTER_ACTIONS = new Set(['ADD', 'DROP', 'ALTER', 'MODIFY', 'CHANGE', 'RENAME', 'SET', 'WITH', 'ENABLE', 'DISABLE']);
/** A WHERE that keeps every row. */
const ALWAYS_TRUE = new Set(['TRUE', '1', '1=1', 'NOT FALSE', '1<>0', '1!=0']);
/** How deep code that runs code (`DO`, `EXEC`) is followed. */
const MAX_NESTING = 3;

export interface SqlFindings {
  destructive: string[];
  /** Files the text includes (psql `\i`, mysql `source`, sqlcmd `:r`). */
  includes: string[];
}

interface Statement {
  tokens: readonly SqlToken[];
  depths: readonly number[];
  head: string;
}

/** The statement's first word, and whether it is a CREATE of code that runs later (a procedure, a trigger …). */
function headOf(tokens: readonly SqlToken[]): { head: string; storesCode: boolean } {
  const words = tokens.filter((token) => token.kind === 'word').map((token) => (token as { upper: string }).upper);
  const head = words[0] ?? '';
  return { head, storesCode: head === 'CREATE' && words.slice(1, 6).some((word) => STORED_CODE.has(word)) };
}

/** Whether the word at `at` starts a statement of its own (not `ON DELETE`, not `GRANT … DELETE`). */
function startsStatement(statement: Statement, at: number): boolean {
  const { tokens, head } = statement;
  const word = tokens[at] as { upper: string };
  const before = tokens[at - 1];
  if (at === 0 || isSymbol(before, '(')) return at === 0 || word.upper === 'DELETE' || word.upper === 'UPDATE';
  if (isSymbol(before, ',') || (before?.kind === 'word' && NOT_AFTER.has(before.upper))) return false;
  if (head === 'MERGE' && isWord(before, 'THEN')) return false;
  if (head === 'ALTER' && word.upper !== 'ALTER') return false;
  return true;
}

/** Where the statement that starts at `at` ends: at the level's close, or at a word that begins another. */
function spanEnd(statement: Statement, at: number, kind: string): number {
  const { tokens, depths } = statement;
  const level = depths[at];
  for (let next = at + 1; next < tokens.length; next++) {
    if (depths[next] < level) return next;
    const token = tokens[next];
    if (depths[next] !== level || token.kind !== 'word' || !NEXT_STATEMENT.has(token.upper) || isSymbol(tokens[next + 1], '(')) continue;
    if (kind === 'ALTER' && (token.upper === 'DROP' || token.upper === 'TRUNCATE' || token.upper === 'ALTER')) continue;
    if (startsStatement(statement, next) || kind === 'ALTER') return next;
  }
  return tokens.length;
}

function findWord(statement: Statement, from: number, end: number, upper: string): number {
  const level = statement.depths[from - 1] ?? 0;
  for (let at = from; at < end; at++) if (statement.depths[at] === level && isWord(statement.tokens[at], upper)) return at;
  return -1;
}

function whereProblem(statement: Statement, at: number, end: number): string | undefined {
  const where = findWord(statement, at + 1, end, 'WHERE');
  if (where < 0) return 'without WHERE';
  const condition: string[] = [];
  for (let next = where + 1; next < end && !isWord(statement.tokens[next], 'RETURNING', 'ORDER', 'LIMIT', 'OUTPUT', 'OPTION'); next++) {
    const token = statement.tokens[next];
    condition.push(token.kind === 'word' ? token.upper : token.kind === 'symbol' ? token.text : '?');
  }
  const joined = condition.join(' ').replace(/ ?([=<>!]+) ?/g, '$1');
  return ALWAYS_TRUE.has(joined) ? 'with a WHERE that is always true' : undefined;
}

/** `TOP (10)`, `LOW_PRIORITY`, `ONLY` …: words between DELETE/UPDATE and the table. */
function skipModifiers(tokens: readonly SqlToken[], at: number): number {
  let next = at;
  for (;;) {
    if (isWord(tokens[next], 'LOW_PRIORITY', 'QUICK', 'IGNORE', 'ONLY')) next++;
    else if (isWord(tokens[next], 'TOP')) {
      next++;
      if (isSymbol(tokens[next], '(')) while (next < tokens.length && !isSymbol(tokens[next], ')')) next++;
      next++;
    } else return next;
  }
}

function judgeDrop(statement: Statement, at: number, end: number): string | undefined {
  const { tokens } = statement;
  if (isWord(tokens[at + 1], 'TEMPORARY', 'TEMP')) return undefined;
  if (isWord(tokens[at + 1], 'OWNED') && isWord(tokens[at + 2], 'BY')) return `DROP OWNED BY ${readNameList(tokens, at + 3).names.join(', ')}`.trim();
  const first = tokens[at + 1];
  if (first?.kind !== 'word') return undefined;
  const twoWords = TWO_WORD_KINDS.has(first.upper) && isWord(tokens[at + 2], ...SECOND_KIND_WORDS);
  const kind = twoWords ? `${first.upper} ${(tokens[at + 2] as { upper: string }).upper}` : first.upper;
  const { names } = readNameList(tokens, skipWords(tokens, at + (twoWords ? 3 : 2), ['IF', 'EXISTS']));
  const named = [`DROP ${kind}`, names.join(', ')].filter((part) => part !== '').join(' ');
  if (DATA_OBJECTS.has(kind)) return named;
  return CASCADE_DROPS_COLUMNS.has(kind) && findWord(statement, at + 1, end, 'CASCADE') >= 0 ? `${named} CASCADE` : undefined;
}

/** The names one ALTER TABLE action takes (`DROP COLUMN a, b`), up to the next action (`, DROP INDEX i`). */
function readActionList(tokens: readonly SqlToken[], at: number): string[] {
  const names: string[] = [];
  let next = at;
  for (;;) {
    const read = readName(tokens, next);
    if (read.name === undefined) return names;
    names.push(read.name);
    const after = tokens[read.next + 1];
    if (!isSymbol(tokens[read.next], ',') || (after?.kind === 'word' && ALTER_ACTIONS.has(after.upper))) return names;
    next = read.next + 1;
  }
}

function judgeAlter(statement: Statement, at: number, end: number): string[] {
  const { tokens } = statement;
  if (!isWord(tokens[at + 1], 'TABLE')) return [];
  const table = readName(tokens, skipWords(tokens, at + 2, ['IF', 'EXISTS'], ['ONLY']));
  const found: string[] = [];
  for (let next = table.next; next < end; next++) {
    if (statement.depths[next] !== statement.depths[at]) continue;
    if (isWord(tokens[next], 'TRUNCATE', 'DROP') && isWord(tokens[next + 1], 'PARTITION')) {
      const partitions = readActionList(tokens, next + 2);
      found.push(`ALTER TABLE ${table.name ?? ''} ${(tokens[next] as { upper: string }).upper} PARTITION ${partitions.join(', ')}`.trim());
    } else if (isWord(tokens[next], 'DROP')) {
      const column = skipWords(tokens, next + 1, ['COLUMN'], ['IF', 'EXISTS']);
      const target = tokens[column];
      if (target === undefined || (target.kind === 'word' && NOT_A_COLUMN.has(target.upper))) continue;
      const columns = readActionList(tokens, isSymbol(target, '(') ? column + 1 : column);
      if (columns.length > 0) found.push(`ALTER TABLE ${table.name ?? ''} DROP COLUMN ${columns.join(', ')}`);
    }
  }
  return found;
}

function judge(statement: Statement, at: number): string[] {
  const { tokens } = statement;
  const word = (tokens[at] as { upper: string }).upper;
  const end = spanEnd(statement, at, word);
  switch (word) {
    case 'DROP': {
      const found = judgeDrop(statement, at, end);
      return found === undefined ? [] : [found];
    }
    case 'TRUNCATE': {
      if (isWord(tokens[at + 1], 'PARTITION')) return [];
      const { names } = readNameList(tokens, skipWords(tokens, at + 1, ['TABLE']));
      return [['TRUNCATE', names.join(', ')].filter((part) => part !== '').join(' ')];
    }
    case 'DELETE': {
      const from = findWord(statement, at + 1, end, 'FROM');
      const table = readName(tokens, skipModifiers(tokens, from >= 0 ? from + 1 : skipModifiers(tokens, at + 1))).name;
      const problem = whereProblem(statement, at, end);
      return problem === undefined ? [] : [`DELETE FROM ${table ?? '?'} ${problem}`];
    }
    case 'UPDATE': {
      const table = readName(tokens, skipModifiers(tokens, at + 1)).name;
      const problem = whereProblem(statement, at, end);
      return problem === undefined || !findWordAnywhere(statement, at, end, 'SET') ? [] : [`UPDATE ${table ?? '?'} ${problem}`];
    }
    case 'ALTER':
      return judgeAlter(statement, at, end);
    default:
      return [];
  }
}

function findWordAnywhere(statement: Statement, from: number, end: number, upper: string): boolean {
  return statement.tokens.slice(from, end).some((token) => isWord(token, upper));
}

/** Strings that `EXEC`/`EXECUTE` runs (`EXEC('…')`, `EXEC sp_executesql N'…'`, PL/pgSQL `EXECUTE '…' || …`). */
function executedStrings(tokens: readonly SqlToken[]): string[] {
  const bodies: string[] = [];
  tokens.forEach((token, at) => {
    if (!isWord(token, 'EXEC', 'EXECUTE')) return;
    for (let next = at + 1; next < tokens.length; next++) {
      const each = tokens[next];
      if (each.kind === 'string') bodies.push(each.body);
      else if (!(isSymbol(each, '(') || isSymbol(each, '+') || isSymbol(each, '|') || isWord(each, 'N', 'SP_EXECUTESQL', 'IMMEDIATE'))) break;
    }
  });
  return bodies;
}

function findInText(text: string, dialect: SqlDialect, nesting: number, findings: SqlFindings): void {
  const { tokens, includes } = tokenizeSql(text, dialect);
  findings.includes.push(...includes);
  for (const statementTokens of splitStatements(tokens)) {
    const { head, storesCode } = headOf(statementTokens);
    const statement: Statement = { tokens: statementTokens, depths: depthsOf(statementTokens), head };
    if (nesting < MAX_NESTING) {
      const bodies = head === 'DO' ? statementTokens.flatMap((token) => (token.kind === 'string' ? [token.body] : [])) : executedStrings(statementTokens);
      for (const body of bodies) findInText(body, dialect, nesting + 1, findings);
    }
    if (NOTHING_RUNS.has(head) || storesCode) continue;
    if (head === 'EXPLAIN' && !statementTokens.some((token) => isWord(token, 'ANALYZE'))) continue;
    statementTokens.forEach((token, at) => {
      if (token.kind !== 'word' || !['DROP', 'TRUNCATE', 'DELETE', 'UPDATE', 'ALTER'].includes(token.upper)) return;
      if (!startsStatement(statement, at)) return;
      for (const found of judge(statement, at)) if (!findings.destructive.includes(found)) findings.destructive.push(found);
    });
  }
}

/** The destructive statements in a script, by description, and the files it includes. */
export function destructiveSql(text: string, dialect: SqlDialect): SqlFindings {
  const findings: SqlFindings = { destructive: [], includes: [] };
  findInText(text, dialect, 0, findings);
  return findings;
}
