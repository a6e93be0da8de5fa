// --format values: name or name=path, checked as a set before any work starts.
import { UsageError } from '../../src/errors.js';
import { parseFormatTargets } from '../../src/reporters/format-targets.js';

it('reads a name as standard output and name=path as a file', () => {
  expect(parseFormatTargets(['text', 'sarif=out/results.sarif', 'markdown=summary=1.md'])).toEqual([
    { format: 'text' },
    { format: 'sarif', path: 'out/results.sarif' },
    { format: 'markdown', path: 'summary=1.md' },
  ]);
});

it('lets every consumer have a file, with nothing on standard output', () => {
  expect(parseFormatTargets(['json=a.json', 'json=b.json'])).toEqual([
    { format: 'json', path: 'a.json' },
    { format: 'json', path: 'b.json' },
  ]);
});

it.each([
  ['an unknown name', ['yaml'], /^Invalid value "yaml" for --format: choose one of json, text, /],
  ['an unknown name with a path', ['yaml=out.yaml'], /^Invalid value "yaml" for --format/],
  ['a name without its file', ['sarif='], /--format sarif= names no file/],
  ['two formats to standard output', ['text', 'json'], /Only one --format can print to standard output, not text, json:/],
  ['the same format twice to standard output', ['text', 'text'], /not text, text:/],
  ['one file twice', ['sarif=out.sarif', 'json=./out.sarif'], /sarif=out.sarif and json=.\/out.sarif name the same file/],
])('refuses %s', (_name, values, message) => {
  expect(() => parseFormatTargets(values)).toThrow(UsageError);
  expect(() => parseFormatTargets(values)).toThrow(message);
});
