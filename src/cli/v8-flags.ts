// Changes V8's flags for the rest of the process, telling the compile cache (compile-cache.ts) first, so that it saves
// what has been compiled so far: V8 refuses code cached under other flags, so nothing can be saved after the change.
import { setFlagsFromString } from 'node:v8';

/** The process event emitted before the flags change; start.ts saves the compile cache on it. */
export const BEFORE_V8_FLAGS_CHANGE = 'blast-radius:before-v8-flags-change';

export function changeV8Flags(flags: string): void {
  (process as NodeJS.EventEmitter).emit(BEFORE_V8_FLAGS_CHANGE);
  setFlagsFromString(flags);
}
