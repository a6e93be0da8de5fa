// Reads `pulumi preview --json` (Pulumi's PreviewDigest, sdk/pkg/display/json.go) whole and checks that it is a
// complete, successful preview: not JSON, cut short, failed (an error diagnostic), without steps, or with a step
// this reader does not know is an InputError, never an empty or partial analysis.
import { InputError } from '../../errors.js';
import { decodeText } from '../../inputs/decode-text.js';
import { wholeInput, type InputBytes } from '../../inputs/input-bytes.js';
import { parseJsonDocuments } from '../../inputs/json-documents.js';
import type { AnalyzedInput } from '../../model.js';
import type { QuietChanges } from '../terraform/change-tally.js';
import { analyzePulumiPreview } from './analyze-preview.js';
import { STEP_OPS } from './step-ops.js';
import { parseUrn, type Urn } from './urn.js';

/** Previews are read whole, up to this size; no real preview comes near it. */
const PREVIEW_INPUT_LIMIT = 256 * 1024 * 1024;
/** How much of a value an error message quotes: an op or a URN, never more. */
const QUOTE_LIMIT = 200;

/** One step as the reader has checked it: `op` is in STEP_OPS and `urn` is a URN; the states are objects when present. */
export interface PreviewStep {
  op: string;
  urn: string;
  parsedUrn: Urn;
  oldState?: Record<string, unknown>;
  newState?: Record<string, unknown>;
  diffReasons?: unknown;
  replaceReasons?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const quote = (text: string): string => JSON.stringify(text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text);

/** Pulumi's own words when it refuses to delete a protected resource (pkg/resource/deploy/step.go deleteProtectedError). */
const PROTECTED = /cannot be deleted\s+because it is protected/;

/** The sentence for a preview that failed: it names a protected resource Pulumi refuses to delete, else the resource the first error is about. */
function failedPreview(errors: Record<string, unknown>[], name: string): InputError {
  const urnOf = (diagnostic: Record<string, unknown>): string | undefined =>
    typeof diagnostic.urn === 'string' && parseUrn(diagnostic.urn) ? diagnostic.urn : undefined;
  const protectedUrns = errors.filter((d) => typeof d.message === 'string' && PROTECTED.test(d.message)).flatMap((d) => urnOf(d) ?? []);
  if (protectedUrns.length > 0) {
    return new InputError(
      `${name} is a failed preview: pulumi refuses to delete ${protectedUrns.map(quote).join(', ')}, which ${protectedUrns.length > 1 ? 'are' : 'is'} protected (\`protect: true\`), so the preview stopped there and shows not every change: keep the resource in the program, or unprotect it (\`pulumi state unprotect <urn>\`) only if it must go, then preview again and check it.`,
    );
  }
  const about = errors.map(urnOf).find((urn) => urn !== undefined);
  return new InputError(
    `${name} is a failed preview: pulumi reported ${errors.length === 1 ? 'an error' : `${errors.length} errors`}${about ? ` (the first about ${quote(about)})` : ''} and a failed preview shows not every change; fix what \`pulumi preview\` reports, then preview again and check it.`,
  );
}

function checkStep(raw: unknown, index: number, name: string): PreviewStep {
  const where = `${name}: step ${index + 1} of \`steps\``;
  if (!isObject(raw)) throw new InputError(`${where} is not an object, as every step of \`pulumi preview --json\` is.`);
  const { op, urn, oldState, newState } = raw;
  if (typeof op !== 'string') throw new InputError(`${where} has no \`op\`: the file is not complete \`pulumi preview --json\` output.`);
  const parsedUrn = typeof urn === 'string' ? parseUrn(urn) : undefined;
  if (typeof urn !== 'string' || parsedUrn === undefined) {
    throw new InputError(`${where} has no Pulumi URN in \`urn\`: the file is not complete \`pulumi preview --json\` output.`);
  }
  if (!Object.hasOwn(STEP_OPS, op)) {
    throw new InputError(
      `${where} (${quote(urn)}) has the op ${quote(op)}, which blast-radius does not know: it cannot tell what it does to the resource, so it judges nothing.`,
    );
  }
  for (const [member, state] of [
    ['oldState', oldState],
    ['newState', newState],
  ] as const) {
    if (state !== undefined && state !== null && !isObject(state)) throw new InputError(`${where} has an \`${member}\` that is not an object.`);
  }
  const step: PreviewStep = { op, urn, parsedUrn, diffReasons: raw.diffReasons, replaceReasons: raw.replaceReasons };
  if (isObject(oldState)) step.oldState = oldState;
  if (isObject(newState)) step.newState = newState;
  return step;
}

/** The checked steps of a preview document. */
export function checkPreview(document: unknown, name: string): PreviewStep[] {
  if (!isObject(document)) throw new InputError(`${name} is not a JSON object: expected the output of \`pulumi preview --json\`.`);
  const { diagnostics, steps } = document;
  if (diagnostics !== undefined && !Array.isArray(diagnostics)) throw new InputError(`${name} has \`diagnostics\` that are not a list.`);
  const errors = (diagnostics ?? []).filter((d): d is Record<string, unknown> => isObject(d) && d.severity === 'error');
  if (errors.length > 0) throw failedPreview(errors, name);
  if (!Array.isArray(steps)) {
    throw new InputError(
      `${name} has no \`steps\` list, which \`pulumi preview --json\` always writes (the stack itself is one): the file is not a complete preview.`,
    );
  }
  return steps.map((step, i) => checkStep(step, i, name));
}

/** Reads one `pulumi preview --json` input into its analysis. */
export function readPulumiPreview(input: InputBytes, quietChanges: QuietChanges | undefined): AnalyzedInput {
  const text = decodeText(wholeInput(input, PREVIEW_INPUT_LIMIT), input.name);
  const documents = parseJsonDocuments(text, input.name, 'Pulumi');
  if (documents.length !== 1) throw new InputError(`${input.name} holds ${documents.length} JSON documents: \`pulumi preview --json\` writes one.`);
  return analyzePulumiPreview(checkPreview(documents[0], input.name), input.name, input.firstIndex, quietChanges ?? 'keep');
}
