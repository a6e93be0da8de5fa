// Which variables of a script hold a value the hook may rely on: those set only by plain literal assignments run in
// order at the script's top level (`A=destroy; terraform $A`). A variable set any other way (in a loop, a branch, a
// subshell, a function, by read, for, unset, printf -v, ${A:=…}) is only known at run time.
import type { Node } from 'web-tree-sitter';

/** Statements whose variables live in the script's own shell and run in the order they are written. */
const TOP_LEVEL = new Set(['program']);

/** True for `A=x` (alone, or in `export A=x`) at the script's top level, not sent to the background with `&`. */
export function isPlainAssignment(node: Node): boolean {
  if (node.type !== 'variable_assignment' || node.childForFieldName('name')?.type !== 'variable_name') return false;
  let statement = node;
  const parent = node.parent;
  if (parent?.type === 'variable_assignments') statement = parent;
  else if (parent?.type === 'declaration_command') {
    // `declare -n`, `declare -a`, `local -i` … change what the value means.
    if (parent.namedChildren.some((child) => child?.type === 'word')) return false;
    statement = parent;
  }
  if (!statement.parent || !TOP_LEVEL.has(statement.parent.type)) return false;
  return statement.nextSibling?.text !== '&';
}

/** `${A:=x}`, `${A=x}` assign as they expand. */
function assignsInExpansion(node: Node): boolean {
  return node.children.some((child) => child !== null && !child.isNamed && /^:?=$/.test(child.text));
}

export interface VariableUse {
  /** Names set other than by plain assignments, or named as words (`read A`, `unset A`, `printf -v A`). */
  unreliable: Set<string>;
  /** `set --`, `shift` or `getopts` change the positional parameters. */
  positionalChanged: boolean;
  /** IFS is set: unquoted expansions cannot be split here as bash will. */
  ifsChanged: boolean;
}

/** One pass over the whole tree, before any value is used. */
export function variableUse(root: Node): VariableUse {
  const use: VariableUse = { unreliable: new Set(), positionalChanged: false, ifsChanged: false };
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.type === 'variable_name') {
      const parent = node.parent;
      const reads = parent?.type === 'simple_expansion' || (parent?.type === 'expansion' && !assignsInExpansion(parent));
      const plain = parent?.type === 'variable_assignment' && isPlainAssignment(parent);
      if (!reads && !plain) use.unreliable.add(node.text);
      if (node.text === 'IFS' && !reads) use.ifsChanged = true;
    } else if (node.type === 'word') {
      const named = /^([A-Za-z_][A-Za-z0-9_]*)(?:\+?=|\[|$)/.exec(node.text);
      if (named) use.unreliable.add(named[1]);
      if (/^(shift|set|getopts)$/.test(node.text) && node.parent?.type === 'command_name') use.positionalChanged = true;
    }
    if (/\bIFS\b/.test(node.type === 'word' ? node.text : '')) use.ifsChanged = true;
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const child = node.namedChild(i);
      if (child) stack.push(child);
    }
  }
  return use;
}
