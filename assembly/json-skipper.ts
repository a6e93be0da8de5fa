// The JSON scanner's hot path in WebAssembly (AssemblyScript): checks one JSON value of any depth against the grammar
// and moves past it without building anything, noting a key written twice in one of its objects and, when asked, where
// the values of some members are. src/inputs/json-scanner.ts copies the input into this module's memory a piece at a
// time (the mirror) and calls run(); between two tokens the module returns for the next piece (NEEDS_INPUT), inside one
// it asks for it through the imported more().
//
// Memory: [0, MIRROR_SIZE) the mirror, then a stack of the open containers (a level record each, the keys of an
// object after its record, and, past WIDE_OBJECT keys, a hash table of them), growing as deep or wide as the input.
// Keys are kept in a canonical form (UTF-8, but every UTF-16 unit encoded alone, as CESU-8 does), so that two keys are
// equal bytes exactly when JavaScript reads them as equal strings, escapes or not.

/** Bytes of the mirror; src/inputs/json-skipper.ts copies no more than this at once. */
export const MIRROR_SIZE: i32 = 262144;

// What run() returns.
const DONE: i32 = 0;
const UNEXPECTED: i32 = 1;
const TRUNCATED: i32 = 2;
const DUPLICATE: i32 = 3;
const OUT_OF_MEMORY: i32 = 4;
const NEEDS_INPUT: i32 = 5;

// What the grammar expects next.
const EXPECT_VALUE: i32 = 0;
const EXPECT_KEY: i32 = 1;
const EXPECT_COLON: i32 = 2;
const AFTER_VALUE: i32 = 3;

// A level record: the kind of container, its keys (object) or current element (array), its current key, its hash
// table (0 until it has one), the record of the container around it (0 for the outermost), and a 64-bit filter of its
// keys' hashes (a bit per hash: a key whose bit is not set is new, without a search).
const KIND: i32 = 0;
const COUNT: i32 = 4;
const CURRENT_KEY: i32 = 8;
const TABLE: i32 = 12;
const PARENT: i32 = 16;
const FILTER: i32 = 20;
const LEVEL_SIZE: i32 = 28;
const OBJECT: i32 = 1;
const ARRAY: i32 = 2;
// A key record: its hash, its length in canonical bytes, then the bytes (padded to 4).
const KEY_HASH: i32 = 0;
const KEY_LENGTH: i32 = 4;
const KEY_BYTES: i32 = 8;
/** Up to this many keys an object's keys are searched one by one; past it, through a hash table. */
const WIDE_OBJECT: i32 = 32;

const QUOTE: i32 = 0x22;
const BACKSLASH: i32 = 0x5c;
// A byte sixteen times, to compare a block of input with at once (0xf0, the lead byte of a four-byte character, as
// the signed byte it is in a lane).
const QUOTES: v128 = i8x16.splat(0x22);
const BACKSLASHES: v128 = i8x16.splat(0x5c);
const SPACES: v128 = i8x16.splat(0x20);
const FOUR_BYTE_LEADS: v128 = i8x16.splat(-16);
const FNV_OFFSET: i32 = 0x811c9dc5;
const FNV_PRIME: i32 = 0x01000193;

/**
 * Asks for more input: the mirror is filled anew from its byte `from` on; 0 when the input has ended. Imported from
 * the module named after this file, `json-skipper`, as AssemblyScript names imports.
 */
declare function more(from: i32): i32;

/** Where the value to check starts, and where run() stopped (after the value, or at the byte it refuses). */
export let position: i32 = 0;
/** Valid bytes in the mirror; more() sets it. */
export let mirrorLength: i32 = 0;
/** Newlines passed since the scanner last read these, and the mirror offset after the last one. */
export let newlines: i32 = 0;
export let lineStart: i32 = 0;
/** 1 while a key written twice should stop run() with DUPLICATE (only the first one is reported). */
export let wantDuplicate: i32 = 1;
/** After DUPLICATE, the level record of the object holding the key written twice (its current key). */
export let duplicateLevel: i32 = 0;

// The state of a run stopped at DUPLICATE or NEEDS_INPUT, taken up again by run(0).
let savedDepth: i32 = 0;
let savedState: i32 = 0;
let savedMayClose: i32 = 0;
let savedLevel: i32 = 0;
let savedTop: i32 = 0;

/** One past the last byte of memory. */
let memoryEnd: i32 = 0;

/** Where memory stops growing: offsets are signed 32-bit numbers here. */
const MEMORY_LIMIT: i32 = 0x7ff00000;

/** Makes memory reach `end`; false when it cannot grow (or `end` has passed the limit, or wrapped around). */
function reserve(end: i32): bool {
  if (end <= memoryEnd && end >= 0) return true;
  if (end < 0 || end > MEMORY_LIMIT) return false;
  const pages = memory.size();
  const needed = ((end - (pages << 16)) >> 16) + 1;
  if (memory.grow(max(needed, pages)) < 0) return false;
  memoryEnd = memory.size() << 16;
  return true;
}

/** Makes `count` bytes available from `pos`, moving the mirror to start there when needed; the new pos, or -1 at the end. */
function ensure(pos: i32, count: i32): i32 {
  while (mirrorLength - pos < count) {
    if (more(pos) == 0) return -1;
    pos = 0;
  }
  return pos;
}

/** The byte at pos, or -1 at the end of the input; the mirror may move (read `position` after). */
function byteAt(pos: i32): i32 {
  if (pos < mirrorLength) {
    position = pos;
    return <i32>load<u8>(pos);
  }
  if (more(pos) == 0) {
    position = pos;
    return -1;
  }
  position = 0;
  return <i32>load<u8>(0);
}

function isDigit(byte: i32): bool {
  return byte >= 0x30 && byte <= 0x39;
}

function hexValue(byte: i32): i32 {
  if (isDigit(byte)) return byte - 0x30;
  const lower = byte | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** The byte a one-letter escape stands for, or -1. */
function simpleEscape(kind: i32): i32 {
  if (kind == 0x22 || kind == 0x5c || kind == 0x2f) return kind;
  if (kind == 0x62) return 0x08;
  if (kind == 0x66) return 0x0c;
  if (kind == 0x6e) return 0x0a;
  if (kind == 0x72) return 0x0d;
  if (kind == 0x74) return 0x09;
  return -1;
}

/** The escape's UTF-16 unit, or its byte for a one-letter escape (set by checkEscape). */
let escaped: i32 = 0;

/**
 * Checks the escape whose backslash is at pos and sets `escaped`; returns the position after it, or -UNEXPECTED
 * (position at the byte refused) or -TRUNCATED. Like the scanner: the whole escape must be there before its digits are
 * looked at.
 */
function checkEscape(pos: i32): i32 {
  pos = ensure(pos, 2);
  if (pos < 0) return -TRUNCATED;
  const kind = <i32>load<u8>(pos + 1);
  const simple = simpleEscape(kind);
  if (simple >= 0) {
    escaped = simple;
    return pos + 2;
  }
  if (kind != 0x75) {
    position = pos + 1;
    return -UNEXPECTED;
  }
  pos = ensure(pos, 6);
  if (pos < 0) return -TRUNCATED;
  let unit = 0;
  for (let i = 2; i < 6; i++) {
    const digit = hexValue(<i32>load<u8>(pos + i));
    if (digit < 0) {
      position = pos + i;
      return -UNEXPECTED;
    }
    unit = (unit << 4) | digit;
  }
  escaped = unit;
  return pos + 6;
}

/**
 * Checks the number at pos (-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?); returns the position after it (where the
 * byte that ends it is, or the end of the input), or a negative code.
 */
function checkNumber(pos: i32): i32 {
  let byte = byteAt(pos);
  pos = position;
  if (byte == 0x2d) {
    byte = byteAt(pos + 1);
    pos = position;
  }
  if (byte == 0x30) {
    byte = byteAt(pos + 1);
    pos = position;
  } else {
    pos = checkDigits(pos, byte);
    if (pos < 0) return pos;
    byte = lastByte;
  }
  if (byte == 0x2e) {
    byte = byteAt(pos + 1);
    pos = checkDigits(position, byte);
    if (pos < 0) return pos;
    byte = lastByte;
  }
  if (byte == 0x65 || byte == 0x45) {
    byte = byteAt(pos + 1);
    pos = position;
    if (byte == 0x2b || byte == 0x2d) {
      byte = byteAt(pos + 1);
      pos = position;
    }
    pos = checkDigits(pos, byte);
  }
  return pos;
}

/** The byte that ended the digits checkDigits passed (-1 at the end of the input). */
let lastByte: i32 = 0;

/** One or more digits from pos, whose byte is `byte`; the position after them (lastByte is there), or a negative code. */
function checkDigits(pos: i32, byte: i32): i32 {
  if (!isDigit(byte)) {
    position = pos;
    return byte < 0 ? -TRUNCATED : -UNEXPECTED;
  }
  while (isDigit(byte)) {
    byte = byteAt(pos + 1);
    pos = position;
  }
  lastByte = byte;
  return pos;
}

/** Checks the literal `true`, `false` or `null` starting at pos; the position after it, or a negative code. */
function checkLiteral(pos: i32, first: i32): i32 {
  // The literal's bytes after its first, packed: "rue", "alse", "ull".
  let rest: u32 = first == 0x74 ? 0x657572 : first == 0x66 ? 0x65736c61 : 0x6c6c75;
  pos++;
  while (rest != 0) {
    const byte = byteAt(pos);
    pos = position;
    if (byte < 0) return -TRUNCATED;
    if (byte != <i32>(rest & 0xff)) return -UNEXPECTED;
    rest >>= 8;
    pos++;
  }
  return pos;
}

/** Appends UTF-16 unit `unit` at `at` as CESU-8; the end. */
function putUnit(at: i32, unit: i32): i32 {
  if (unit < 0x80) {
    store<u8>(at, unit);
    return at + 1;
  }
  if (unit < 0x800) {
    store<u8>(at, 0xc0 | (unit >> 6));
    store<u8>(at + 1, 0x80 | (unit & 0x3f));
    return at + 2;
  }
  store<u8>(at, 0xe0 | (unit >> 12));
  store<u8>(at + 1, 0x80 | ((unit >> 6) & 0x3f));
  store<u8>(at + 2, 0x80 | (unit & 0x3f));
  return at + 3;
}

/**
 * Where the bytes that need no attention end, from pos to at most `end`: at a quote, a backslash or a control
 * character, and in a key (`fourByteStops`) at the lead byte of a four-byte character too. Sixteen bytes at a time
 * while they are in the mirror, then byte by byte.
 */
function plainRunEnd(pos: i32, end: i32, fourByteStops: bool): i32 {
  while (pos + 16 <= end) {
    const block = v128.load(pos);
    let special = v128.or(v128.or(i8x16.eq(block, QUOTES), i8x16.eq(block, BACKSLASHES)), i8x16.lt_u(block, SPACES));
    if (fourByteStops) special = v128.or(special, i8x16.ge_u(block, FOUR_BYTE_LEADS));
    const found = i8x16.bitmask(special);
    if (found != 0) return pos + ctz(found);
    pos += 16;
  }
  while (pos < end) {
    const byte = <i32>load<u8>(pos);
    if (byte == QUOTE || byte == BACKSLASH || byte < 0x20 || (fourByteStops && byte >= 0xf0)) break;
    pos++;
  }
  return pos;
}

/**
 * Checks the key whose quote is at pos and writes its record at `record`: the bytes in canonical form and their
 * hash. Returns the position after the closing quote, or a negative code.
 */
function scanKey(pos: i32, record: i32): i32 {
  const start = record + KEY_BYTES;
  let at = start;
  pos++;
  while (true) {
    // Room for the rest of the mirror, and for one character more (at most 6 canonical bytes: a four-byte one becomes
    // two three-byte units).
    const end = mirrorLength;
    if (!reserve(at + (end - pos) + 6)) return -OUT_OF_MEMORY;
    // The bytes copied as they are: up to a quote, a backslash, a control character or a four-byte character.
    const stop = plainRunEnd(pos, end, true);
    memory.copy(at, pos, stop - pos);
    at += stop - pos;
    pos = stop;
    if (pos >= end) {
      if (more(pos) == 0) {
        position = pos;
        return -TRUNCATED;
      }
      pos = 0;
      continue;
    }
    const byte = <i32>load<u8>(pos);
    if (byte == QUOTE) break;
    if (byte == BACKSLASH) {
      pos = checkEscape(pos);
      if (pos < 0) return pos;
      at = putUnit(at, escaped);
      continue;
    }
    if (byte >= 0xf0) {
      // A four-byte character is two UTF-16 units.
      pos = ensure(pos, 4);
      if (pos < 0) return -TRUNCATED;
      const point =
        ((byte & 0x07) << 18) | (((<i32>load<u8>(pos + 1)) & 0x3f) << 12) | (((<i32>load<u8>(pos + 2)) & 0x3f) << 6) | ((<i32>load<u8>(pos + 3)) & 0x3f);
      at = putUnit(at, 0xd800 | ((point - 0x10000) >> 10));
      at = putUnit(at, 0xdc00 | ((point - 0x10000) & 0x3ff));
      pos += 4;
      continue;
    }
    // A control character.
    position = pos;
    return -UNEXPECTED;
  }
  // The hash takes the bytes four at a time (the last word padded with zeros), and the length.
  const length = at - start;
  store<u32>(at, 0);
  let hash = FNV_OFFSET ^ length;
  for (let word = start; word < at; word += 4) hash = (hash ^ load<i32>(word)) * FNV_PRIME;
  store<i32>(record + KEY_HASH, hash ^ (hash >>> 15));
  store<i32>(record + KEY_LENGTH, length);
  return pos + 1;
}

/** Bytes a key record takes. */
function keyRecordSize(record: i32): i32 {
  return KEY_BYTES + ((load<i32>(record + KEY_LENGTH) + 3) & ~3);
}

function sameKey(a: i32, b: i32): bool {
  if (load<i32>(a + KEY_HASH) != load<i32>(b + KEY_HASH)) return false;
  const length = load<i32>(a + KEY_LENGTH);
  if (load<i32>(b + KEY_LENGTH) != length) return false;
  return memory.compare(a + KEY_BYTES, b + KEY_BYTES, length) == 0;
}

/** Puts a key record into a hash table (capacity, then that many slots; linear probing). */
function tableInsert(table: i32, record: i32): void {
  const mask = load<i32>(table) - 1;
  let slot = load<i32>(record + KEY_HASH) & mask;
  while (load<i32>(table + 4 + (slot << 2)) != 0) slot = (slot + 1) & mask;
  store<i32>(table + 4 + (slot << 2), record);
}

/** Whether the table holds a key equal to `record`. */
function tableHas(table: i32, record: i32): bool {
  const mask = load<i32>(table) - 1;
  let slot = load<i32>(record + KEY_HASH) & mask;
  while (true) {
    const other = load<i32>(table + 4 + (slot << 2));
    if (other == 0) return false;
    if (sameKey(other, record)) return true;
    slot = (slot + 1) & mask;
  }
}

/** Makes an empty table of `capacity` slots at `at`; returns its end, or 0 when memory cannot grow. */
function newTable(at: i32, capacity: i32): i32 {
  const end = at + 4 + (capacity << 2);
  if (!reserve(end)) return 0;
  store<i32>(at, capacity);
  memory.fill(at + 4, 0, capacity << 2);
  return end;
}

/** Whether the key addKey added last is one its object has already. */
let duplicateFound: bool = false;

/**
 * Adds the key record at `record` to the object whose level record is at `level`; returns the new top of the stack
 * (after the record, and any table made), or 0 when memory cannot grow. Sets `duplicateFound`.
 */
function addKey(level: i32, record: i32): i32 {
  const count = load<i32>(level + COUNT);
  let table = load<i32>(level + TABLE);
  let top = record + keyRecordSize(record);
  duplicateFound = false;
  if (table == 0) {
    const filter = load<u64>(level + FILTER);
    const hash = load<u32>(record + KEY_HASH);
    const bit = u64(1) << u64(hash >>> 26);
    store<u64>(level + FILTER, filter | bit);
    // The object's keys so far lie one after another from its level record up to this one.
    if ((filter & bit) != 0) {
      for (let other = level + LEVEL_SIZE; other < record; other += keyRecordSize(other)) {
        if (sameKey(other, record)) {
          duplicateFound = true;
          break;
        }
      }
    }
  } else {
    duplicateFound = tableHas(table, record);
  }
  store<i32>(level + CURRENT_KEY, record);
  store<i32>(level + COUNT, count + 1);
  if (table == 0) {
    if (count + 1 <= WIDE_OBJECT) return top;
    table = top;
    top = newTable(table, 256);
    if (top == 0) return 0;
    for (let other = level + LEVEL_SIZE; other <= record; other += keyRecordSize(other)) tableInsert(table, other);
    store<i32>(level + TABLE, table);
    return top;
  }
  if ((count + 1) * 2 > load<i32>(table)) {
    // A larger table on top of the stack; the old one stays unused until the object closes.
    const capacity = load<i32>(table);
    const grown = top;
    top = newTable(grown, capacity * 2);
    if (top == 0) return 0;
    for (let slot = 0; slot < capacity; slot++) {
      const other = load<i32>(table + 4 + (slot << 2));
      if (other != 0) tableInsert(grown, other);
    }
    table = grown;
    store<i32>(level + TABLE, table);
  }
  tableInsert(table, record);
  return top;
}

// Members captured while a value is skipped (capturing = 1): where the values of the wanted keys of the value's object
// are, and of the wanted keys of the object one of them holds (a resource change's `change`), so that the scanner
// parses those alone. The scanner writes the wanted keys once (wantedKeys()): four words (the number of outer keys,
// the index of the one whose object is searched too or -1, the number of inner keys, where the inner keys start), then
// the outer keys and the inner keys, each a length byte and its bytes.
// A capture is the key's slot (outer keys first, then inner), where the text after the key starts and where its value
// ends, as offsets in the input (mirrorBase is the offset of the mirror's first byte).
const WANTED = memory.data(2048);
const MAX_CAPTURES: i32 = 64;
const CAPTURE_SIZE: i32 = 24;
const CAPTURES = memory.data(MAX_CAPTURES * CAPTURE_SIZE, 8);
export let capturing: i32 = 0;
export let captureCount: i32 = 0;
export let mirrorBase: f64 = 0;
/** The level record of the inner object being searched (-1 before it opens). */
let innerObject: i32 = -1;
// The outer and the inner key waiting for its value to end: slot (-1 for none), depth of its object, start.
let outerSlot: i32 = -1;
let outerDepth: i32 = 0;
let outerStart: f64 = 0;
let innerSlot: i32 = -1;
let innerDepth: i32 = 0;
let innerStart: f64 = 0;

export function wantedKeys(): usize {
  return WANTED;
}

export function captures(): usize {
  return CAPTURES;
}

const OUTER_COUNT: i32 = 0;
const NESTED_INDEX: i32 = 4;
const INNER_COUNT: i32 = 8;
const INNER_KEYS: i32 = 12;
const OUTER_KEYS: i32 = 16;

/** The index among the `count` keys listed from `list` on equal to the key record, or -1. */
function findWanted(list: i32, count: i32, record: i32): i32 {
  const length = load<i32>(record + KEY_LENGTH);
  let at = list;
  for (let i = 0; i < count; i++) {
    const size = <i32>load<u8>(at);
    if (size == length && memory.compare(at + 1, record + KEY_BYTES, length) == 0) return i;
    at += 1 + size;
  }
  return -1;
}

/** Notes a key of the object at `level` (at `depth`) that is wanted; its text starts at mirror offset `after`. */
function noteKey(level: i32, depth: i32, record: i32, after: i32): void {
  const outerCount = load<i32>(WANTED + OUTER_COUNT);
  if (depth == 1) {
    const slot = findWanted(WANTED + OUTER_KEYS, outerCount, record);
    if (slot < 0) return;
    outerSlot = slot;
    outerDepth = depth;
    outerStart = mirrorBase + <f64>after;
  } else if (level == innerObject) {
    const slot = findWanted(WANTED + load<i32>(WANTED + INNER_KEYS), load<i32>(WANTED + INNER_COUNT), record);
    if (slot < 0) return;
    innerSlot = outerCount + slot;
    innerDepth = depth;
    innerStart = mirrorBase + <f64>after;
  }
}

/** The depth at which a value ends a capture, or -1. */
function watchedDepth(): i32 {
  return innerSlot >= 0 ? innerDepth : outerSlot >= 0 ? outerDepth : -1;
}

/** A value ended at mirror offset `end`, back at the depth watched: writes its capture. */
function endCapture(end: i32): void {
  let slot = outerSlot;
  let start = outerStart;
  if (innerSlot >= 0) {
    slot = innerSlot;
    start = innerStart;
    innerSlot = -1;
  } else {
    outerSlot = -1;
    innerObject = -1;
  }
  if (captureCount == MAX_CAPTURES) return;
  const at = CAPTURES + captureCount * CAPTURE_SIZE;
  store<i32>(at, slot);
  store<f64>(at + 8, start);
  store<f64>(at + 16, mirrorBase + <f64>end);
  captureCount++;
}

/**
 * Checks the value at `position` and moves past it. `fresh` 1 starts a value; 0 takes up a run stopped at DUPLICATE or
 * NEEDS_INPUT (after more() gave the next piece: position 0). Returns DONE (position after the value), UNEXPECTED
 * (position at the byte refused), TRUNCATED, DUPLICATE, NEEDS_INPUT (position at the end of the mirror) or
 * OUT_OF_MEMORY.
 */
export function run(fresh: i32): i32 {
  let pos = position;
  let length = mirrorLength;
  let depth = 0;
  let state = EXPECT_VALUE;
  let mayClose = false;
  let level = 0;
  let top = <i32>__heap_base;
  if (fresh == 0) {
    depth = savedDepth;
    state = savedState;
    mayClose = savedMayClose != 0;
    level = savedLevel;
    top = savedTop;
  }
  if (memoryEnd == 0) memoryEnd = memory.size() << 16;
  if (fresh != 0) {
    captureCount = 0;
    outerSlot = -1;
    innerSlot = -1;
    innerObject = -1;
  }
  /** The depth where a value that ends completes a capture (-1 for none). */
  let watch = capturing != 0 ? watchedDepth() : -1;
  /** Why the run stops with its state kept, to be taken up again: NEEDS_INPUT or DUPLICATE. */
  let pause = 0;
  while (true) {
    if (pos >= length) {
      // Back to the scanner for the next piece: V8 puts its optimised code for this function in place between calls.
      pause = NEEDS_INPUT;
      break;
    }
    const byte = <i32>load<u8>(pos);
    if (byte == QUOTE) {
      mayClose = false;
      if (state == EXPECT_KEY) {
        if (!reserve(top + KEY_BYTES)) return OUT_OF_MEMORY;
        pos = scanKey(pos, top);
        length = mirrorLength;
        if (pos < 0) return -pos;
        const record = top;
        top = addKey(level, top);
        if (top == 0) return OUT_OF_MEMORY;
        state = EXPECT_COLON;
        if (capturing != 0) {
          noteKey(level, depth, record, pos);
          watch = watchedDepth();
        }
        if (duplicateFound && wantDuplicate != 0) {
          wantDuplicate = 0;
          duplicateLevel = level;
          pause = DUPLICATE;
          break;
        }
        continue;
      }
      if (state != EXPECT_VALUE) {
        position = pos;
        return UNEXPECTED;
      }
      pos++;
      while (true) {
        pos = plainRunEnd(pos, length, false);
        if (pos >= length) {
          position = pos;
          if (more(pos) == 0) return TRUNCATED;
          pos = 0;
          length = mirrorLength;
          continue;
        }
        const next = <i32>load<u8>(pos);
        if (next == QUOTE) break;
        if (next != BACKSLASH) {
          position = pos;
          return UNEXPECTED;
        }
        pos = checkEscape(pos);
        length = mirrorLength;
        if (pos < 0) return -pos;
      }
      pos++;
      state = AFTER_VALUE;
      if (depth == 0) {
        position = pos;
        return DONE;
      }
      if (depth == watch) {
        endCapture(pos);
        watch = watchedDepth();
      }
      continue;
    }
    if (byte == 0x3a) {
      if (state != EXPECT_COLON) {
        position = pos;
        return UNEXPECTED;
      }
      state = EXPECT_VALUE;
      pos++;
      continue;
    }
    if (byte == 0x2c) {
      if (state != AFTER_VALUE) {
        position = pos;
        return UNEXPECTED;
      }
      if (load<i32>(level + KIND) == OBJECT) {
        state = EXPECT_KEY;
      } else {
        store<i32>(level + COUNT, load<i32>(level + COUNT) + 1);
        state = EXPECT_VALUE;
      }
      pos++;
      continue;
    }
    if (byte == 0x7b || byte == 0x5b) {
      if (state != EXPECT_VALUE) {
        position = pos;
        return UNEXPECTED;
      }
      if (!reserve(top + LEVEL_SIZE)) return OUT_OF_MEMORY;
      store<i32>(top + KIND, byte == 0x7b ? OBJECT : ARRAY);
      store<i32>(top + COUNT, 0);
      store<i32>(top + CURRENT_KEY, 0);
      store<i32>(top + TABLE, 0);
      store<i32>(top + PARENT, level);
      store<u64>(top + FILTER, 0);
      // The object of the outer key whose keys are searched too.
      if (depth == watch && innerSlot < 0 && outerSlot == load<i32>(WANTED + NESTED_INDEX) && byte == 0x7b) innerObject = top;
      level = top;
      top += LEVEL_SIZE;
      depth++;
      pos++;
      state = byte == 0x7b ? EXPECT_KEY : EXPECT_VALUE;
      mayClose = true;
      continue;
    }
    if (byte == 0x7d || byte == 0x5d) {
      // Closes the innermost container after a value, or at once after it opened; never `[}` or `{]`.
      const kind = depth > 0 ? load<i32>(level + KIND) : 0;
      if (kind != (byte == 0x7d ? OBJECT : ARRAY) || !(state == AFTER_VALUE || mayClose)) {
        position = pos;
        return UNEXPECTED;
      }
      mayClose = false;
      pos++;
      state = AFTER_VALUE;
      top = level;
      level = load<i32>(level + PARENT);
      if (--depth == 0) {
        position = pos;
        return DONE;
      }
      if (depth == watch) {
        endCapture(pos);
        watch = watchedDepth();
      }
      continue;
    }
    if (byte == 0x20 || byte == 0x09 || byte == 0x0d) {
      pos++;
      continue;
    }
    if (byte == 0x0a) {
      pos++;
      newlines++;
      lineStart = pos;
      continue;
    }
    // A number or a literal.
    if (state != EXPECT_VALUE) {
      position = pos;
      return UNEXPECTED;
    }
    mayClose = false;
    if (byte == 0x2d || isDigit(byte)) pos = checkNumber(pos);
    else if (byte == 0x74 || byte == 0x66 || byte == 0x6e) pos = checkLiteral(pos, byte);
    else {
      position = pos;
      return UNEXPECTED;
    }
    length = mirrorLength;
    if (pos < 0) return -pos;
    state = AFTER_VALUE;
    if (depth == 0) {
      position = pos;
      return DONE;
    }
    if (depth == watch) {
      endCapture(pos);
      watch = watchedDepth();
    }
  }
  position = pos;
  savedDepth = depth;
  savedState = state;
  savedMayClose = mayClose ? 1 : 0;
  savedLevel = level;
  savedTop = top;
  return pause;
}
