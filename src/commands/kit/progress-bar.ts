// Draws a progress bar on standard error while a large plan is read: only on a terminal (never in CI logs, never
// mixed into piped or JSON output), only once reading has taken more than a second, and erased when reading ends.

/** Reading faster than this needs no bar. */
const QUIET_MILLISECONDS = 1000;
/** The bar is redrawn at most this often. */
const REDRAW_MILLISECONDS = 100;
const WIDTH = 30;

export interface ProgressBar {
  update: (read: number, size: number | undefined) => void;
  done(): void;
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

/** The line the bar draws: `[######        ] 45%  160 of 356 MB`, or the bytes read when the size is unknown (stdin). */
export function progressLine(read: number, size: number | undefined): string {
  if (size === undefined || size <= 0) return `reading plan  ${megabytes(read)}`;
  const fraction = Math.min(1, read / size);
  const filled = Math.round(fraction * WIDTH);
  return `reading plan  [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${Math.floor(fraction * 100)}%  ${megabytes(read)} of ${megabytes(size)}`;
}

/** A progress bar on `stream` when it is a terminal and CI is not set; undefined otherwise. */
export function terminalProgressBar(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): ProgressBar | undefined {
  if (!stream.isTTY || process.env.CI) return undefined;
  const started = now();
  let drawnAt: number | undefined;
  return {
    update: (read, size) => {
      const time = now();
      if (time - started < QUIET_MILLISECONDS || (drawnAt !== undefined && time - drawnAt < REDRAW_MILLISECONDS)) return;
      drawnAt = time;
      stream.write(`\r${progressLine(read, size)}\u001b[K`);
    },
    done() {
      if (drawnAt !== undefined) stream.write('\r\u001b[K');
    },
  };
}
