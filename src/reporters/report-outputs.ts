// Delivers a run's report to its outputs: every reporter is loaded before the work starts, files are written first.
import { writeFile } from 'node:fs/promises';
import type { Report } from '../model.js';
import { UsageError } from '../errors.js';
import type { FormatTarget } from './format-targets.js';
import { loadReporter, type Reporter } from './index.js';

interface LoadedTarget extends FormatTarget {
  reporter: Reporter;
}

/** A file never gets terminal colour codes, whatever standard output gets: kleur is off while it renders. */
async function renderWithoutColour(reporter: Reporter, report: Report): Promise<string> {
  const { default: kleur } = await import('kleur');
  const enabled = kleur.enabled;
  kleur.enabled = false;
  try {
    return reporter(report);
  } finally {
    kleur.enabled = enabled;
  }
}

async function writeTargetFile(path: string, format: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    // Node's message reads "ENOENT: no such file or directory, open '…'": keep the reason, the path is named already.
    const reason = String((error as Error).message).split(', ')[0];
    throw new UsageError(`Cannot write the ${format} report to ${path}: ${reason}.`);
  }
}

/**
 * Loads the reporter of every target (only the formats asked for), and returns the function that writes the report
 * to each: files first, so that standard output is written only when every file was.
 */
export async function prepareOutputs(targets: readonly FormatTarget[]): Promise<(report: Report) => Promise<void>> {
  const loaded: LoadedTarget[] = await Promise.all(targets.map(async (target) => ({ ...target, reporter: await loadReporter(target.format) })));
  return async (report) => {
    for (const { path, format, reporter } of loaded) {
      if (path !== undefined) await writeTargetFile(path, format, await renderWithoutColour(reporter, report));
    }
    for (const { path, reporter } of loaded) {
      if (path === undefined) process.stdout.write(reporter(report));
    }
  };
}
