// Changes V8's flags for the rest of the process, telling the compile cache (compile-cache.ts) first, so that it saves
// what has been compiled so far: V8 refuses code cached under other flags, so nothing can be saved after the change.
// Every change of V8's flags in blast-radius goes through here; the compile cache relies on it.
import { createRequire } from 'node:module';

/** The process event emitted before the flags change; start.ts saves the compile cache on it, and not after. */
export const BEFORE_V8_FLAGS_CHANGE = 'blast-radius:before-v8-flags-change';

export function changeV8Flags(flags: string): void {
  (process as NodeJS.EventEmitter).emit(BEFORE_V8_FLAGS_CHANGE);
  // node:v8 is loaded here rather than at start-up, where requiring it cost 2 ms of every run (every hook call).
  const { setFlagsFromString } = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  setFlagsFromString(flags);
}
