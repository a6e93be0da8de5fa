// Tells whether a loaded YAML document expands beyond a number of nodes: js-yaml resolves an alias to the anchored
// object itself, so `[*a, *a, …]` nested a few levels loads cheaply but expands to billions of nodes (or loops)
// for whoever walks it. The walk is iterative, so deep nesting cannot exhaust the stack either.
export function expandsBeyond(document: unknown, budget: number): boolean {
  const stack: unknown[] = [document];
  let nodes = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (++nodes > budget) return true;
    if (node === null || typeof node !== 'object' || node instanceof Date || ArrayBuffer.isView(node)) continue;
    for (const child of Object.values(node)) stack.push(child);
  }
  return false;
}
