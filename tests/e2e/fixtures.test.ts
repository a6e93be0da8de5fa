// End to end over every fixture: the built CLI's exit code, findings and environments match the expect.json beside it,
// and no secret planted in the plan appears in any output format.
import { fixtureCases, type FixtureCase } from '../helpers/fixture-cases.js';
import { runCli } from '../helpers/run-cli.js';

const groups = ['terraform', 'terraform-handmade', 'terraform-recoverability'];

function sortKey(f: { ruleId: string; address: string; severity: string }): string {
  return `${f.ruleId} ${f.address} ${f.severity}`;
}

describe.each(groups)('fixtures/%s', (group) => {
  const cases = fixtureCases(group);

  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(cases.map((c): [string, FixtureCase] => [c.name, c]))('%s', (_name, fixture) => {
    const json = runCli(['check', fixture.plan, '--format', 'json']);
    const text = runCli(['check', fixture.plan]);

    it('exits with the expected code in every format', () => {
      expect(json.stderr).toBe('');
      expect(json.code).toBe(fixture.expect.exitCode);
      expect(text.code).toBe(fixture.expect.exitCode);
    });

    it('reports exactly the expected findings', () => {
      const report = JSON.parse(json.stdout);
      const actual = report.findings.map((f: FixtureCase['expect']['findings'][number]) => sortKey(f)).sort();
      expect(actual).toEqual(fixture.expect.findings.map(sortKey).sort());
      expect(report.verdict).toBe(fixture.expect.exitCode === 1 ? 'block' : 'pass');
    });

    it('puts every touched resource in the expected environment, with a reason', () => {
      const report = JSON.parse(json.stdout);
      const environments: Record<string, string> = {};
      for (const resource of report.resources) {
        environments[resource.address] = resource.environment.name;
        expect(resource.environment.reason).toEqual(expect.any(String));
      }
      expect(environments).toEqual(fixture.expect.environments);
    });

    it('names every blocking finding in the text report', () => {
      for (const finding of fixture.expect.findings.filter((f) => f.severity === 'error')) {
        expect(text.stdout).toContain(finding.address);
        expect(text.stdout).toContain(finding.ruleId);
      }
      expect(text.stdout).toMatch(fixture.expect.exitCode === 1 ? /^BLOCKED/ : /^PASS/);
    });

    const recoverability = fixture.expect.recoverability;
    if (recoverability !== undefined) {
      it('says whether the data of each destroyed resource comes back, in JSON and in words (and nothing of updates)', () => {
        const findings = (JSON.parse(json.stdout) as { findings: { address: string; recoverability?: { outcome: string; why: string } }[] }).findings;
        const outcomes: Record<string, string> = {};
        for (const { address, recoverability: found } of findings) if (found) outcomes[address] = found.outcome;
        expect(outcomes).toEqual(recoverability);
        for (const { recoverability: found } of findings) if (found) expect(text.stdout).toContain(`: ${found.why}.`);
      });
    }

    const secrets = fixture.expect.absent ?? [];
    if (secrets.length > 0) {
      it('never prints a sensitive value, in any format', () => {
        const outputs = [json.stdout, json.stderr, text.stdout, text.stderr].join('\n');
        for (const secret of secrets) {
          expect(outputs).not.toContain(secret);
          expect(outputs).not.toContain(Buffer.from(secret).toString('base64'));
        }
      });
    }
  });
});
