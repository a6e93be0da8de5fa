// The configuration end to end: each kind of rule, the policy settings and exceptions change what the built CLI
// decides on real fixtures; init writes a file check accepts; explain shows every rule tried.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

let counter = 0;
function config(text: string): string {
  return scratch.write(`config-${counter++}.yml`, text);
}

const plan = (group: string, name: string): string => join(ROOT, 'fixtures', group, name, 'plan.json');

function checkWith(configText: string, planPath: string) {
  const result = runCli(['check', planPath, '--config', config(configText), '--format', 'json']);
  return { ...result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
}

const findings = (report: { findings: { ruleId: string; address: string; severity: string }[] }) =>
  report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.address}`).sort();

describe('rules', () => {
  it('assigns a protected environment by cloud account id', () => {
    const { code, report } = checkWith(
      'environments:\n  pci: { protected: true }\nrules:\n  - id: pci-account\n    environment: pci\n    match: { account: "482913556120" }\n',
      plan('terraform-handmade', 'tags-sensitive-and-not-prod'),
    );
    expect(code).toBe(1);
    expect(findings(report)).toEqual(['error prod-delete aws_instance.reproduce_bug', 'warning nonprod-delete aws_s3_bucket.product_catalog']);
    const resource = report.resources.find((r: { address: string }) => r.address === 'aws_instance.reproduce_bug');
    expect(resource.environment).toMatchObject({ name: 'pci', protected: true, rule: 'pci-account' });
    expect(resource.environment.reason).toMatch(/rule pci-account matches its aws account 482913556120/);
  });

  it('tries rules in order, first match wins, before the built-in rules', () => {
    const { report } = checkWith(
      'rules:\n  - { id: everything-dev, environment: development, match: { variable: { name: environment, value: prod } } }\n  - { id: never, environment: production, match: { name: "*" } }\n',
      plan('terraform', 'root-variable-prod'),
    );
    expect(report.resources.map((r: { environment: { rule: string } }) => r.environment.rule)).toEqual(['everything-dev', 'everything-dev']);
    expect(report.verdict).toBe('pass');
  });

  it.each([
    ['a module key', 'match: { key: prod, module: network }', 'module-instance-removal', 'module.network["prod"].terraform_data.vpc'],
    ['a tag glob', 'match: { tag: { key: env, value: "Prod*" } }', 'azurerm-tags-delete', 'azurerm_mssql_database.ledger'],
    ['a namespace', 'match: { namespace: payments }', 'kubernetes-provider-labels', 'kubernetes_persistent_volume_claim.data'],
    ['an attribute regex', 'match: { attribute: { name: name, value: "/^rg-.*-prd$/" } }', 'azurerm-tags-delete', 'azurerm_resource_group.rg'],
    ['a type and an address glob', 'match: { type: terraform_data, address: "terraform_data.prod_*" }', 'prod-replace', 'terraform_data.prod_db'],
  ])('matches %s', (_what, match, fixture, address) => {
    const group = fixture.includes('-delete') || fixture.includes('labels') ? 'terraform-handmade' : 'terraform';
    const { report } = checkWith(
      `environments:\n  vault: { protected: true }\nrules:\n  - id: the-rule\n    environment: vault\n    ${match}\n`,
      plan(group, fixture),
    );
    const resource = report.resources.find((r: { address: string }) => r.address === address);
    expect(resource.environment).toMatchObject({ name: 'vault', rule: 'the-rule' });
  });

  it('turns the built-in rules off with defaults: false', () => {
    const { code, report } = checkWith('defaults: false\n', plan('terraform', 'prod-replace'));
    expect(code).toBe(0);
    expect(findings(report)).toEqual(['warning unknown-env-replace terraform_data.prod_db']);
  });

  it('lets a team protect staging, and name their own environment in tags', () => {
    const { code, report } = checkWith('environments:\n  staging: { protected: true }\n', plan('terraform', 'staging-delete'));
    expect(code).toBe(1);
    expect(findings(report)).toEqual(['error prod-delete terraform_data.staging_db', 'warning nonprod-delete terraform_data.dev_worker']);
  });
});

describe('policy', () => {
  it.each([
    [
      'unknown: block fails closed on unknown environments',
      'policy: { unknown: block }',
      'not-production-names',
      1,
      [
        'error unknown-env-delete terraform_data.product_catalog',
        'error unknown-env-delete terraform_data.productivity_report',
        'error unknown-env-delete terraform_data.reproduce_bug',
      ],
    ],
    ['block: [delete] lets production replaces warn', 'policy: { block: [delete] }', 'prod-replace', 0, ['warning prod-replace terraform_data.prod_db']],
    [
      'maxDestructiveChanges caps one plan',
      'policy: { maxDestructiveChanges: 1 }',
      'staging-delete',
      1,
      ['error too-many-destructive (whole plan)', 'warning nonprod-delete terraform_data.dev_worker', 'warning nonprod-delete terraform_data.staging_db'],
    ],
    [
      'protectedTypes block in any environment',
      'policy: { protectedTypes: [terraform_data] }',
      'staging-delete',
      1,
      [
        'error protected-type-destroy terraform_data.dev_worker',
        'error protected-type-destroy terraform_data.staging_db',
        'warning nonprod-delete terraform_data.dev_worker',
        'warning nonprod-delete terraform_data.staging_db',
      ],
    ],
    [
      'blockUpdatesOf blocks updates of listed types in production',
      'policy: { blockUpdatesOf: [terraform_data] }',
      'update-in-place-prod',
      1,
      ['error prod-update terraform_data.prod_db'],
    ],
  ])('%s', (_name, text, fixture, exitCode, expected) => {
    const { code, report } = checkWith(`${text}\n`, plan('terraform', fixture));
    expect(code).toBe(exitCode);
    expect(findings(report)).toEqual(expected);
  });
});

describe('policy.rules', () => {
  it.each([
    ['off turns a rule off: a production replace passes', 'prod-replace: off', 'prod-replace', 0, []],
    ['0 is off', 'prod-replace: 0', 'prod-replace', 0, []],
    ['warn makes its findings warnings', 'prod-replace: warn', 'prod-replace', 0, ['warning prod-replace terraform_data.prod_db']],
    ['1 is warn', 'prod-replace: 1', 'prod-replace', 0, ['warning prod-replace terraform_data.prod_db']],
    [
      'error (2) makes them block',
      'nonprod-delete: 2',
      'staging-delete',
      1,
      ['error nonprod-delete terraform_data.dev_worker', 'error nonprod-delete terraform_data.staging_db'],
    ],
    [
      '[level, options] sets a threshold',
      'too-many-destructive: [error, { max: 1 }]',
      'staging-delete',
      1,
      ['error too-many-destructive (whole plan)', 'warning nonprod-delete terraform_data.dev_worker', 'warning nonprod-delete terraform_data.staging_db'],
    ],
    [
      '[level, options] under the threshold reports nothing',
      'too-many-destructive: [error, { max: 2 }]',
      'staging-delete',
      0,
      ['warning nonprod-delete terraform_data.dev_worker', 'warning nonprod-delete terraform_data.staging_db'],
    ],
    [
      '[level, options] sets options of rules off by default',
      'protected-type-destroy: [warn, { types: [terraform_data] }]',
      'staging-delete',
      0,
      [
        'warning nonprod-delete terraform_data.dev_worker',
        'warning nonprod-delete terraform_data.staging_db',
        'warning protected-type-destroy terraform_data.dev_worker',
        'warning protected-type-destroy terraform_data.staging_db',
      ],
    ],
  ])('%s', (_name, entry, fixture, exitCode, expected) => {
    const { code, report } = checkWith(`policy:\n  rules:\n    ${entry}\n`, plan('terraform', fixture));
    expect(code).toBe(exitCode);
    expect(findings(report)).toEqual(expected);
  });

  it('wins over the older policy keys, whose settings it merges over', () => {
    const blocked = checkWith('policy:\n  block: [delete]\n  rules: { prod-replace: error }\n', plan('terraform', 'prod-replace'));
    expect(blocked.code).toBe(1);
    const warned = checkWith('policy:\n  maxDestructiveChanges: 1\n  rules: { too-many-destructive: warn }\n', plan('terraform', 'staging-delete'));
    expect(warned.code).toBe(0);
    expect(findings(warned.report)).toContain('warning too-many-destructive (whole plan)');
  });

  it.each([
    ['an unknown rule id', 'prod-replce: off', /policy\.rules: no policy rule is called "prod-replce" \(`blast-radius rules` lists them\) \(line 3\)/],
    ['an unknown level', 'prod-replace: warning', /policy\.rules\.prod-replace: must be one of "off", "warn", "error", 0, 1, 2 \(line 3\)/],
    ['an option the rule does not take', 'prod-replace: [warn, { max: 3 }]', /policy\.rules\.prod-replace\.1: unknown key "max"/],
    ['an option of the wrong type', 'too-many-destructive: [error, { max: many }]', /policy\.rules\.too-many-destructive\.1\.max: must be integer/],
  ])('refuse %s, naming the file (exit 2)', (_name, entry, problem) => {
    const file = config(`policy:\n  rules:\n    ${entry}\n`);
    const result = runCli(['check', plan('terraform', 'prod-replace'), '--config', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file} is not a valid blast-radius configuration:`);
    expect(result.stderr).toMatch(problem);
  });
});

describe('exceptions', () => {
  const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const exception = (address: string, rules: string, expires = soon) =>
    `exceptions:\n  - { address: '${address}', rules: [${rules}], reason: Planned rebuild (OPS-1), by: jane@example.com, expires: ${expires} }\n`;

  it('waive the findings they name, and the report lists what each waived', () => {
    const { code, report, stdout } = checkWith(
      `${exception('terraform_data.prod_*', 'prod-replace')}  - { address: module.gone.*, rules: [prod-delete], reason: unused, by: me, expires: ${soon} }\n`,
      plan('terraform', 'prod-replace'),
    );
    expect(code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.summary).toMatchObject({ errors: 0, waived: 1 });
    expect(report.findings[0]).toMatchObject({ ruleId: 'prod-replace', severity: 'error', waived: { by: 'jane@example.com' } });
    expect(report.exceptions.map((e: { waived: string[] }) => e.waived)).toEqual([['terraform_data.prod_db'], []]);
    expect(stdout).toBeTruthy();
    const text = runCli(['check', plan('terraform', 'prod-replace'), '--config', config(exception('terraform_data.prod_db', 'prod-replace'))]);
    expect(text.stdout).toMatch(/waived .*terraform_data\.prod_db/);
    expect(text.stdout).toContain(`Waived by an exception: Planned rebuild (OPS-1) (jane@example.com, until ${soon}).`);
  });

  it('do not waive other rules', () => {
    expect(checkWith(exception('terraform_data.prod_db', 'prod-delete'), plan('terraform', 'prod-replace')).code).toBe(1);
  });

  it('make the configuration invalid when they run longer than policy.maxExceptionDays', () => {
    const result = runCli([
      'check',
      plan('terraform', 'prod-replace'),
      '--config',
      config(`policy: { maxExceptionDays: 7 }\n${exception('terraform_data.prod_db', 'prod-replace')}`),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /exceptions\[0\] \(terraform_data\.prod_db, prod-replace\) runs until .*, more than 7 days from today \(policy\.maxExceptionDays\)/,
    );
  });

  it('make the configuration invalid once expired', () => {
    const result = runCli(['check', plan('terraform', 'prod-replace'), '--config', config(exception('terraform_data.prod_db', 'prod-replace', '2020-01-01'))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/exceptions\[0\] \(terraform_data\.prod_db, prod-replace\) expired on 2020-01-01: remove it or renew it/);
  });
});

describe('files', () => {
  it('exits 2 listing the problems of an invalid file', () => {
    const result = runCli(['check', plan('terraform', 'prod-replace'), '--config', config('version: 2\npolicy:\n  unknwn: block\n')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/version: must be equal to constant/);
    expect(result.stderr).toMatch(/policy: unknown key "unknwn" \(line 3\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  (process.platform === 'win32' ? it.skip : it)('exits 2 naming a configuration file its group can write', () => {
    const path = config('version: 1\n');
    chmodSync(path, 0o664);
    const result = runCli(['check', plan('terraform', 'prod-replace'), '--config', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path} is writable by its group (mode 0664)`);
  });

  it('names a --config file that does not exist', () => {
    const result = runCli(['check', plan('terraform', 'prod-replace'), '--config', join(scratch.path, 'nope.yml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nope\.yml: no such configuration file/);
  });

  it('is found above the working directory, and the report names it', () => {
    const project = join(scratch.path, 'project');
    mkdirSync(join(project, 'infra'), { recursive: true });
    mkdirSync(join(project, '.git'));
    writeFileSync(join(project, '.blast-radius.yml'), 'policy: { unknown: block }\n');
    const result = runCli(['check', plan('terraform', 'not-production-names'), '--format', 'json'], { cwd: join(project, 'infra') });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).config).toBe(join(project, '.blast-radius.yml'));
  });
});

describe('init', () => {
  it('writes a starter file check accepts, and refuses to overwrite it without --force', () => {
    const dir = join(scratch.path, 'init');
    mkdirSync(dir);
    expect(runCli(['init'], { cwd: dir }).code).toBe(0);
    const written = readFileSync(join(dir, '.blast-radius.yml'), 'utf8');
    expect(written).toContain('$schema');
    expect(runCli(['check', plan('terraform', 'prod-replace')], { cwd: dir }).code).toBe(1);
    const again = runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists already: edit it, or pass --force/);
    expect(runCli(['init', '--force'], { cwd: dir }).code).toBe(0);
  });

  it('ships the schema the starter file points editors to', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'blast-radius.schema.json'), 'utf8'));
    expect(schema.title).toMatch(/blast-radius configuration/);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).files).toContain('schema/');
  });
});

describe('explain', () => {
  it('shows every rule tried, which matched, and on what evidence', () => {
    const cfg = config('rules:\n  - { id: never-matches, environment: staging, match: { name: nothing } }\n');
    const result = runCli(['explain', plan('terraform', 'root-variable-prod'), 'terraform_data.cache', '--config', cfg]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`terraform_data.cache (terraform_data, delete) in ${plan('terraform', 'root-variable-prod')}`);
    expect(result.stdout).toContain('no match  never-matches: no evidence');
    expect(result.stdout).toContain('no match  default-tag: no evidence');
    expect(result.stdout).toContain('no match  default-name: no evidence');
    expect(result.stdout).toContain('matched  default-root-variable: production: var.environment');
    expect(result.stdout).toMatch(/=> production \(protected\): the plan's root variable environment = "prod"/);
  });

  it('lists the policy rules the configuration changes from their defaults, and the keys that changed them', () => {
    const cfg = config(
      'policy:\n  block: [delete, replace]\n  maxDestructiveChanges: 3\n  rules:\n    prod-replace: warn\n    nonprod-delete: error\n    prod-delete: 2\n',
    );
    const result = runCli(['explain', plan('terraform', 'root-variable-prod'), 'terraform_data.cache', '--config', cfg]);
    expect(result.code).toBe(0);
    expect(result.stdout.slice(result.stdout.indexOf('policy rules'))).toBe(
      [
        `policy rules ${cfg} sets (the others run at their defaults, see blast-radius rules):`,
        '  nonprod-delete: error (from policy.rules.nonprod-delete)',
        '  prod-replace: warning (from policy.block, policy.rules.prod-replace)',
        '  too-many-destructive: error {"max":3} (from policy.maxDestructiveChanges)',
        '',
      ].join('\n'),
    );
    const none = runCli([
      'explain',
      plan('terraform', 'root-variable-prod'),
      'terraform_data.cache',
      '--config',
      config('policy: { block: [delete, replace] }\n'),
    ]);
    expect(none.stdout).not.toContain('policy rules');
  });

  it('says when the address is not in the plan, suggesting close ones', () => {
    const result = runCli(['explain', plan('terraform', 'root-variable-prod'), 'cache']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/has no resource change at cache; did you mean terraform_data\.cache, terraform_data\.staging_cache\?/);
  });
});
