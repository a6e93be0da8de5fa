// The Terraform reader: the workspace TF_WORKSPACE selects.
import { readTerraform } from '../../src/credentials/terraform.js';

it('reads TF_WORKSPACE as a name', () => {
  expect(readTerraform({ TF_WORKSPACE: 'prod-eu' }, '/nonexistent')).toEqual([
    { source: 'terraform', what: 'workspace', value: 'prod-eu', where: 'TF_WORKSPACE', basis: { kind: 'name', text: 'prod-eu', label: 'workspace name' } },
  ]);
  expect(readTerraform({}, '/nonexistent')).toEqual([]);
});
