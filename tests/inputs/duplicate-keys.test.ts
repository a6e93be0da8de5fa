// Both read paths refuse a key written twice in one object, at any depth and whatever the chunk boundaries, and name
// its path: findDuplicateKey for inputs parsed whole, the JSON scanner for streamed ones (refused once read).
import { findDuplicateKey, type JsonPath } from '../../src/inputs/duplicate-keys.js';
import { JsonScanner } from '../../src/inputs/json-scanner.js';
import { chunked, scannerVerdict } from '../helpers/json-chunks.js';

/** The scanner's refusal, chunks cut anywhere (inside a character too). */
const scannerRefusal = (text: string, size: number): string | undefined => scannerVerdict(text, size, { raw: true });

const DUPLICATES: [text: string, path: JsonPath, shown: string][] = [
  ['{"a":1,"a":2}', ['a'], 'a'],
  ['{"a":1,"\\u0061":2}', ['a'], 'a'],
  ['{"ab":1,"a\\u0062":2}', ['ab'], 'ab'],
  ['{"\\ud83d\\ude00":1,"😀":2}', ['😀'], '😀'],
  ['{"a\\"b":1,"a\\u0022b":2}', ['a"b'], 'a"b'],
  ['{"é":1,"\\u00e9":2}', ['é'], 'é'],
  ['{ "a" : { "b" : 1 , "b" : { } } }', ['a', 'b'], 'a.b'],
  ['[{"x":[0,{"b":1,"c":"\\"b\\"","b":3}]}]', [0, 'x', 1, 'b'], '[0].x[1].b'],
  [
    '{"resource_changes":[{},{},{},{"change":{"actions":["no-op"],"actions":["delete"]}}]}',
    ['resource_changes', 3, 'change', 'actions'],
    'resource_changes[3].change.actions',
  ],
];

/** Objects of more keys than the scanner searches one by one, searched through a Map of their hashes. */
const many = (count: number): string => Array.from({ length: count }, (_, i) => `"k${i}":${i}`).join(',');
DUPLICATES.push(
  [`{"a":{${many(100)},"k57":0}}`, ['a', 'k57'], 'a.k57'],
  [`[{},{${many(40)},"k0":0}]`, [1, 'k0'], '[1].k0'],
  [
    `{"planned_values":{"root_module":{"resources":[{"values":{"tags":{"env":"prod","env":"dev"}}}]}}}`,
    ['planned_values', 'root_module', 'resources', 0, 'values', 'tags', 'env'],
    'planned_values.root_module.resources[0].values.tags.env',
  ],
  [`{"prior_state":{},"prior_state":{}}`, ['prior_state'], 'prior_state'],
  [`{"a":1}\n{"b":1,"b":2}`, ['b'], 'b'],
);

const DISTINCT = [
  '{"a":{"a":{"a":1}}}',
  '[{"k":1},{"k":1}]',
  '{"a":{"k":1},"b":{"k":1}}',
  '{"a":"a","b":["a","a"]}',
  '{"a\\"":1,"a":2}',
  '{"":1,"\\u0000":2}',
  '[{},"a","a"]',
  '{"a":{},"b":{"a":[{}]},"c":"b"}',
  '{}',
  '[]',
  '{"a":{}}',
  '[[],{}]',
  '{"\\ud800":1,"\ufffd":2}',
  `{${many(300)}}`,
  `[{${many(40)}},{${many(40)}}]`,
  '{"a":1}\n{"a":1}',
  '{"a":{"b":1},"b":{"a":1},"c":[{"a":1,"b":2},{"b":1,"a":2}]}',
];

describe.each(DUPLICATES)('%s', (text, path, shown) => {
  it('is found in text parsed whole', () => {
    expect(findDuplicateKey(text)).toEqual(path);
  });

  it('is refused by the scanner at every chunk size, naming the same path', () => {
    for (const size of [1, 2, 3, 7, 1 << 20]) expect(scannerRefusal(text, size)).toContain(`plan.json writes the key ${shown} twice`);
  });
});

it.each(DISTINCT.map((text) => [text]))('reads %s, whose keys are each written once per object', (text) => {
  expect(findDuplicateKey(text)).toBeUndefined();
  for (const size of [1, 3, 1 << 20]) expect(scannerRefusal(text, size)).toBeUndefined();
});

it('names the path through the members and elements the caller walks', () => {
  const scanner = new JsonScanner(
    chunked('{"resource_changes":[{"change":{"actions":["no-op"]}},{"change":{"actions":["no-op"],"actions":["delete"]}}]}', 5, { raw: true }),
    'plan.json',
  );
  expect(() =>
    scanner.readObject(() => {
      scanner.readArray(() => {
        scanner.readObjectOf([Buffer.from('change')], () => {
          scanner.readObjectOf([Buffer.from('actions')], () => scanner.parseValue());
        });
      });
    }),
  ).not.toThrow();
  expect(() => scanner.refuseDuplicateKey()).toThrow('plan.json writes the key resource_changes[1].change.actions twice');
});

it('refuses a member written twice in an object the caller walks', () => {
  const scanner = new JsonScanner(chunked('{"format_version":"1.2","format_version":"1.2"}', 4, { raw: true }), 'plan.json');
  scanner.readObject(() => scanner.skipValue());
  expect(() => scanner.refuseDuplicateKey()).toThrow('plan.json writes the key format_version twice');
});

it('refuses the first key written twice, in the order of the text', () => {
  const text = '{"a":{"x":1,"x":2},"b":1,"b":2}';
  expect(findDuplicateKey(text)).toEqual(['a', 'x']);
  expect(scannerRefusal(text, 4)).toContain('writes the key a.x twice');
});
