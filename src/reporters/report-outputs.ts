// Delivers a run's report to its outputs: every reporter is loaded before the work starts, files are written first.
import { open } from 'node:fs/promises';
import type { Report } from '../model.js';
import { UsageError } from '../errors.js';
import type { FormatTarget } from './format-targets.js';
import { loadReporter, type Reporter } from './index.js';

/** Writes a report in slices instead of as one string (the JSON reporter's jsonSlices: the largest output by far). */
type SliceWriter = (report: Report) => Iterable<string>;

interface LoadedTarget extends FormatTarget {
  reporter: Reporter;
  slices?: SliceWriter;
}

/** Slices are joined up to about this many characters before each write: few writes, and never the whole text. */
const BATCH = 1 << 20;

/** A file never gets terminal colour codes, whatever standard output gets: kleur is off while it renders. */
async function withoutColour<T>(render: () => T | Promise<T>): Promise<T> {
  const { default: kleur } = await import('kleur');
  const enabled = kleur.enabled;
  kleur.enabled = false;
  try {
    return await render();
  } finally {
    kleur.enabled = enabled;
  }
}

/** Joins slices into batches of about BATCH characters and hands each to `write`. */
async function writeInBatches(slices: Iterable<string>, write: (text: string) => Promise<void>): Promise<void> {
  let batch = '';
  for (const slice of slices) {
    batch += slice;
    if (batch.length >= BATCH) {
      await write(batch);
      batch = '';
    }
  }
  if (batch !== '') await write(batch);
}

async function writeTargetFile(path: string, format: string, fill: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  try {
    const file = await open(path, 'w');
    try {
      await fill(async (text) => {
        await file.write(text);
      });
    } finally {
      await file.close();
    }
  } catch (error) {
    // Node's message reads "ENOENT: no such file or directory, open '…'": keep the reason, the path is named already.
    const reason = String((error as Error).message).split(', ')[0];
    throw new UsageError(`Cannot write the ${format} report to ${path}: ${reason}.`);
  }
}

/** Standard output, waiting whenever its buffer is full (a slow reader of a large report never makes it pile up). */
async function writeStdout(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/**
 * Loads the reporter of every target (only the formats asked for), and returns the function that writes the report
 * to each: files first, so that standard output is written only when every file was.
 */
export async function prepareOutputs(targets: readonly FormatTarget[]): Promise<(report: Report) => Promise<void>> {
  const loaded: LoadedTarget[] = await Promise.all(
    targets.map(async (target) => ({
      ...target,
      reporter: await loadReporter(target.format),
      ...(target.format === 'json' ? { slices: (await import('./json.js')).jsonSlices } : {}),
    })),
  );
  return async (report) => {
    for (const { path, format, reporter, slices } of loaded) {
      if (path === undefined) continue;
      if (slices) {
        await writeTargetFile(path, format, (write) => writeInBatches(slices(report), write));
      } else {
        const text = await withoutColour(() => reporter(report));
        await writeTargetFile(path, format, (write) => write(text));
      }
    }
    for (const { path, reporter, slices } of loaded) {
      if (path !== undefined) continue;
      if (slices) await writeInBatches(slices(report), writeStdout);
      else await writeStdout(reporter(report));
    }
  };
}
