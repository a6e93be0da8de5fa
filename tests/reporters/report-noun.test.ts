// Reports call what they judge by its platform's noun: a Terraform plan, a Kubernetes change; inputs of several
// platforms together are "the change".
import type { Report } from '../../src/model.js';
import formatAgent from '../../src/reporters/agent.js';
import formatMarkdown from '../../src/reporters/markdown.js';
import formatText from '../../src/reporters/text.js';
import { reportNoun } from '../../src/reporters/report-noun.js';
import { SAMPLE_REPORT } from './sample-report.js';

const withPlatforms = (...platforms: Report['inputs'][number]['platform'][]): Report => ({
  ...SAMPLE_REPORT,
  inputs: SAMPLE_REPORT.inputs.map((input, i) => ({ ...input, platform: platforms[i] ?? platforms[0] ?? input.platform })),
});

describe('reportNoun', () => {
  it.each([
    [['terraform', 'terraform'], 'plan'],
    [['kubernetes', 'kubernetes'], 'change'],
    [['terraform', 'kubernetes'], 'change'],
  ] as const)('calls inputs of %j "%s"', (platforms, noun) => {
    expect(reportNoun(withPlatforms(...platforms))).toBe(noun);
  });

  it('puts the noun in the headline and advice of the text, markdown and agent reports', () => {
    const kubernetes = withPlatforms('kubernetes', 'kubernetes');
    expect(formatText(kubernetes)).toContain('the change would destroy or replace');
    expect(formatText(kubernetes)).toContain('Do not apply this change.');
    expect(formatMarkdown(kubernetes)).toContain('Blocked: the change would');
    expect(formatAgent(kubernetes)).toMatch(/^blast-radius refused this change: /);
    expect(formatAgent(SAMPLE_REPORT)).toMatch(/^blast-radius refused this plan: /);
  });
});
