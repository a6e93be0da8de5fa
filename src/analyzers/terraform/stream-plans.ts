// Reads Terraform plans (one, or a stream of them) from a JSON scanner in bounded memory: the members the analysis
// needs are parsed, resource changes one entry at a time, and the bulky rest (planned_values, prior_state but its
// resources' modes, most of configuration) is checked byte by byte and skipped. Gives the same AnalyzedInput as
// validatePlan + analyzeTerraformPlan.
import { InputError } from '../../errors.js';
import { MAX_DOCUMENTS, tooManyDocumentsMessage } from '../../inputs/document-limit.js';
import type { JsonScanner } from '../../inputs/json-scanner.js';
import type { Capture, WantedMembers } from '../../inputs/json-skipper.js';
import type { AnalyzedInput, Drift, ResourceChange } from '../../model.js';
import { analyzePlanHeader, resourceAction, toDrift, toResourceChange, withPriorState } from './analyze-plan.js';
import { ChangeTally, type QuietChanges } from './change-tally.js';
import { EvidencePool } from './evidence-pool.js';
import type { RawPlan, RawResourceChange } from './plan-types.js';
import { OPTIONAL_TEXT_FIELDS, checkIsList, checkOutputChanges, checkPlanHeader, checkResourceChange, checkVariables } from './validate-plan.js';

/** Stands for a member that was checked and skipped: validation only asks whether it is there. */
const SKIPPED = Object.freeze({});
/** Members parsed whole: small in every plan. */
const PARSED_MEMBERS = new Set(['format_version', 'terraform_version', 'errored', 'variables', 'output_changes']);
/**
 * The members of a resource change that say what it does and pass validation (checkResourceChange) without its
 * values, and those of its `change`: captured by the scanner as it skips the entry.
 */
const ENTRY_FACTS = ['address', 'type', 'name', 'mode', 'index', ...OPTIONAL_TEXT_FIELDS, 'change'];
const CHANGE = ENTRY_FACTS.indexOf('change');
const CHANGE_FACTS = ['actions', 'importing'];
const ENTRY_CAPTURE: WantedMembers = { outer: ENTRY_FACTS, nestedIndex: CHANGE, inner: CHANGE_FACTS };

/** The first entry of a list that failed validation, checked again once the document's name is known. */
interface BadEntry {
  entry: unknown;
  index: number;
}

/** One plan document as read: finish() validates it in validatePlan's order and returns its analysis. */
export interface ReadPlan {
  finish(name: string): AnalyzedInput;
  /** True when resource_drift came after resource_changes and names a quiet change that was not kept. */
  readonly missesDriftedChanges: boolean;
}

/** The value of a member that must be a list: null stays null, any other non-list is skipped and stands as such. */
function readList(scanner: JsonScanner, element: (index: number) => void): unknown {
  if (scanner.peek() === 0x6e) return scanner.parseValue();
  if (scanner.readArray(element)) return [];
  scanner.skipValue();
  return SKIPPED;
}

/** A resource's configuration reduced to what the dependency graph reads: its address and the references it makes. */
function reduceResourceConfiguration(resource: unknown): unknown {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) return resource;
  const { address, depends_on: dependsOn, expressions, count_expression: count, for_each_expression: forEach } = resource as Record<string, unknown>;
  return { address, depends_on: dependsOn, expressions, count_expression: count, for_each_expression: forEach };
}

/**
 * From `configuration` only `root_module.variables` (which root variables are sensitive) and what the dependency
 * graph needs are read: each root resource's address and expressions, one at a time, and the module calls.
 */
function readConfiguration(scanner: JsonScanner): unknown {
  let rootModule: unknown;
  const isObject = scanner.readObject((key) => {
    if (key !== 'root_module') return scanner.skipValue();
    const module: Record<string, unknown> = {};
    const moduleIsObject = scanner.readObject((moduleKey) => {
      if (moduleKey === 'variables' || moduleKey === 'module_calls') module[moduleKey] = scanner.parseValue();
      else if (moduleKey === 'resources') {
        const resources: unknown[] = [];
        module.resources = readList(scanner, () => resources.push(reduceResourceConfiguration(scanner.parseValue()))) === SKIPPED ? undefined : resources;
      } else scanner.skipValue();
    });
    if (!moduleIsObject) scanner.skipValue();
    rootModule = moduleIsObject ? module : {};
  });
  if (!isObject) {
    scanner.skipValue();
    return SKIPPED;
  }
  return rootModule === undefined ? {} : { root_module: rootModule };
}

/** Stands for a value of another kind than the one read into (not null): prior-state.ts takes it for a state it cannot read. */
const OTHER_KIND = 0;
const MODE_KEY = [Buffer.from('mode')];

function nullOrOtherKind(scanner: JsonScanner): unknown {
  if (scanner.peek() === 0x6e) return scanner.parseValue();
  scanner.skipValue();
  return OTHER_KIND;
}

/** An object reduced to the members `read` returns a value for (it skips the others). */
function reduceObject(scanner: JsonScanner, read: (key: string) => unknown): unknown {
  const reduced: Record<string, unknown> = {};
  const isObject = scanner.readObject((key) => {
    const value = read(key);
    if (value !== undefined) reduced[key] = value;
  });
  return isObject ? reduced : nullOrOtherKind(scanner);
}

/**
 * A prior_state module reduced to what prior-state.ts reads: its resources' modes, data sources left out and only the
 * first other one kept, and its child modules. Once a resource that is not a data source is found, the state is not
 * empty whatever follows, and the rest is skipped: a state of any size takes little memory and time, and gives the
 * answer of the whole read.
 */
function reduceStateModule(scanner: JsonScanner, found: { managed: boolean }): unknown {
  return reduceObject(scanner, (key) => {
    if (found.managed || (key !== 'resources' && key !== 'child_modules')) return scanner.skipValue();
    const list: unknown[] = [];
    const isList = scanner.readArray(() => {
      if (found.managed) return scanner.skipValue();
      if (key === 'child_modules') return void list.push(reduceStateModule(scanner, found));
      const resource = reduceStateResource(scanner);
      const isDataSource = typeof resource === 'object' && resource !== null && (resource as { mode?: unknown }).mode === 'data';
      if (isDataSource) return;
      list.push(resource);
      found.managed = true;
    });
    return isList ? list : nullOrOtherKind(scanner);
  });
}

function reduceStateResource(scanner: JsonScanner): unknown {
  const resource: Record<string, unknown> = {};
  const isObject = scanner.readObjectOf(MODE_KEY, (index) => {
    if (index === 0) resource.mode = scanner.parseValue();
    else scanner.skipValue();
  });
  return isObject ? resource : nullOrOtherKind(scanner);
}

/** prior_state reduced to whether its modules hold a managed resource (prior-state.ts). */
function readPriorState(scanner: JsonScanner): unknown {
  const found = { managed: false };
  return reduceObject(scanner, (key) => {
    if (key !== 'values') return scanner.skipValue();
    return reduceObject(scanner, (valuesKey) => (valuesKey === 'root_module' ? reduceStateModule(scanner, found) : scanner.skipValue()));
  });
}

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** The index of the first byte at or after `from` that is not JSON whitespace. */
function skipSpace(bytes: Buffer, from: number): number {
  let at = from;
  while (isSpace(bytes[at])) at++;
  return at;
}

/** Whether bytes[from..to) hold a backslash (an escape): facts are short, so a loop costs less than a search to the end. */
function holdsBackslash(bytes: Buffer, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (bytes[at] === 0x5c) return true;
  return false;
}

/**
 * The facts of one resource change (its bytes, which start at input offset `base`) from the members the scanner
 * captured, without its attribute values; null when the entry is not an object. A captured value's text starts after
 * its key: space, the colon, space, then the value.
 */
function changeFacts(bytes: Buffer, base: number, captured: readonly Capture[]): Record<string, unknown> | null {
  if (bytes[skipSpace(bytes, 0)] !== 0x7b) return null;
  const facts: Record<string, unknown> = {};
  const change: Record<string, unknown> = {};
  for (const { slot, start, end } of captured) {
    const valueStart = skipSpace(bytes, skipSpace(bytes, start - base) + 1);
    if (slot === CHANGE) {
      facts.change = bytes[valueStart] === 0x7b ? change : null;
      continue;
    }
    const valueEnd = end - base;
    // A string without escapes is its bytes between the quotes; anything else goes to JSON.parse.
    const plainString = bytes[valueStart] === 0x22 && !holdsBackslash(bytes, valueStart, valueEnd);
    const value: unknown = plainString ? bytes.toString('utf8', valueStart + 1, valueEnd - 1) : JSON.parse(bytes.toString('utf8', valueStart, valueEnd));
    if (slot < ENTRY_FACTS.length) facts[ENTRY_FACTS[slot]] = value;
    else change[CHANGE_FACTS[slot - ENTRY_FACTS.length]] = value;
  }
  return facts;
}

function readPlan(scanner: JsonScanner, input: number, quietChanges: QuietChanges): ReadPlan {
  const members: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const drifted = new Set<string>();
  let tally = new ChangeTally(quietChanges, drifted);
  let changes: ResourceChange[] = [];
  let pool = new EvidencePool();
  let drift: Drift[] = [];
  let badChange: BadEntry | undefined;
  let badDrift: BadEntry | undefined;
  let droppedBeforeDrift = false;
  let driftAfterDrop = false;

  const readChange = (index: number): void => {
    const start = scanner.mark();
    const captured = scanner.skipCapturing(ENTRY_CAPTURE);
    const bytes = scanner.capturedSince(start);
    scanner.release();
    if (badChange !== undefined) return;
    const facts = changeFacts(bytes, start, captured);
    try {
      checkResourceChange(facts, index, 'resource_changes', 'plan');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      badChange = { entry: facts, index };
      return;
    }
    const raw = facts as unknown as RawResourceChange;
    if (tally.count(resourceAction(raw), raw.address)) {
      changes.push(toResourceChange(JSON.parse(bytes.toString('utf8')) as RawResourceChange, input, pool));
    } else {
      droppedBeforeDrift = true;
    }
  };

  const readDriftEntry = (index: number): void => {
    const entry = scanner.parseValue();
    if (badDrift !== undefined) return;
    try {
      checkResourceChange(entry, index, 'resource_drift', 'plan', true);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      badDrift = { entry, index };
      return;
    }
    const parsed = toDrift(entry as RawResourceChange, input);
    drift.push(parsed);
    drifted.add(parsed.address);
  };

  const isObject = scanner.readObject((key) => {
    if (key === 'resource_changes') {
      tally = new ChangeTally(quietChanges, drifted);
      changes = [];
      pool = new EvidencePool();
      badChange = undefined;
      members[key] = readList(scanner, readChange);
    } else if (key === 'resource_drift') {
      drift = [];
      drifted.clear();
      badDrift = undefined;
      members[key] = readList(scanner, readDriftEntry);
      driftAfterDrop ||= droppedBeforeDrift;
    } else if (key === 'configuration') {
      members[key] = readConfiguration(scanner);
    } else if (key === 'prior_state') {
      members[key] = readPriorState(scanner);
    } else if (PARSED_MEMBERS.has(key)) {
      members[key] = scanner.parseValue();
    } else {
      scanner.skipValue();
      members[key] = SKIPPED;
    }
  });
  if (!isObject) scanner.skipValue();
  const kept = (): Set<string> => new Set(changes.map((change) => change.address));

  return {
    get missesDriftedChanges() {
      if (!driftAfterDrop) return false;
      const addresses = kept();
      return drift.some((entry) => !addresses.has(entry.address));
    },
    finish(name) {
      const document: unknown = isObject ? members : [];
      checkPlanHeader(document, name);
      checkIsList(members.resource_changes, 'resource_changes', name);
      if (badChange) checkResourceChange(badChange.entry, badChange.index, 'resource_changes', name);
      checkIsList(members.resource_drift, 'resource_drift', name);
      if (badDrift) checkResourceChange(badDrift.entry, badDrift.index, 'resource_drift', name, true);
      checkOutputChanges(members.output_changes, name);
      checkVariables(members.variables, name);
      return withPriorState(
        { ...analyzePlanHeader(document as unknown as RawPlan, name), changes, drift, actionCounts: tally.actionCounts },
        members.prior_state,
      );
    },
  };
}

/**
 * Reads every document of the input. JSON errors throw at once; a document that is not a readable plan throws
 * from its finish(), so that, as with JSON.parse, a broken document anywhere wins over a bad plan.
 */
export function readPlans(scanner: JsonScanner, firstIndex: number, quietChanges: QuietChanges): ReadPlan[] {
  const plans: ReadPlan[] = [];
  let previousIsContainer = true;
  while (scanner.hasDocument()) {
    const start = scanner.peek();
    const isContainer = start === 0x7b || start === 0x5b;
    // Only objects and arrays may follow one another (a stream of plans); a lone scalar is one document.
    if (plans.length > 0 && !(isContainer && previousIsContainer)) scanner.unexpected();
    previousIsContainer = isContainer;
    if (plans.length === MAX_DOCUMENTS) throw new InputError(tooManyDocumentsMessage(scanner.name));
    plans.push(readPlan(scanner, firstIndex + plans.length, quietChanges));
  }
  return plans;
}
