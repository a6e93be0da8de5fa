// Fake `kubectl` and `helm` programs for the guard's tests: written into a scratch directory put first on PATH, they
// record every invocation's arguments, print a chosen fixture for the preview (kubectl diff, delete --dry-run=server,
// helm diff, helm get manifest) and only say so for the real command.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordedCalls } from '../helpers/recorded-calls.js';

/**
 * The preview prints $FAKE_PREVIEW_OUTPUT (to stderr too when $FAKE_PREVIEW_STDERR is set) and exits
 * $FAKE_PREVIEW_EXIT; with $FAKE_TOUCH set it appends to that file, as someone editing a manifest meanwhile would.
 * helm without the diff plugin ($FAKE_NO_HELM_DIFF) answers `helm diff` as helm does. The real command exits $FAKE_REAL_EXIT.
 */
const SCRIPT = `#!/bin/sh
{ printf '%s' "$(basename "$0")"; for word in "$@"; do printf '\\t%s' "$word"; done; printf '\\n'; } >> "$FAKE_LOG"
preview=no
case " $* " in
  *" diff "*|*" --dry-run=server "*|*" get manifest "*) preview=yes ;;
esac
if [ "$preview" = yes ]; then
  if [ "$(basename "$0")" = helm ] && [ -n "$FAKE_NO_HELM_DIFF" ]; then
    echo 'Error: unknown command "diff" for "helm"' >&2
    echo "Run 'helm --help' for usage." >&2
    exit 1
  fi
  [ -n "$FAKE_TOUCH" ] && echo "# edited meanwhile" >> "$FAKE_TOUCH"
  if [ -n "$FAKE_PREVIEW_STDERR" ]; then cat "$FAKE_PREVIEW_OUTPUT" >&2; else cat "$FAKE_PREVIEW_OUTPUT"; fi
  exit "\${FAKE_PREVIEW_EXIT:-0}"
fi
echo "real $(basename "$0") ran"
exit "\${FAKE_REAL_EXIT:-0}"
`;

export interface FakeKubeTools {
  /** The directory to put first on PATH. */
  bin: string;
  log: string;
  /** Every recorded invocation: the program's name, then its arguments. */
  calls(): string[][];
}

export function fakeKubeTools(directory: string): FakeKubeTools {
  const bin = join(directory, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const tool of ['kubectl', 'helm']) {
    writeFileSync(join(bin, tool), SCRIPT);
    chmodSync(join(bin, tool), 0o755);
  }
  const log = join(directory, 'calls.log');
  return {
    bin,
    log,
    calls: () => recordedCalls(log),
  };
}
