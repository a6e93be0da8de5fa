// The Pulumi platform: `pulumi preview --json`, whose dependents refer to a resource, judged from the preview alone (its stack names the environment).
import type { PlatformProfile } from './platform.js';

const pulumi: PlatformProfile = {
  id: 'pulumi',
  tool: 'pulumi',
  noun: 'preview',
  dependents: 'reference',
  evidence: 'input-only',
  keepDeleted:
    'restore the resource in the Pulumi program (with the `aliases` option if it was renamed or moved under another parent), or, to stop managing it without deleting it, run `pulumi state delete <urn>`, or set `retainOnDelete: true` on it and run `pulumi up` before removing it from the program; `protect: true` makes pulumi refuse to delete it',
  otherChangesAlone:
    'To apply only the other changes now, run `pulumi up --target <urn>` with the URN of each resource you mean to change, and check `pulumi preview --json --target <urn>` for the same URNs first.',
  checkAgain: 'preview again and check it',
};

export default pulumi;
