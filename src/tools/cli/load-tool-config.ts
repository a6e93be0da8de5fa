// Loads the team's configuration for judging CLI commands (the nearest .blast-radius.yml from the working directory),
// as the context's `config`, or says in `configError` why it cannot be read: never a silent fall back to defaults.
import { loadConfig } from '../../config/load-config.js';
import { isUserError } from '../../errors.js';
import type { ToolContext } from '../destructive.js';

export async function loadToolConfig(cwd: string): Promise<Pick<ToolContext, 'config' | 'configError'>> {
  try {
    return { config: await loadConfig(undefined, cwd) };
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { configError: error.message };
  }
}
