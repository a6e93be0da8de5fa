// The Mermaid graph of destroyed resources parses with mermaid's own parser, keeps every label intact and stays bounded.
import { JSDOM } from 'jsdom';
import type { Report } from '../../src/model.js';
import { MAX_GRAPH_NODES, mermaidGraph } from '../../src/reporters/mermaid-graph.js';
import { AWKWARD_KEYS, numberedKeys, reportDestroying } from './awkward-reports.js';
import { PASSING_REPORT, SAMPLE_REPORT } from './sample-report.js';

interface Vertex {
  id: string;
  classes: string[];
}
/** mermaid types a diagram's `db` for every kind of diagram; a flowchart's has its vertices. */
interface FlowchartDb {
  getVertices(): Map<string, Vertex>;
}

const dom = new JSDOM('');
let mermaid: (typeof import('mermaid'))['default'];

beforeAll(async () => {
  // mermaid sanitizes labels with DOMPurify, which needs a window when the module loads.
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import('mermaid')).default;
});

afterAll(() => {
  Reflect.deleteProperty(globalThis, 'window');
  Reflect.deleteProperty(globalThis, 'document');
  // Pending window events would otherwise fire after jest has torn the test's globals down, and overflow its stack.
  dom.window.close();
});

function graphOf(report: Report): string {
  const source = mermaidGraph(report);
  if (source === undefined) throw new Error('no graph');
  return source;
}

async function vertices(source: string): Promise<Vertex[]> {
  await mermaid.parse(source);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  return [...(diagram.db as unknown as FlowchartDb).getVertices().values()];
}

/** The text a reader sees: Mermaid's entity codes (`#quot;`, `#35;`) read as HTML entities, `<br/>` as a line break. */
function shownText(label: string): string {
  const html = label.replace(/#(\w+);/g, (_, code: string) => (/^\d+$/.test(code) ? `&#${code};` : `&${code};`));
  const element = dom.window.document.createElement('div');
  element.innerHTML = html.replace(/<br\/>/g, '\n');
  return element.textContent ?? '';
}

/** The labels as written in the source, by node id. */
function sourceLabels(source: string): Map<string, string> {
  return new Map([...source.matchAll(/^\s+(n\d+|more)\["(.*)"\]$/gm)].map((match) => [match[1], match[2]]));
}

it('parses, with one coloured node per destroyed resource of the sample', async () => {
  const nodes = await vertices(graphOf(SAMPLE_REPORT));
  expect(nodes.map((node) => [node.id, node.classes])).toEqual([
    ['n0', ['env0']],
    ['n1', ['env1']],
  ]);
});

it('keeps labels with quotes, brackets, HTML, Mermaid syntax and unicode intact', async () => {
  const report = reportDestroying(AWKWARD_KEYS);
  const source = graphOf(report);
  const nodes = await vertices(source);
  const destroyed = report.resources.filter((r) => r.action === 'replace' || r.action === 'delete');
  expect(nodes.map((node) => node.id)).toEqual(destroyed.map((_, i) => `n${i}`));
  const labels = sourceLabels(source);
  destroyed.forEach((resource, i) => {
    const [address, details] = shownText(labels.get(`n${i}`)!).split('\n');
    expect(address).toBe(resource.address.replace(/\s+/g, ' '));
    expect(details).toBe(`${resource.action} · ${resource.environment.name}`);
  });
});

it('gives environments generated class names, whatever they are called', async () => {
  const nodes = await vertices(graphOf(reportDestroying(['a'], 'end; classDef x fill:red')));
  expect(nodes[0]?.classes).toEqual(['env0']);
});

it('cuts long labels without breaking a character', async () => {
  const source = graphOf(reportDestroying(['🚀'.repeat(200)]));
  await vertices(source);
  const address = shownText(sourceLabels(source).get('n0')!).split('\n')[0];
  expect(Array.from(address)).toHaveLength(80);
  expect(address.endsWith('🚀…')).toBe(true);
});

it('bounds a huge plan with an "and N more" node', async () => {
  const source = graphOf(reportDestroying(numberedKeys(500)));
  const nodes = await vertices(source);
  expect(nodes).toHaveLength(MAX_GRAPH_NODES + 1);
  // 500 protected resources and the sample's unprotected one.
  expect(shownText(sourceLabels(source).get('more')!)).toBe(`… and ${501 - MAX_GRAPH_NODES} more destroyed resources`);
});

it('puts protected resources first when it must leave some out', () => {
  const report = reportDestroying(numberedKeys(MAX_GRAPH_NODES));
  const unprotectedFirst: Report = { ...report, resources: [...report.resources].reverse() };
  expect(graphOf(unprotectedFirst)).not.toContain('aws_route53_record');
});

it('is absent when nothing is destroyed', () => {
  expect(mermaidGraph({ ...PASSING_REPORT, resources: [] })).toBeUndefined();
});

it('draws what goes down with each destroyed resource, and parses', async () => {
  const [finding] = SAMPLE_REPORT.findings;
  // An instance key may hold the arrow the text paths are joined with: the graph reads the chains, not the text.
  const listener = 'aws_lb_listener.https["a \\"b\\" → c"]';
  const database = 'module.db["eu \\"west\\""].aws_db_instance.main';
  const chains = [
    [listener, database],
    ['aws_route53_record.api', listener, database],
  ];
  const report: Report = {
    ...SAMPLE_REPORT,
    findings: [
      {
        ...finding,
        dependents: { count: 2, paths: chains.map((chain) => chain.join(' → ')), chains },
      },
      ...SAMPLE_REPORT.findings.slice(1),
    ],
  };
  const source = graphOf(report);
  // Arrows read as the paths of text and JSON do: dependent → what it depends on → … → the destroyed resource.
  expect(source).toContain('d0 --> n0');
  expect(source).toContain('d1 --> d0');
  expect(source).not.toMatch(/n0 --> |d0 --> d1/);
  expect((await vertices(source)).map((node) => node.id)).toEqual(['n0', 'n1', 'd0', 'd1']);
  const labels = new Map([...source.matchAll(/^\s+(d\d+)\["(.*)"\]$/gm)].map((match) => [match[1], shownText(match[2])]));
  expect(labels.get('d0')).toBe(`${listener}\ndepends on it`);
  expect(labels.get('d1')).toBe('aws_route53_record.api\ndepends on it');
});
