// Entry of blast-radius's CLI inside the GitHub Action's bundle (dist-action/cli.cjs, scripts/bundle-action.js): runs
// `blast-radius <argv>` as bin/blast-radius.cjs does, without the compile cache (a runner starts afresh every job), and
// never lets a crash exit 0 or 1.
import { EXIT_ERROR } from '../errors.js';
import { main } from '../cli/main.js';

function crash(error: unknown): void {
  process.stderr.write(`blast-radius: internal error: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(EXIT_ERROR);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, crash);
