// Splits a tool's text output into lines, without colour codes, and recognizes the lines kubectl and helm print
// around their output that carry nothing to judge: blank lines, `Warning: …` lines and klog lines.

/** ANSI colour and cursor sequences (helm-diff colours its output on a terminal, colordiff always). */
// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** klog's header: `W0702 10:01:02.123456   12345 diff.go:123] …`. */
const KLOG_LINE = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [\w.-]+:\d+\] /;

/** The text's lines, colour codes removed; a final line break does not make an empty last line. */
export function outputLines(text: string): string[] {
  const lines = text.replace(ANSI_SEQUENCE, '').split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A line kubectl prints besides its output: blank, a server or client warning, a klog line. */
export function isNoiseLine(line: string): boolean {
  return line.trim() === '' || /^warning: /i.test(line) || KLOG_LINE.test(line);
}
