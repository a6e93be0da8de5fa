// Word tokens: environment words are found as whole tokens only, and "non-prod" is not production.
import { normalizeKey, tokenize } from '../../src/environment/tokens.js';

describe('tokenize', () => {
  it.each([
    ['orders-prod', ['orders', 'prod']],
    ['prod_db', ['prod', 'db']],
    ['product_catalog', ['product', 'catalog']],
    ['reproduce_bug', ['reproduce', 'bug']],
    ['productivity', ['productivity']],
    ['prodDb', ['prod', 'db']],
    ['PRODDatabase', ['prod', 'database']],
    ['prod01', ['prod', '01']],
    ['api.prod.example.com', ['api', 'prod', 'example', 'com']],
    ['non-prod', ['nonprod']],
    ['pre_prod', ['preprod']],
    ['Not Production', ['notproduction']],
    ['module.network["prod"]', ['module', 'network', 'prod']],
  ])('%s', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('normalizeKey', () => {
  it.each([
    ['Environment', 'environment'],
    ['env_name', 'envname'],
    ['ENV', 'env'],
    ['app.kubernetes.io/environment', 'environment'],
    ['deployment-environment', 'deploymentenvironment'],
  ])('%s → %s', (key, normalized) => {
    expect(normalizeKey(key)).toBe(normalized);
  });
});
