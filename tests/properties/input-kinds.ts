// The inputs the properties damage, one row per kind and read path: each has valid documents and reads a text
// through the library into an Outcome. A new input format (Kubernetes output, say) is one more row here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config/compiled-config.js';
import { UserError } from '../../src/errors.js';
import type { Report } from '../../src/model.js';
import { ROOT } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

/** What a read came to: the verdict with every finding, or the kind of error a user gets (exit 2). */
export type Outcome = string;

export interface InputKind {
  name: string;
  /** Valid documents of this kind, as their bytes. */
  documents: Buffer[];
  read(bytes: Buffer): Promise<Outcome>;
}

export const scratch = scratchDirectory();
let written = 0;

export function summarize(report: Report): Outcome {
  const findings = report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.address}`).sort();
  return `${report.verdict}: ${findings.join('; ')}`;
}

/** Reads the bytes as a plan file; a UserError becomes its class name, anything else (a crash) is thrown. */
export async function readPlan(bytes: Buffer | string, inMemoryLimit?: number): Promise<Outcome> {
  const file = scratch.write(`input-${written++}.json`, bytes);
  try {
    return summarize(await check({ files: [file], compiledConfig: DEFAULT_CONFIG, ...(inMemoryLimit === undefined ? {} : { inMemoryLimit }) }));
  } catch (error) {
    if (error instanceof UserError) return error.name;
    throw error;
  }
}

export const PLAN_FILES = [
  'fixtures/terraform/prod-replace/plan.json',
  'fixtures/terraform-handmade/aws-rds-prod-replace/plan.json',
  'fixtures/terraform/fan-out/plan.json',
  'fixtures/terraform-handmade/drift-and-outputs/plan.json',
  'fixtures/terraform/moved/plan.json',
  'fixtures/terraform/staging-delete/plan.json',
];
export const PLANS = PLAN_FILES.map((file) => readFileSync(join(ROOT, file)));

export const INPUT_KINDS: InputKind[] = [
  { name: 'Terraform plan JSON, parsed whole', documents: PLANS, read: (bytes) => readPlan(bytes) },
  { name: 'Terraform plan JSON, streamed', documents: PLANS, read: (bytes) => readPlan(bytes, 0) },
];
