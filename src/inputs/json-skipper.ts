// Loads the WebAssembly skipper (assembly/json-skipper.ts, compiled into src/generated/json-skipper.generated.ts) that
// checks and skips JSON values for the scanner, and reads back what it keeps in its memory: the path of a key written
// twice.
import { JSON_SKIPPER_WASM } from '../generated/json-skipper.generated.js';

/** What Skipper.run returns besides 0, the value checked and passed. */
export const SKIP_UNEXPECTED = 1;
export const SKIP_TRUNCATED = 2;
export const SKIP_DUPLICATE = 3;
export const SKIP_OUT_OF_MEMORY = 4;
export const SKIP_NEEDS_INPUT = 5;

// Level and key records, as assembly/json-skipper.ts lays them out.
const KIND = 0;
const COUNT = 4;
const CURRENT_KEY = 8;
const PARENT = 16;
const OBJECT = 1;
const KEY_LENGTH = 4;
const KEY_BYTES = 8;

interface WasmGlobal {
  value: number;
}

/** Members to capture while a value is skipped: keys of its object, and of the object the key at `nestedIndex` holds. */
export interface WantedMembers {
  readonly outer: readonly string[];
  readonly nestedIndex: number;
  readonly inner: readonly string[];
}

/**
 * Where a wanted member's value is: its slot (the index among the outer keys, or the number of outer keys plus the
 * index among the inner ones), where the text after its key starts and where its value ends, as offsets in the input.
 */
export interface Capture {
  slot: number;
  start: number;
  end: number;
}

// The wanted keys' header and a capture, as assembly/json-skipper.ts lays them out.
const WANTED_HEADER = 16;
const CAPTURE_SIZE = 24;

interface SkipperExports {
  memory: { buffer: ArrayBuffer };
  capturing: WasmGlobal;
  captureCount: WasmGlobal;
  mirrorBase: WasmGlobal;
  wantedKeys(): number;
  captures(): number;
  MIRROR_SIZE: WasmGlobal;
  position: WasmGlobal;
  mirrorLength: WasmGlobal;
  newlines: WasmGlobal;
  lineStart: WasmGlobal;
  wantDuplicate: WasmGlobal;
  duplicateLevel: WasmGlobal;
  run(fresh: number): number;
}

/** The part of the WebAssembly API used here (TypeScript's Node and ES libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WebAssemblyApi };
let compiled: object | undefined;

/** One skipper: its own memory, so one per scanner. `more(from)` gives it the next piece of input (see the module). */
export class Skipper {
  private readonly exports: SkipperExports;
  // Views of the module's memory, made anew after it grew.
  private view = new Uint8Array(0);
  private words = new Int32Array(0);
  private doubles = new Float64Array(0);
  readonly mirrorSize: number;
  /** Where the captures are (8-byte aligned, so that their offsets are read as doubles). */
  private readonly capturesAt: number;

  constructor(more: (from: number) => number) {
    compiled ??= new wasm.Module(Buffer.from(JSON_SKIPPER_WASM, 'base64'));
    this.exports = new wasm.Instance(compiled, { 'json-skipper': { more } }).exports as SkipperExports;
    this.mirrorSize = this.exports.MIRROR_SIZE.value;
    this.capturesAt = this.exports.captures();
  }

  /** The module's memory as bytes. */
  private bytes(): Uint8Array {
    const { buffer } = this.exports.memory;
    if (this.view.buffer !== buffer) {
      this.view = new Uint8Array(buffer);
      this.words = new Int32Array(buffer);
      this.doubles = new Float64Array(buffer);
    }
    return this.view;
  }

  get globals(): Pick<SkipperExports, 'position' | 'mirrorLength' | 'newlines' | 'lineStart' | 'wantDuplicate'> {
    return this.exports;
  }

  /** Puts `bytes` (at most mirrorSize), which start at offset `offset` of the input, into the mirror. */
  fillMirror(bytes: Uint8Array, offset: number): void {
    this.bytes().set(bytes, 0);
    this.exports.mirrorLength.value = bytes.length;
    this.exports.mirrorBase.value = offset;
  }

  /** Which members the next runs capture (undefined: none). */
  capture(wanted: WantedMembers | undefined): void {
    this.exports.capturing.value = wanted === undefined ? 0 : 1;
    if (wanted === undefined || wanted === this.wanted) return;
    this.wanted = wanted;
    const memory = this.bytes();
    const words = new DataView(memory.buffer);
    let at = this.exports.wantedKeys();
    const header = at;
    const list = (keys: readonly string[]): void => {
      for (const key of keys) {
        memory[at] = key.length;
        memory.set(Buffer.from(key, 'latin1'), at + 1);
        at += 1 + key.length;
      }
    };
    at += WANTED_HEADER;
    list(wanted.outer);
    const innerKeys = at - header;
    list(wanted.inner);
    [wanted.outer.length, wanted.nestedIndex, wanted.inner.length, innerKeys].forEach((word, i) => words.setInt32(header + 4 * i, word, true));
  }

  private wanted: WantedMembers | undefined;

  /** What the last run captured. */
  captured(): Capture[] {
    this.bytes();
    const count = this.exports.captureCount.value;
    const captures: Capture[] = [];
    for (let at = this.capturesAt; captures.length < count; at += CAPTURE_SIZE) {
      captures.push({ slot: this.words[at >> 2], start: this.doubles[(at + 8) >> 3], end: this.doubles[(at + 16) >> 3] });
    }
    return captures;
  }

  run(fresh: boolean): number {
    return this.exports.run(fresh ? 1 : 0);
  }

  /**
   * After SKIP_DUPLICATE: the path inside the skipped value to the key written twice, outermost first (the current key
   * of each object, the current index of each array, then the key).
   */
  duplicatePath(): (string | number)[] {
    const memory = this.bytes();
    const words = new DataView(memory.buffer);
    const path: (string | number)[] = [];
    for (let level = this.exports.duplicateLevel.value; level !== 0; level = words.getInt32(level + PARENT, true)) {
      if (words.getInt32(level + KIND, true) === OBJECT) {
        const key = words.getInt32(level + CURRENT_KEY, true);
        path.unshift(decodeUnits(memory.subarray(key + KEY_BYTES, key + KEY_BYTES + words.getInt32(key + KEY_LENGTH, true))));
      } else {
        path.unshift(words.getInt32(level + COUNT, true));
      }
    }
    return path;
  }
}

/** Decodes a key kept in the skipper's canonical form: every UTF-16 unit as one UTF-8 sequence of 1 to 3 bytes. */
function decodeUnits(bytes: Uint8Array): string {
  const units: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i];
    if (byte < 0x80) {
      units.push(byte);
      i += 1;
    } else if (byte < 0xe0) {
      units.push(((byte & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
      i += 2;
    } else {
      units.push(((byte & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
      i += 3;
    }
  }
  let text = '';
  // In slices: a key may be megabytes long, more arguments than one call takes.
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.slice(i, i + 8192));
  return text;
}
