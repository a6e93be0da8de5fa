// JSON parsing of inputs: one document, a stream of documents, or an error with a position but no quoted input.
import { InputError } from '../../src/errors.js';
import { parseJsonDocuments } from '../../src/inputs/json-documents.js';

const parse = (text: string): unknown[] => parseJsonDocuments(text, 'plan.json');

describe('parseJsonDocuments', () => {
  it('parses one document', () => {
    expect(parse('{"a": 1}')).toEqual([{ a: 1 }]);
  });

  it('parses a stream of documents, with braces and quotes inside strings', () => {
    expect(parse('{"a": "}{"}\n{"b": "\\"}"}  [1]')).toEqual([{ a: '}{' }, { b: '"}' }, [1]]);
  });

  it.each([
    ['{"a": 1', /truncated/],
    ['{"a": "unterminated', /truncated/],
    ['{"a": 1}\n{"b":', /truncated/],
    ['{"a": 1}}', /not valid JSON at line 1, column 9/],
    ['{"a": 1}\nhello', /not valid JSON at line 2, column 1/],
    ['{"a": tru}', /not valid JSON/],
    ['{"a": 1}\n{"b": nope}', /not valid JSON/],
    ['hello', /not valid JSON at line 1, column 1/],
  ])('refuses %j', (text, message) => {
    expect(() => parse(text)).toThrow(InputError);
    expect(() => parse(text)).toThrow(message);
  });

  it('refuses a key written twice, after JSON errors anywhere, naming the tool whose output it should be', () => {
    expect(() => parse('{"a":{"b":1,"b":2}}')).toThrow(
      'plan.json writes the key a.b twice, which JSON readers read differently (Terraform never writes a key twice): it is refused as ambiguous.',
    );
    expect(() => parseJsonDocuments('[{"kind":"Pod","kind":"Secret"}]', 'objects.json', 'kubectl')).toThrow(
      'objects.json writes the key [0].kind twice, which JSON readers read differently (kubectl never writes a key twice)',
    );
    expect(() => parse('{"a":1,"a":2}\n{"b": nope}')).toThrow(/not valid JSON/);
  });

  it('finds a key written twice in any of a stream of documents, and tells lone surrogates apart (text decoded from UTF-16)', () => {
    expect(() => parse('{"a":1}\n[{"b":{"c":1,"d":2,"c":3}}]')).toThrow('plan.json writes the key [0].b.c twice');
    // Two different lone surrogates, which would both be the replacement character in UTF-8: two keys, not one.
    expect(parse('{"\uD800":1,"\uDC00":2}'.replace(/\\u(D[0-9A-F]{3})/g, (_, unit: string) => String.fromCharCode(parseInt(unit, 16))))).toHaveLength(1);
    expect(() => parse('{"\uD800":1,"\uD800":2}'.replace(/\\u(D[0-9A-F]{3})/g, (_, unit: string) => String.fromCharCode(parseInt(unit, 16))))).toThrow('twice');
  });

  it('never quotes the input in its error (it may hold secrets)', () => {
    const secret = 'BR-SECRET-in-broken-json';
    for (const text of [`{"password": "${secret}", oops}`, `{"a": 1}\n{"password": "${secret}" x}`]) {
      try {
        parse(text);
        throw new Error('expected an InputError');
      } catch (error) {
        expect((error as Error).message).not.toContain(secret);
        expect((error as Error).message).toContain('plan.json');
      }
    }
  });
});
