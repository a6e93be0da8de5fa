// Reads `kubectl diff [--prune]` output: the unified diff (`diff -u -N`) of the LIVE and MERGED directories kubectl
// writes, one file per object named `[group.]version.Kind.namespace.name`, plus the errors kubectl prints instead of
// a diff when piped with 2>&1. Created objects have an empty LIVE file, pruned ones no MERGED file.
import { InputError } from '../../errors.js';
import type { KubeChange, KubeObjectFacts, KubeObjectId, KubeReading } from './kube-change.js';
import { objectFacts, type Body } from './object-facts.js';
import { readKubectlOutput } from './read-kubectl-output.js';
import { parseBodyYaml } from './yaml-body.js';

/** One hunk: its header counts and the lines of each side, as printed (without the `+`/`-`/` ` column). */
interface Hunk {
  oldCount: number;
  newCount: number;
  oldLines: string[];
  newLines: string[];
  /** 1-based line of the first body line in the input. */
  firstLine: number;
}

interface FileDiff {
  id: KubeObjectId;
  hunks: Hunk[];
  /** 1-based line of the `---` header. */
  line: number;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/** `--- /tmp/LIVE-123/apps.v1.Deployment.web.web\t2024-05-01 10:00:00.000000000 +0000` (timestamp optional). */
const FILE_HEADER = /^(---|\+\+\+) ([^\t]+?)(?:\t.*)?$/;
/** `Only in /tmp/LIVE-123: v1.ConfigMap.x.y`: a KUBECTL_EXTERNAL_DIFF without -N shows a pruned object so. */
const ONLY_IN = /^Only in (.+): ([^/\\]+)$/;
/** An API version in a file name: `v1`, `v1beta1`, `v2alpha3`. */
const VERSION = /^v\d+[a-z0-9]*$/;

/**
 * `apps.v1.Deployment.payments-prod.web` → its id (kubectl cmd/diff/diff.go `InfoObject.Name()`): the group (none
 * for the core API), version, Kind, namespace (empty for a cluster-scoped object) and the name, which may itself
 * hold dots. The version is the first segment that looks like one and is followed by a capitalized Kind.
 */
export function parseObjectFileName(fileName: string): KubeObjectId | undefined {
  const segments = fileName.split('.');
  for (let at = 0; at + 3 < segments.length; at++) {
    const [version, kind, namespace] = [segments[at], segments[at + 1], segments[at + 2]] as [string, string, string];
    if (!VERSION.test(version) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) continue;
    const group = segments.slice(0, at).join('.');
    const name = segments.slice(at + 3).join('.');
    if (!/^([a-z0-9-]+(\.[a-z0-9-]+)*)?$/.test(group) || !/^[a-z0-9-]*$/.test(namespace) || name === '') return undefined;
    return { group, version, kind, name, ...(namespace === '' ? {} : { namespace }) };
  }
  return undefined;
}

/** The object file a diff header names, if it sits in kubectl's `LIVE-…` or `MERGED-…` temporary directory. */
function objectFile(path: string, side: 'LIVE' | 'MERGED'): { id: KubeObjectId; fileName: string } | undefined {
  const parts = path.split(/[/\\]/);
  const fileName = parts[parts.length - 1];
  const directory = parts[parts.length - 2] ?? '';
  if (!new RegExp(`^${side}-\\w+$`).test(directory)) return undefined;
  const id = parseObjectFileName(fileName);
  return id && { id, fileName };
}

function describe(id: KubeObjectId): string {
  return `${id.kind} ${id.namespace === undefined ? '' : `${id.namespace}/`}${id.name}`;
}

/** The facts of a created or pruned object, from its whole body; the body must be the object the file names. */
function wholeBodyFacts(lines: string[], firstLine: number, id: KubeObjectId, file: string): KubeObjectFacts {
  const body = parseBodyYaml(lines.join('\n'), file, firstLine, describe(id));
  const read = objectFacts(body);
  if (!read || read.id.kind !== id.kind || read.id.name !== id.name) {
    throw new InputError(`${file}: the body at line ${firstLine} is not the ${describe(id)} its diff header names.`);
  }
  return read.facts;
}

/**
 * The top-level `metadata:` block among the merged lines of the hunks: `complete` when the next top-level key
 * follows it inside the same hunk, so that every label and annotation was visible.
 */
function visibleMetadata(hunks: Hunk[]): { lines: string[]; complete: boolean } | undefined {
  for (const hunk of hunks) {
    const start = hunk.newLines.indexOf('metadata:');
    if (start < 0) continue;
    let end = start + 1;
    while (end < hunk.newLines.length && /^(\s|$)/.test(hunk.newLines[end])) end++;
    return { lines: hunk.newLines.slice(start, end), complete: end < hunk.newLines.length };
  }
  return undefined;
}

/** An updated object: its labels and annotations as far as the merged side shows them. */
function updateChange(diff: FileDiff, file: string): KubeChange {
  const metadata = visibleMetadata(diff.hunks);
  let facts: KubeObjectFacts = {};
  if (metadata) {
    let parsed: Body | undefined;
    try {
      parsed = parseBodyYaml(metadata.lines.join('\n'), file, 1, describe(diff.id));
    } catch (error) {
      // A block cut off by the end of its hunk may not parse; a complete one must.
      if (metadata.complete) throw error;
    }
    const apiVersion = diff.id.group === '' ? diff.id.version : `${diff.id.group}/${diff.id.version}`;
    const read = parsed && objectFacts({ apiVersion, kind: diff.id.kind, metadata: { ...(parsed.metadata as Body), name: diff.id.name } });
    if (read) facts = read.facts;
  }
  return { id: diff.id, action: 'update', facts, evidence: metadata?.complete ? 'object' : 'name', namespaceKnown: true };
}

function toChange(diff: FileDiff, file: string): KubeChange {
  const [first] = diff.hunks as [Hunk];
  if (diff.hunks.length === 1 && first.oldCount === 0) {
    return { id: diff.id, action: 'create', facts: wholeBodyFacts(first.newLines, first.firstLine, diff.id, file), evidence: 'object', namespaceKnown: true };
  }
  if (diff.hunks.length === 1 && first.newCount === 0) {
    return {
      id: diff.id,
      action: 'delete',
      reason: 'it is no longer in the applied manifests (kubectl diff --prune)',
      facts: wholeBodyFacts(first.oldLines, first.firstLine, diff.id, file),
      evidence: 'object',
      namespaceKnown: true,
    };
  }
  return updateChange(diff, file);
}

/** Reads the hunk that starts at `lines[index]` (its header); returns it and the index after it. */
function readHunk(lines: string[], index: number, file: string): { hunk: Hunk; next: number } {
  const header = HUNK_HEADER.exec(lines[index]) as RegExpExecArray;
  const oldCount = header[2] === undefined ? 1 : Number(header[2]);
  const newCount = header[4] === undefined ? 1 : Number(header[4]);
  const hunk: Hunk = { oldCount, newCount, oldLines: [], newLines: [], firstLine: index + 2 };
  let next = index + 1;
  while (hunk.oldLines.length < oldCount || hunk.newLines.length < newCount) {
    if (next >= lines.length) throw new InputError(`${file} ends inside the diff hunk at line ${index + 1}: the kubectl diff output is truncated.`);
    const line = lines[next];
    const marker = line[0];
    // An empty context line may have lost its leading space on the way (editors, copy and paste).
    if (marker === ' ' || line === '') {
      hunk.oldLines.push(line.slice(1));
      hunk.newLines.push(line.slice(1));
    } else if (marker === '-') {
      hunk.oldLines.push(line.slice(1));
    } else if (marker === '+') {
      hunk.newLines.push(line.slice(1));
    } else if (marker !== '\\') {
      throw new InputError(
        `${file}: line ${next + 1} ends the diff hunk at line ${index + 1} before its line counts add up: the kubectl diff output is damaged or truncated.`,
      );
    }
    next++;
    if (hunk.oldLines.length > oldCount || hunk.newLines.length > newCount) {
      throw new InputError(`${file}: the diff hunk at line ${index + 1} has more lines than its header counts: the kubectl diff output is damaged.`);
    }
  }
  // `\ No newline at end of file` follows the last line of a side.
  while (next < lines.length && lines[next].startsWith('\\')) next++;
  return { hunk, next };
}

/** Reads the `---`/`+++` header pair at `index` and the hunks after it. */
function readFileDiff(lines: string[], index: number, file: string): { diff: FileDiff; next: number } {
  const live = FILE_HEADER.exec(lines[index]);
  const merged = FILE_HEADER.exec(lines[index + 1] ?? '');
  const liveFile = live && objectFile(live[2], 'LIVE');
  const mergedFile = merged && merged[1] === '+++' ? objectFile(merged[2], 'MERGED') : undefined;
  if (!liveFile || !mergedFile || liveFile.fileName !== mergedFile.fileName) {
    throw new InputError(
      `${file}: the diff header at line ${index + 1} does not name one object in kubectl's LIVE and MERGED directories (group.version.Kind.namespace.name).`,
    );
  }
  const diff: FileDiff = { id: liveFile.id, hunks: [], line: index + 1 };
  let next = index + 2;
  while (next < lines.length && HUNK_HEADER.test(lines[next])) {
    const read = readHunk(lines, next, file);
    diff.hunks.push(read.hunk);
    next = read.next;
  }
  if (diff.hunks.length === 0)
    throw new InputError(`${file}: the diff of ${describe(diff.id)} at line ${index + 1} has no hunk: the kubectl diff output is truncated.`);
  return { diff, next };
}

/** `Only in /tmp/LIVE-1: v1.ConfigMap.x.y` (an external diff without -N): the object is pruned, or created. */
function onlyInChange(match: RegExpExecArray, line: number, file: string): KubeChange {
  const [, directory, fileName] = match as unknown as [string, string, string];
  const side = /(^|[/\\])LIVE-\w+$/.test(directory) ? 'LIVE' : /(^|[/\\])MERGED-\w+$/.test(directory) ? 'MERGED' : undefined;
  const id = side && parseObjectFileName(fileName);
  if (!id) throw new InputError(`${file}: line ${line} names a file outside kubectl's LIVE and MERGED directories.`);
  return side === 'LIVE'
    ? { id, action: 'delete', reason: 'it is no longer in the applied manifests (kubectl diff --prune)', facts: {}, evidence: 'name', namespaceKnown: true }
    : { id, action: 'create', facts: {}, evidence: 'name', namespaceKnown: true };
}

/** Every object `kubectl diff` output changes, and the objects its errors name. Pure: no I/O. */
export function readKubectlDiff(text: string, file: string): KubeReading {
  return readKubectlOutput(text, file, 'kubectl-diff', (lines, index) => {
    const line = lines[index];
    // GNU diff names each pair of files it compares before their headers: a diff line alone is output cut short.
    if (line.startsWith('diff ')) {
      if (!(lines[index + 1] ?? '').startsWith('--- '))
        throw new InputError(`${file}: the diff at line ${index + 1} has no --- header after it: the kubectl diff output is truncated or damaged.`);
      return { changes: [], next: index + 1 };
    }
    if (line.startsWith('--- ')) {
      const read = readFileDiff(lines, index, file);
      return { changes: [toChange(read.diff, file)], next: read.next };
    }
    const onlyIn = ONLY_IN.exec(line);
    return onlyIn ? { changes: [onlyInChange(onlyIn, index + 1, file)], next: index + 1 } : undefined;
  });
}
