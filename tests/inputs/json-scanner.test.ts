// The JSON scanner accepts exactly what JSON.parse accepts, whatever the chunk boundaries, and says where it stopped.
import { InputError } from '../../src/errors.js';
import { JsonScanner } from '../../src/inputs/json-scanner.js';
import { chunked } from '../helpers/json-chunks.js';

/** Skips one value and requires the input to end there, as JSON.parse does. */
function scan(text: string, size: number): void {
  const scanner = new JsonScanner(chunked(text, size), 'plan.json');
  scanner.skipValue();
  if (scanner.hasDocument()) scanner.unexpected();
}

const accepted = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const SAMPLES = [
  '{}',
  '[]',
  '{"a":[]}',
  '[{}]',
  ' { "a" : [ 1 , 2 ] } ',
  '[[[[[]]]]]',
  '{"a":{"b":{"c":{}}}}',
  '0',
  '-0',
  '1.5',
  '-1.5e10',
  '1E+2',
  '1e-2',
  '123456789012345678901234567890',
  '01',
  '1.',
  '.5',
  '-',
  '1e',
  '1e+',
  '+1',
  '0x10',
  '1.5.5',
  'NaN',
  'Infinity',
  'true',
  'false',
  'null',
  'tru',
  'nul',
  'True',
  'nulll',
  '""',
  '"a"',
  '"\\""',
  '"\\\\"',
  '"\\/"',
  '"\\b\\f\\n\\r\\t"',
  '"\\u00e9"',
  '"\\uD83D\\uDE00"',
  '"é€😀"',
  '"\\x"',
  '"\\u12"',
  '"\\u12G4"',
  '"a\nb"',
  '"a\tb"',
  '"\u0001"',
  '"unterminated',
  '"a"b',
  '{"a":1,}',
  '[1,]',
  '[,1]',
  '{,}',
  '{"a"}',
  '{"a":}',
  '{"a" 1}',
  '{a:1}',
  "{'a':1}",
  '{"a":1 "b":2}',
  '[1 2]',
  '[1}',
  '{"a":1]',
  '[',
  '{',
  ']',
  '}',
  '{"a":[1,{"b":[2,3]}]}',
  '[{"a":null,"b":true,"c":false}]',
  '{"__proto__":{"x":1},"constructor":2}',
  '{"a":1,"a":2}',
  '[[]',
  '[]]',
  '{"a":{"b":1}}}',
];

describe('JsonScanner', () => {
  it.each(SAMPLES.map((text) => [text]))('agrees with JSON.parse on %j at every chunk size', (text) => {
    for (const size of [1, 2, 3, 7, 1 << 20]) {
      const result = (() => {
        try {
          scan(text, size);
          return true;
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return false;
        }
      })();
      expect(result).toBe(accepted(text));
    }
  });

  it('walks members and parses only the values asked for', () => {
    const scanner = new JsonScanner(chunked('{"skip": {"deep": [1, 2, {"x": "y"}]}, "keep": {"a": "\\u00e9"}, "n": 5}', 4), 'f');
    const kept: Record<string, unknown> = {};
    const isObject = scanner.readObject((key) => {
      if (key === 'skip') scanner.skipValue();
      else kept[key] = scanner.parseValue();
    });
    expect(isObject).toBe(true);
    expect(kept).toEqual({ keep: { a: 'é' }, n: 5 });
    expect(scanner.hasDocument()).toBe(false);
  });

  it.each([
    ['{"a": 1', /truncated/],
    ['{"a": "unter', /truncated/],
    ['{"a": tru', /truncated/],
    ['{"a": 1}}', /not valid JSON at line 1, column 9\./],
    ['{\n  "a": 1,\n  "b": nope\n}', /not valid JSON at line 3, column 9\./],
    ['{"é": "😀", "b": x}', /not valid JSON at line 1, column 18\./],
  ])('names the file and the place of the damage in %j, never the input', (text, message) => {
    for (const size of [1, 5, 1 << 20]) {
      expect(() => scan(text, size)).toThrow(message);
      expect(() => scan(text, size)).toThrow(/^plan\.json /);
    }
  });

  it('skips deep nesting and long strings without recursion or a copy of the whole input', () => {
    const depth = 200_000;
    expect(() => scan(`${'['.repeat(depth)}${']'.repeat(depth)}`, 1 << 16)).not.toThrow();
    expect(() => scan(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, 1 << 16)).not.toThrow();
    expect(() => scan(`"${'x'.repeat(30 * 1024 * 1024)}"`, 1 << 20)).not.toThrow();
    expect(() => scan(`${'['.repeat(depth)}${']'.repeat(depth - 1)}`, 1 << 16)).toThrow(/truncated/);
  });
});
