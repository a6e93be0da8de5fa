// Multi-document YAML is cut where a parser cuts it, so document numbers and lines in errors point at the right place.
import { InputError } from '../../src/errors.js';
import { loadYamlDocuments } from '../../src/yaml/yaml-documents.js';

const numbered = (text: string) => loadYamlDocuments(text, 'in.yaml').map(({ number, line, value }) => [number, line, value]);

describe('loadYamlDocuments', () => {
  it('counts documents as a YAML parser does: leading comments belong to the first, empty ones count', () => {
    expect(numbered('# header\n---\na: 1\n---\n# only a comment\n---\nb: 2\n')).toEqual([
      [1, 1, { a: 1 }],
      [2, 4, null],
      [3, 6, { b: 2 }],
    ]);
  });

  it('reads a single document without markers, and Windows line ends', () => {
    expect(numbered('a: 1\r\nb: [x]\r\n')).toEqual([[1, 1, { a: 1, b: ['x'] }]]);
    expect(numbered('a: 1\r\n---\r\nb: 2\r\n')).toEqual([
      [1, 1, { a: 1 }],
      [2, 2, { b: 2 }],
    ]);
  });

  it('ends a document at `...` and starts the next after it', () => {
    expect(numbered('a: 1\n...\nb: 2\n...\n')).toEqual([
      [1, 1, { a: 1 }],
      [2, 3, { b: 2 }],
    ]);
  });

  it('keeps `---` inside an indented block scalar as text', () => {
    expect(numbered('a: |\n  x\n  ---\n  y\n')).toEqual([[1, 1, { a: 'x\n---\ny\n' }]]);
  });

  it('keeps dates as text (core schema)', () => {
    expect(numbered('t: 2025-01-14T09:30:00Z\n')).toEqual([[1, 1, { t: '2025-01-14T09:30:00Z' }]]);
  });

  it('names the document and the line of the whole text in errors', () => {
    expect(() => loadYamlDocuments('a: 1\n---\nb: 2\n---\nc: [\n', 'in.yaml')).toThrow(InputError);
    expect(() => loadYamlDocuments('a: 1\n---\nb: 2\n---\nc: [\n', 'in.yaml')).toThrow(/^in\.yaml: document 3 is not valid YAML at line 6, column 1/);
  });
});
