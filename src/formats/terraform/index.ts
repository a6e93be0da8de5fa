// Input format `terraform`: `terraform show -json` output (a stream of plans too, as terragrunt writes) or a binary plan file.
import type { InputFormat } from '../input-format.js';
import { isZipArchive } from '../../inputs/is-zip-archive.js';
import { startsLikePlan } from './starts-like-plan.js';

const terraform: InputFormat = {
  id: 'terraform',
  platform: 'terraform',
  detect: (head) => isZipArchive(head.bytes) || startsLikePlan(head.text),
  read: async (input, options) => {
    const { readTerraformInput } = await import('./read-terraform-input.js');
    return readTerraformInput(input, options);
  },
};

export default terraform;
