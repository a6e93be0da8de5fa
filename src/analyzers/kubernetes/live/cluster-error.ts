// The one error a live cluster lookup raises: the cluster could not be reached or answered something unexpected.
// Exit 2 like every user error: a check that could not ask the cluster it was told to ask never passes.
import { UserError } from '../../../errors.js';

export class ClusterError extends UserError {
  override readonly name = 'ClusterError';
}
