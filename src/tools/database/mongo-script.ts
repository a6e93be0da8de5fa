// Finds the destructive calls in a mongosh or mongo script: db.dropDatabase(), a collection's drop(), deleteMany or
// remove with an empty filter, updateMany with an empty filter, and the dropDatabase and drop commands. Calls inside
// strings or comments do not run and are not counted.

/** Marks where a string literal stood in the code: `§index§` (strings are gone, so a `§` left in the code is a mark). */
const MARK = '§';

interface BlankedScript {
  code: string;
  strings: string[];
}

/** The script with comments removed and each string replaced by a mark that indexes its text. */
function blankStringsAndComments(script: string): BlankedScript {
  const strings: string[] = [];
  let code = '';
  for (let at = 0; at < script.length; at++) {
    const char = script[at];
    if (script.startsWith('//', at)) {
      const end = script.indexOf('\n', at);
      at = end < 0 ? script.length : end - 1;
    } else if (script.startsWith('/*', at)) {
      const end = script.indexOf('*/', at + 2);
      at = end < 0 ? script.length : end + 1;
      code += ' ';
    } else if (char === '"' || char === "'" || char === '`') {
      let end = at + 1;
      while (end < script.length && script[end] !== char) end += script[end] === '\\' ? 2 : 1;
      strings.push(script.slice(at + 1, end));
      code += `${MARK}${strings.length - 1}${MARK}`;
      at = end;
    } else code += char;
  }
  return { code, strings };
}

/** A collection or database name from a string: only name characters, else a placeholder. */
function shownName(name: string | undefined): string {
  return name !== undefined && /^[\w.$-]{1,64}$/.test(name) ? name : '<collection>';
}

/** What a call is made on: `db.orders`, `db.getCollection('orders')`, `db['orders']`, or a variable. */
const RECEIVER = String.raw`(?:\bdb\s*(?:\.\s*getSiblingDB\s*\([^)]*\)\s*)?(?:\.\s*getCollection\s*\(\s*§(\d+)§\s*\)|\[\s*§(\d+)§\s*\]|\.\s*([A-Za-z_$][\w$]*))|\b([A-Za-z_$][\w$]*))\s*\.\s*`;
const EMPTY_FILTER = String.raw`\(\s*(?:\{\s*\}\s*)?[,)]`;

const CALLS: { method: RegExp; shown: string }[] = [
  { method: new RegExp(`${RECEIVER}drop\\s*\\(\\s*\\)`, 'g'), shown: 'drop()' },
  { method: new RegExp(`${RECEIVER}deleteMany\\s*${EMPTY_FILTER}`, 'g'), shown: 'deleteMany({})' },
  { method: new RegExp(`${RECEIVER}remove\\s*${EMPTY_FILTER}`, 'g'), shown: 'remove({})' },
  { method: new RegExp(`${RECEIVER}updateMany\\s*\\(\\s*\\{\\s*\\}\\s*,`, 'g'), shown: 'updateMany({})' },
];

const COMMAND = /\b(?:runCommand|adminCommand)\s*\(\s*\{\s*(?:(dropDatabase|drop)|§(\d+)§)\s*:\s*(?:§(\d+)§)?/g;

export function destructiveMongo(script: string): string[] {
  const { code, strings } = blankStringsAndComments(script);
  const found: string[] = [];
  const add = (description: string): void => {
    if (!found.includes(description)) found.push(description);
  };
  if (/\.\s*dropDatabase\s*\(/.test(code)) add('db.dropDatabase()');
  for (const { method, shown } of CALLS) {
    for (const match of code.matchAll(method)) {
      const [, called, indexed, property, variable] = match;
      const quoted = called ?? indexed;
      const receiver = quoted !== undefined ? `db.${shownName(strings[Number(quoted)])}` : property !== undefined ? `db.${property}` : variable;
      if (receiver === 'db' || receiver === 'db.getSiblingDB') continue;
      add(`${receiver}.${shown}`);
    }
  }
  for (const match of code.matchAll(COMMAND)) {
    const key = match[1] ?? strings[Number(match[2])];
    if (key === 'dropDatabase') add('dropDatabase command');
    else if (key === 'drop') add(`drop command on ${shownName(match[3] === undefined ? undefined : strings[Number(match[3])])}`);
  }
  return found;
}
