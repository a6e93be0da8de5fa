// Reads JSON from a byte source in bounded memory: checks every byte of every value is well-formed JSON, skips the
// values a caller does not need without building them, hands only the ones it asks for to JSON.parse, and notes the
// first key written twice in one object (refuseDuplicateKey refuses it once the input is read).
import { isAscii } from 'node:buffer';
import { InputError } from '../errors.js';
import { duplicateKeyError, type JsonPath } from './duplicate-keys.js';
import {
  SKIP_DUPLICATE,
  SKIP_NEEDS_INPUT,
  SKIP_OUT_OF_MEMORY,
  SKIP_TRUNCATED,
  SKIP_UNEXPECTED,
  Skipper,
  type Capture,
  type WantedMembers,
} from './json-skipper.js';

/** Hands out the input a chunk at a time (each valid until the next read); `null` at the end. */
export interface ByteSource {
  read(): Buffer | null;
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const END_OF_INPUT = -1;

const HEX_DIGIT = new Uint8Array(256).map((_, byte) => (/[0-9a-fA-F]/.test(String.fromCharCode(byte)) ? 1 : 0));
const SIMPLE_ESCAPE = new Uint8Array(256).map((_, byte) => ('"\\/bfnrt'.includes(String.fromCharCode(byte)) ? 1 : 0));

/** 32-bit FNV-1a over a key's bytes: equal keys hash alike; keys of one hash are compared byte by byte. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Up to this many keys, an object's keys are searched one by one; beyond it, through a Map of their hashes. */
const KEYS_SEARCHED_IN_ORDER = 32;

function fnv1a(bytes: Buffer): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
  return hash;
}

/** How many UTF-16 units (JavaScript characters, what a column counts) the UTF-8 bytes decode to. */
const utf16Length = (bytes: Buffer): number => (isAscii(bytes) ? bytes.length : bytes.toString('utf8').length);

/**
 * A pull reader over one input: the caller walks the members it cares about (`readObject`, `readArray`) and parses
 * (`parseValue`) or skips (`skipValue`) each value. Only the bytes of the value being captured stay in memory.
 * Errors name the input and give a line and column, never an excerpt: the input may hold secrets.
 */
export class JsonScanner {
  /** Memory the input passes through; `buffer` is its filled part. */
  private window: Buffer = Buffer.allocUnsafe(0);
  private buffer: Buffer = this.window;
  private position = 0;
  /** Absolute offset of buffer[0] in the input. */
  private base = 0;
  /** Absolute offsets where captures began, oldest first: bytes from the first one on are kept. */
  private readonly marks: number[] = [];
  private line = 1;
  /** Absolute offset where the current line starts, and the UTF-16 length of its part already dropped. */
  private lineStart = 0;
  private droppedLineUnits = 0;
  private ended = false;
  /** Checks and skips values (made on first use), and the absolute offset of the first byte of its mirror. */
  private skipper: Skipper | undefined;
  private mirrorStart = 0;

  // Keys written twice. Every container readObject and readArray open, outermost first, is a level (those inside a
  // skipped value are the skipper's). The keys of every open object are kept (innermost last, as JSON writes them) in
  // keyBytes, with per key its FNV-1a hash, where its bytes end and whether they hold escapes: memory grows with the
  // keys of the objects open at once, never with the input.
  /** Containers open in readObject and readArray. */
  private levels = 0;
  /**
   * Per level: 1 for an object; where its keys start among the kept ones (an array's, where its objects' start); how
   * many keys it has (objects) or its current element (arrays); how many of its keys its Map holds (objects).
   */
  private levelIsObject = new Uint8Array(64);
  private levelFirstKey = new Int32Array(64);
  private levelCount = new Int32Array(64);
  private levelMapped = new Int32Array(64);
  /** Per level, reused: hash to key, for objects of more than KEYS_SEARCHED_IN_ORDER keys. */
  private readonly levelMaps: Map<number, number>[] = [];
  private keyHashes = new Int32Array(256);
  private keyEnds = new Int32Array(256);
  private keyEscaped = new Uint8Array(256);
  private keyBytes: Buffer = Buffer.allocUnsafe(4096);
  /** The path of the first key written twice, if any. */
  private duplicate: JsonPath | undefined;

  constructor(
    private readonly source: ByteSource,
    /** The input's name, as errors give it. */
    readonly name: string,
  ) {}

  /** Absolute offset of the next byte: how much of the input has been read. */
  get offset(): number {
    return this.base + this.position;
  }

  // ---- errors ----

  truncated(): never {
    throw new InputError(`${this.name} ends before its JSON is complete: the file is truncated.`);
  }

  /** The next byte does not belong here; the message gives its line and column (in characters, from 1). */
  unexpected(): never {
    const lineStartInBuffer = this.lineStart - this.base;
    const units = this.droppedLineUnits + utf16Length(this.buffer.subarray(Math.max(0, lineStartInBuffer), this.position));
    throw new InputError(`${this.name} is not valid JSON at line ${this.line}, column ${units + 1}.`);
  }

  // ---- the window over the input ----

  /**
   * Reads the next chunk into the window, after the bytes a capture still needs (moved to its start); false at the
   * end of the input. The window is reused, and grows only when one captured value outgrows it.
   */
  private fill(): boolean {
    if (this.ended) return false;
    const chunk = this.source.read();
    if (chunk === null) {
      this.ended = true;
      return false;
    }
    const keepFrom = (this.marks.length > 0 ? this.marks[0] : this.offset) - this.base;
    const lineStartInBuffer = this.lineStart - this.base;
    if (keepFrom > lineStartInBuffer) this.droppedLineUnits += utf16Length(this.buffer.subarray(Math.max(0, lineStartInBuffer), keepFrom));
    const kept = this.buffer.length - keepFrom;
    const needed = kept + chunk.length;
    if (needed > this.window.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.window.length * 2));
      this.buffer.copy(grown, 0, keepFrom);
      this.window = grown;
    } else {
      this.window.copyWithin(0, keepFrom, this.buffer.length);
    }
    chunk.copy(this.window, kept);
    this.buffer = this.window.subarray(0, needed);
    this.base += keepFrom;
    this.position -= keepFrom;
    return true;
  }

  /** Makes at least `count` bytes available from the position; false when the input ends first. */
  private ensure(count: number): boolean {
    while (this.buffer.length - this.position < count) if (!this.fill()) return false;
    return true;
  }

  /** Skips whitespace and returns the next byte without consuming it, or END_OF_INPUT. */
  peek(): number {
    for (;;) {
      const buffer = this.buffer;
      const length = buffer.length;
      let position = this.position;
      while (position < length) {
        const byte = buffer[position];
        if (byte === 0x20 || byte === 0x09 || byte === 0x0d) {
          position++;
        } else if (byte === NEWLINE) {
          position++;
          this.line++;
          this.lineStart = this.base + position;
          this.droppedLineUnits = 0;
        } else {
          this.position = position;
          return byte;
        }
      }
      this.position = position;
      if (!this.fill()) return END_OF_INPUT;
    }
  }

  /** Like peek, but the end of the input is a truncation. */
  private peekInside(): number {
    const byte = this.peek();
    if (byte === END_OF_INPUT) this.truncated();
    return byte;
  }

  // ---- walking objects and arrays ----

  /** True when another top-level document follows (a stream of concatenated plans). */
  hasDocument(): boolean {
    return this.peek() !== END_OF_INPUT;
  }

  /**
   * When the next value is an object, calls `member(key)` for each member (which must read or skip its value) and
   * returns true; otherwise returns false and leaves the value to the caller.
   */
  readObject(member: (key: string) => void): boolean {
    if (this.peekInside() !== OPEN_OBJECT) return false;
    this.position++;
    const level = this.openLevel(true);
    for (let first = true; this.atKey(first); first = false) {
      this.position = this.scanKey(this.position, level);
      const key = this.keyText(this.lastKey(level));
      this.colon();
      member(key);
    }
    this.closeLevel();
    return true;
  }

  /**
   * Like readObject, but `member` gets the index of the key in `keys` (-1 for any other key): comparing bytes costs
   * less than decoding every key of every resource change.
   */
  readObjectOf(keys: readonly Buffer[], member: (index: number) => void): boolean {
    if (this.peekInside() !== OPEN_OBJECT) return false;
    this.position++;
    const level = this.openLevel(true);
    for (let first = true; this.atKey(first); first = false) {
      this.position = this.scanKey(this.position, level);
      const index = this.keyIndex(keys, this.lastKey(level));
      this.colon();
      member(index);
    }
    this.closeLevel();
    return true;
  }

  /** When the next value is an array, calls `element(index)` for each element and returns true; else false. */
  readArray(element: (index: number) => void): boolean {
    if (this.peekInside() !== OPEN_ARRAY) return false;
    this.position++;
    const level = this.openLevel(false);
    for (let index = 0; this.atElement(index === 0); index++) {
      this.levelCount[level] = index;
      element(index);
    }
    this.closeLevel();
    return true;
  }

  /** The index in `keys` of the kept key `key`, or -1. */
  private keyIndex(keys: readonly Buffer[], key: number): number {
    if (this.keyEscaped[key] === 1) {
      const text = this.keyText(key);
      return keys.findIndex((candidate) => candidate.toString() === text);
    }
    const from = this.keyStart(key);
    const size = this.keyEnds[key] - from;
    for (let i = 0; i < keys.length; i++) {
      const candidate = keys[i];
      if (candidate.length !== size) continue;
      let same = true;
      for (let j = 0; j < size && same; j++) same = candidate[j] === this.keyBytes[from + j];
      if (same) return i;
    }
    return -1;
  }

  /** Moves to the next element of an array: true there, false after its closing `]`. */
  private atElement(first: boolean): boolean {
    const byte = this.peekInside();
    if (byte === CLOSE_ARRAY) {
      this.position++;
      return false;
    }
    if (!first) {
      if (byte !== COMMA) this.unexpected();
      this.position++;
      this.peekInside();
    }
    return true;
  }

  /** Moves to the next key of an object: true there, false after its closing `}`. */
  private atKey(first: boolean): boolean {
    let byte = this.peekInside();
    if (byte === CLOSE_OBJECT) {
      this.position++;
      return false;
    }
    if (!first) {
      if (byte !== COMMA) this.unexpected();
      this.position++;
      byte = this.peekInside();
    }
    if (byte !== QUOTE) this.unexpected();
    return true;
  }

  private colon(): void {
    if (this.peekInside() !== COLON) this.unexpected();
    this.position++;
  }

  /** Checks and decodes the string at the position: JSON.parse only when it holds escapes. */
  private readString(): string {
    const start = this.mark();
    const escaped = this.skipString();
    const from = start - this.base;
    this.release();
    return escaped ? (JSON.parse(this.buffer.toString('utf8', from, this.position)) as string) : this.buffer.toString('utf8', from + 1, this.position - 1);
  }

  // ---- capturing ----

  /** Starts keeping bytes from the next value on; returns its absolute offset. */
  mark(): number {
    this.peekInside();
    this.marks.push(this.offset);
    return this.offset;
  }

  release(): void {
    this.marks.pop();
  }

  /** The bytes from a mark up to the position: valid until the scanner reads on. */
  capturedSince(mark: number): Buffer {
    return this.buffer.subarray(mark - this.base, this.position);
  }

  /** Checks and captures the next value, and returns it parsed. */
  parseValue(): unknown {
    if (this.peekInside() === QUOTE) return this.readString();
    const start = this.mark();
    this.skipValue();
    const text = this.buffer.toString('utf8', start - this.base, this.position);
    this.release();
    return JSON.parse(text);
  }

  // ---- checking values byte by byte ----

  /**
   * Checks the next value (of any depth) and moves past it: the hot path of the whole tool, run in WebAssembly
   * (src/inputs/json-skipper.ts), which reads a copy of the window a piece at a time (the mirror) and asks for the
   * next piece through moreForSkipper. V8 compiles it at once to machine code, where this loop in JavaScript ran
   * interpreted for the first megabytes of every plan.
   */
  skipValue(): void {
    this.skip(undefined);
  }

  /**
   * Skips the next value as skipValue does, and returns where in it the values of the wanted members are: a caller
   * parses those alone (see Capture).
   */
  skipCapturing(wanted: WantedMembers): Capture[] {
    return this.skip(wanted).captured();
  }

  private skip(wanted: WantedMembers | undefined): Skipper {
    const skipper = (this.skipper ??= new Skipper((from) => this.moreForSkipper(from)));
    skipper.capture(wanted);
    const globals = skipper.globals;
    const offset = this.offset;
    if (offset < this.mirrorStart || offset >= this.mirrorStart + globals.mirrorLength.value) this.mirrorFrom(offset);
    globals.position.value = offset - this.mirrorStart;
    globals.wantDuplicate.value = this.duplicate === undefined ? 1 : 0;
    let outcome = skipper.run(true);
    while (outcome === SKIP_DUPLICATE || outcome === SKIP_NEEDS_INPUT) {
      if (outcome === SKIP_DUPLICATE) {
        this.duplicate = [...this.pathAround(this.levels), ...skipper.duplicatePath()];
      } else if (this.moreForSkipper(globals.position.value) === 0) {
        outcome = SKIP_TRUNCATED;
        break;
      } else {
        globals.position.value = 0;
      }
      outcome = skipper.run(false);
    }
    this.takeNewlines();
    this.position = this.mirrorStart + globals.position.value - this.base;
    if (outcome === SKIP_UNEXPECTED) this.unexpected();
    if (outcome === SKIP_TRUNCATED) this.truncated();
    if (outcome === SKIP_OUT_OF_MEMORY) throw new InputError(`${this.name} nests or repeats keys deeper than blast-radius can hold in memory.`);
    return skipper;
  }

  /** Makes the skipper's mirror a copy of the window from absolute offset `offset` on. */
  private mirrorFrom(offset: number): void {
    const skipper = this.skipper!;
    const from = offset - this.base;
    skipper.fillMirror(this.buffer.subarray(from, Math.min(this.buffer.length, from + skipper.mirrorSize)), offset);
    this.mirrorStart = offset;
  }

  /**
   * The skipper's more(): the mirror is to start at its byte `from` and hold at least one byte past its end, read
   * into the window first when the window has none; 0 at the end of the input.
   */
  private moreForSkipper(from: number): number {
    this.takeNewlines();
    const mirrorEnd = this.mirrorStart + this.skipper!.globals.mirrorLength.value;
    const offset = this.mirrorStart + from;
    this.position = offset - this.base;
    while (mirrorEnd - this.base >= this.buffer.length) if (!this.fill()) return 0;
    this.mirrorFrom(offset);
    return 1;
  }

  /** Counts the lines the skipper passed. */
  private takeNewlines(): void {
    const globals = this.skipper!.globals;
    if (globals.newlines.value === 0) return;
    this.line += globals.newlines.value;
    this.lineStart = this.mirrorStart + globals.lineStart.value;
    this.droppedLineUnits = 0;
    globals.newlines.value = 0;
  }

  // ---- keys written twice ----

  /** The path of the first key written twice in one object, once the input is read; undefined when there is none. */
  get duplicateKey(): JsonPath | undefined {
    return this.duplicate;
  }

  /** Refuses the input when one of its objects writes a key twice: called once the input is read, as JSON errors anywhere come first. */
  refuseDuplicateKey(): void {
    if (this.duplicate !== undefined) throw duplicateKeyError(this.name, this.duplicate);
  }

  private openLevel(isObject: boolean): number {
    const level = this.levels++;
    this.prepareLevel(level, isObject);
    return level;
  }

  private closeLevel(): void {
    this.levels--;
  }

  private prepareLevel(level: number, isObject: boolean): void {
    if (level === this.levelIsObject.length) {
      const grow = <T extends Uint8Array | Int32Array>(array: T, bigger: T): T => {
        bigger.set(array);
        return bigger;
      };
      this.levelIsObject = grow(this.levelIsObject, new Uint8Array(level * 2));
      this.levelFirstKey = grow(this.levelFirstKey, new Int32Array(level * 2));
      this.levelCount = grow(this.levelCount, new Int32Array(level * 2));
      this.levelMapped = grow(this.levelMapped, new Int32Array(level * 2));
    }
    this.levelIsObject[level] = isObject ? 1 : 0;
    // The keys of an object go after the current key of every object around it.
    const outer = level - 1;
    this.levelFirstKey[level] = outer < 0 ? 0 : this.levelFirstKey[outer] + (this.levelIsObject[outer] === 1 ? this.levelCount[outer] : 0);
    this.levelCount[level] = 0;
    this.levelMapped[level] = 0;
  }

  /** The newest key of the object at `level`. */
  private lastKey(level: number): number {
    return this.levelFirstKey[level] + this.levelCount[level] - 1;
  }

  private keyStart(key: number): number {
    return key > 0 ? this.keyEnds[key - 1] : 0;
  }

  /** What the key decodes to. */
  private keyText(key: number): string {
    const raw = this.keyBytes.toString('utf8', this.keyStart(key), this.keyEnds[key]);
    return this.keyEscaped[key] === 1 ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /**
   * Checks the key whose quote is at `quoteAt` (in the buffer), keeps it as the newest key of the object at `level`,
   * and notes it when that object has it already; returns the position after its closing quote (the window may move).
   */
  private scanKey(quoteAt: number, level: number): number {
    const key = this.levelFirstKey[level] + this.levelCount[level];
    let bytes = this.keyBytes;
    let top = this.keyStart(key);
    let hash = FNV_OFFSET;
    let escaped = false;
    let position = quoteAt + 1;
    for (;;) {
      const buffer = this.buffer;
      const length = buffer.length;
      while (position < length) {
        const byte = buffer[position];
        if (byte === QUOTE || byte === BACKSLASH || byte < 0x20) break;
        hash = Math.imul(hash ^ byte, FNV_PRIME);
        if (top === bytes.length) bytes = this.growKeyBytes();
        bytes[top++] = byte;
        position++;
      }
      if (position === length) {
        this.position = position;
        if (!this.fill()) this.truncated();
        position = this.position;
        continue;
      }
      const byte = buffer[position];
      if (byte === QUOTE) break;
      this.position = position;
      if (byte !== BACKSLASH) this.unexpected();
      const escapeAt = this.base + position;
      this.skipEscape();
      for (let at = escapeAt - this.base; at < this.position; at++) {
        if (top === bytes.length) bytes = this.growKeyBytes();
        bytes[top++] = this.buffer[at];
      }
      escaped = true;
      position = this.position;
    }
    this.position = position + 1;
    this.addKey(level, key, top, hash, escaped);
    return position + 1;
  }

  /**
   * Keeps key `key` of the object at `level`, whose bytes end at `end` and hash to `hash` (unless they hold escapes),
   * and notes it when the object has it already.
   */
  private addKey(level: number, key: number, end: number, hash: number, escaped: boolean): void {
    if (key === this.keyEnds.length) this.growKeys();
    this.keyEnds[key] = end;
    this.keyEscaped[key] = escaped ? 1 : 0;
    // A key with escapes hashes as the bytes it decodes to, like the same key written without them.
    const keyHash = escaped ? fnv1a(Buffer.from(this.keyText(key), 'utf8')) : hash;
    this.keyHashes[key] = keyHash;
    const first = this.levelFirstKey[level];
    this.levelCount[level] = key - first + 1;
    if (
      this.duplicate === undefined &&
      (key - first <= KEYS_SEARCHED_IN_ORDER ? this.findKey(first, key, keyHash) : this.findMappedKey(level, first, key, keyHash)) >= 0
    ) {
      this.duplicate = this.pathTo(level, key);
    }
  }

  private growKeyBytes(): Buffer {
    const grown = Buffer.allocUnsafe(this.keyBytes.length * 2);
    this.keyBytes.copy(grown);
    this.keyBytes = grown;
    return grown;
  }

  private growKeys(): void {
    const size = this.keyEnds.length * 2;
    const hashes = new Int32Array(size);
    hashes.set(this.keyHashes);
    this.keyHashes = hashes;
    const ends = new Int32Array(size);
    ends.set(this.keyEnds);
    this.keyEnds = ends;
    const escaped = new Uint8Array(size);
    escaped.set(this.keyEscaped);
    this.keyEscaped = escaped;
  }

  /** An earlier key among first..key - 1 equal to `key`, or -1. */
  private findKey(first: number, key: number, hash: number): number {
    for (let i = first; i < key; i++) if (this.keyHashes[i] === hash && this.sameKey(i, key)) return i;
    return -1;
  }

  /** Like findKey, through the Map of the object's key hashes, brought up to date first. */
  private findMappedKey(level: number, first: number, key: number, hash: number): number {
    let map = this.levelMaps[level];
    if (map === undefined) {
      map = new Map();
      this.levelMaps[level] = map;
    }
    let mapped = this.levelMapped[level];
    if (mapped === 0) map.clear();
    for (; first + mapped < key; mapped++) map.set(this.keyHashes[first + mapped], first + mapped);
    this.levelMapped[level] = mapped;
    const candidate = map.get(hash);
    if (candidate === undefined) return -1;
    // The Map holds the last key of each hash: another key of the same hash may be the one.
    return this.sameKey(candidate, key) ? candidate : this.findKey(first, key, hash);
  }

  private sameKey(a: number, b: number): boolean {
    if (this.keyEscaped[a] === 1 || this.keyEscaped[b] === 1) return this.keyText(a) === this.keyText(b);
    return this.keyBytes.compare(this.keyBytes, this.keyStart(a), this.keyEnds[a], this.keyStart(b), this.keyEnds[b]) === 0;
  }

  /** The path to `key` of the object at `level`: the current key or index of every level around it. */
  private pathTo(level: number, key: number): JsonPath {
    return [...this.pathAround(level), this.keyText(key)];
  }

  /** The current key or index of each of the levels below `level`, outermost first. */
  private pathAround(level: number): JsonPath {
    const path: JsonPath = [];
    for (let outer = 0; outer < level; outer++) {
      path.push(this.levelIsObject[outer] === 1 ? this.keyText(this.lastKey(outer)) : this.levelCount[outer]);
    }
    return path;
  }

  /** Moves past a string at the position; returns whether it holds escapes. */
  private skipString(): boolean {
    const before = this.escapes;
    this.position = this.skipStringAt(this.position);
    return this.escapes !== before;
  }

  /** Escapes seen so far: tells a caller whether a string needs JSON.parse to decode. */
  private escapes = 0;

  /** Scans the string whose quote is at `start`; returns the position after its closing quote (the window may move). */
  private skipStringAt(start: number): number {
    let position = start + 1;
    for (;;) {
      const buffer = this.buffer;
      const length = buffer.length;
      while (position < length) {
        const next = buffer[position];
        if (next < 0x20 || next === QUOTE || next === BACKSLASH) break;
        position++;
      }
      if (position === length) {
        this.position = position;
        if (!this.fill()) this.truncated();
        position = this.position;
        continue;
      }
      const byte = buffer[position];
      if (byte === QUOTE) return position + 1;
      this.position = position;
      if (byte !== BACKSLASH) this.unexpected();
      this.skipEscape();
      this.escapes++;
      position = this.position;
    }
  }

  private skipEscape(): void {
    if (!this.ensure(2)) this.truncated();
    const kind = this.buffer[this.position + 1];
    if (SIMPLE_ESCAPE[kind] === 1) {
      this.position += 2;
      return;
    }
    if (kind !== 0x75) {
      this.position++;
      this.unexpected();
    }
    if (!this.ensure(6)) this.truncated();
    for (let i = 2; i < 6; i++) {
      if (HEX_DIGIT[this.buffer[this.position + i]] !== 1) {
        this.position += i;
        this.unexpected();
      }
    }
    this.position += 6;
  }
}
