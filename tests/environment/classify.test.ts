// The zero-config environment classifier: tags beat names beat the plan's root variable; protected wins within a tier.
import { environmentClassifier } from '../../src/environment/classify.js';
import type { Label, RootVariable } from '../../src/model.js';
import { resourceChange } from '../helpers/resource-change.js';

const tag = (key: string, value: string, field = 'tags'): Label => ({ key, value, field });
const classify = environmentClassifier([]).classify;

describe('tags and labels', () => {
  it.each([
    [tag('Environment', 'production'), 'production', true],
    [tag('env', 'prod'), 'production', true],
    [tag('ENV', 'PRD'), 'production', true],
    [tag('stage', 'live'), 'production', true],
    [tag('Environment', 'PROD'), 'production', true],
    [tag('env', ' prd '), 'production', true],
    [tag('app.kubernetes.io/environment', 'production', 'metadata[0].labels'), 'production', true],
    [tag('Environment', 'staging'), 'staging', false],
    [tag('env', 'uat'), 'staging', false],
    [tag('env', 'pre-prod'), 'staging', false],
    [tag('env', 'Pre_Prod'), 'staging', false],
    [tag('env', 'dev'), 'development', false],
    [tag('environment', 'qa'), 'test', false],
    [tag('env', 'non-prod'), 'non-prod', false],
    [tag('environment', 'non-production'), 'non-production', false],
    [tag('environment', 'staging-eu'), 'staging-eu', false],
    [tag('environment', 'sandbox'), 'sandbox', false],
  ])('%o → %s', (label, name, isProtected) => {
    const environment = classify(resourceChange({ labels: [label] }));
    expect(environment).toMatchObject({ name, protected: isProtected, rule: 'default-tag' });
    expect(environment.reason).toContain(label.key);
  });

  it.each(['production-like', 'prod-copy', 'PROD_mirror', 'live-demo', 'prod-staging'])(
    'does not take %s for production: it holds a production word, but is not one as a whole',
    (value) => {
      const environment = classify(resourceChange({ labels: [tag('environment', value)] }));
      expect(environment).toMatchObject({ name: 'unknown', protected: false, rule: 'default-tag', evidence: 'tags.environment' });
      expect(environment.reason).toContain(`environment = ${JSON.stringify(value)}`);
      expect(environment.reason).toMatch(/holds the word "(prod|production|live)" but is not production as a whole value/);
    },
  );

  it.each(['prod-eu-west-1', 'production-2', 'PROD_us', 'live-blue'])(
    'takes %s for production: the words beside the production word only place or number it (failing closed)',
    (value) => {
      const environment = classify(resourceChange({ labels: [tag('environment', value)] }));
      expect(environment).toMatchObject({ name: 'production', protected: true, rule: 'default-tag', evidence: 'tags.environment' });
      expect(environment.reason).toContain(`environment = ${JSON.stringify(value)}`);
    },
  );

  it('reads a secondary key only for a whole environment word', () => {
    expect(classify(resourceChange({ labels: [tag('tier', 'prod')] }))).toMatchObject({ name: 'production', rule: 'default-tag' });
    expect(classify(resourceChange({ labels: [tag('tier', 'prod-like')] })).name).toBe('unknown');
    expect(classify(resourceChange({ labels: [tag('tier', 'prod-like')] })).rule).toBe('no-evidence');
  });

  it.each([
    [[tag('tier', 'prod'), tag('Environment', 'staging')], 'staging', 'tier = "prod"'],
    [[tag('stage', 'production'), tag('env', 'sandbox')], 'sandbox', 'stage = "production"'],
    [[tag('tier', 'prod'), tag('environment', 'production-like')], 'unknown', 'tier = "prod"'],
  ])('lets an environment key outrank a secondary key on the same object: %o', (labels, name, outranked) => {
    const environment = classify(resourceChange({ labels }));
    expect(environment).toMatchObject({ name, protected: false, rule: 'default-tag' });
    expect(environment.evidence).toMatch(/^tags\.(Environment|env|environment)$/);
    expect(environment.reason).toContain(`(an environment key, which outranks ${outranked})`);
  });

  it('ignores a weak key whose value is not an environment word', () => {
    expect(classify(resourceChange({ name: 'prod_web', labels: [tag('tier', 'frontend')] }))).toMatchObject({
      name: 'production',
      rule: 'default-name',
    });
  });

  it('ignores keys that do not mean environment', () => {
    expect(classify(resourceChange({ labels: [tag('Team', 'prod-platform')] })).name).toBe('unknown');
  });

  it('lets a protected value win when tags disagree (a tag changed from prod to staging still names a prod object)', () => {
    const environment = classify(resourceChange({ labels: [tag('env', 'staging'), tag('env', 'production', 'tags_all')] }));
    expect(environment).toMatchObject({ name: 'production', protected: true });
  });

  it('lets a tag win over a name', () => {
    const environment = classify(resourceChange({ name: 'prod_copy', labels: [tag('Environment', 'staging')] }));
    expect(environment).toMatchObject({ name: 'staging', rule: 'default-tag' });
  });
});

describe('names', () => {
  it.each([
    [{ name: 'prod_db' }, 'production', 'resource name'],
    [{ name: 'db', modulePath: ['prod_network'] }, 'production', 'module name'],
    [{ name: 'db', index: 'prod' }, 'production', 'instance key'],
    [{ name: 'vpc', address: 'module.network["prd"].aws_vpc.vpc', modulePath: ['network'] }, 'production', 'module key'],
    [{ name: 'main', nameHints: [{ field: 'identifier', value: 'orders-prod' }] }, 'production', 'attribute identifier'],
    [{ name: 'primary', previousAddress: 'aws_db_instance.prod' }, 'production', 'previous address'],
    [{ name: 'staging_cache' }, 'staging', 'resource name'],
    [{ name: 'dev_worker' }, 'development', 'resource name'],
  ])('%o → %s by its %s', (overrides, name, what) => {
    const environment = classify(resourceChange(overrides));
    expect(environment).toMatchObject({ name, rule: 'default-name' });
    expect(environment.reason).toContain(what);
  });

  it.each(['orders-prod', 'prod-copy', 'production-like'])('still reads a name by its words: %s is production', (name) => {
    expect(classify(resourceChange({ name }))).toMatchObject({ name: 'production', rule: 'default-name' });
  });

  it.each(['product-catalog', 'product_catalog', 'reproduce_bug', 'productivity_report', 'prodigy', 'nonprod_db'])('%s is not production', (name) => {
    expect(classify(resourceChange({ name })).name).toBe('unknown');
  });

  it('does not read "live" or "stage" inside names (too common as words)', () => {
    expect(classify(resourceChange({ name: 'live_stream' })).name).toBe('unknown');
    expect(classify(resourceChange({ name: 'stage_files' })).name).toBe('unknown');
  });

  it('prefers production when names disagree', () => {
    const environment = classify(resourceChange({ name: 'staging_mirror', nameHints: [{ field: 'name', value: 'mirror-prod' }] }));
    expect(environment.name).toBe('production');
  });
});

describe('root variables', () => {
  const variable = (name: string, value: string, sensitive = false): RootVariable => ({ name, value, sensitive });

  it('makes every resource that says nothing itself production', () => {
    const environment = environmentClassifier([variable('environment', 'prod')]).classify(resourceChange({ name: 'cache' }));
    expect(environment).toMatchObject({ name: 'production', protected: true, rule: 'default-root-variable' });
    expect(environment.reason).toContain('environment = "prod"');
  });

  it('yields to what the resource says itself', () => {
    const classifyWithVariable = environmentClassifier([variable('env', 'production')]).classify;
    expect(classifyWithVariable(resourceChange({ name: 'staging_cache' })).name).toBe('staging');
    expect(classifyWithVariable(resourceChange({ labels: [tag('env', 'dev')] })).name).toBe('development');
  });

  it('takes a variable value for production only as a whole word', () => {
    expect(environmentClassifier([variable('environment', 'PRD')]).classify(resourceChange()).name).toBe('production');
    const environment = environmentClassifier([variable('environment', 'production-like')]).classify(resourceChange());
    expect(environment).toMatchObject({ name: 'unknown', protected: false, rule: 'default-root-variable' });
    expect(environment.reason).toContain('environment = "production-like" holds the word "production" but is not production as a whole value');
  });

  it('says why a tfvars value holding a production word decides nothing', () => {
    const source = { backend: [], defaultLabels: [], variables: [{ ...variable('environment', 'prod-copy'), where: 'terraform.tfvars:1' }] };
    const environment = environmentClassifier([], undefined, { source }).classify(resourceChange());
    expect(environment).toMatchObject({ name: 'unknown', protected: false, rule: 'default-source' });
    expect(environment.reason).toBe('terraform.tfvars:1 sets environment = "prod-copy", which holds an environment word but is not one as a whole value');
  });

  it('ignores variables that do not name the environment', () => {
    expect(environmentClassifier([variable('region', 'prod-eu')]).classify(resourceChange()).name).toBe('unknown');
  });

  it('uses a sensitive variable without ever showing its value', () => {
    const environment = environmentClassifier([variable('environment', 'production', true)]).classify(resourceChange());
    expect(environment.name).toBe('production');
    expect(environment.reason).not.toContain('"production"');
    expect(environment.reason).toContain('sensitive');
  });

  it('does not let an unknown sensitive value name an environment (it would be shown)', () => {
    expect(environmentClassifier([variable('environment', 's3cr3t-value', true)]).classify(resourceChange()).name).toBe('unknown');
  });
});

it('says when nothing reveals the environment', () => {
  const environment = classify(resourceChange({ name: 'main' }));
  expect(environment).toMatchObject({ name: 'unknown', protected: false, rule: 'no-evidence' });
  expect(environment.reason).toMatch(/no environment tag, name or root variable/);
});

describe('shared decisions', () => {
  it('gives changes decided alike one EnvironmentTag object, and different decisions their own', () => {
    const { classify: classifyOne } = environmentClassifier([]);
    const first = classifyOne(resourceChange({ name: 'a', labels: [tag('Environment', 'production')] }));
    const second = classifyOne(resourceChange({ name: 'b', labels: [tag('Environment', 'production')] }));
    const other = classifyOne(resourceChange({ name: 'c', labels: [tag('Environment', 'staging')] }));
    expect(second).toBe(first);
    expect(other).not.toBe(first);
    expect(other.name).toBe('staging');
  });
});
