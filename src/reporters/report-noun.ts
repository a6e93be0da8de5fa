// What reports call the change they judge: its platform's noun (`plan`, `change`), or `change` when inputs of several
// platforms are judged together.
import type { Report } from '../model.js';
import { PLATFORMS } from '../platforms/index.js';

export function reportNoun(report: Report): string {
  const platforms = new Set(report.inputs.map((input) => input.platform));
  const [only] = platforms;
  return platforms.size === 1 && only !== undefined ? PLATFORMS[only].noun : 'change';
}
