// Whether a value kubectl reads as an integer (Go's strconv.ParseInt with base 0, as pflag's int flags do) is zero:
// `0`, `00`, `+0`, `-0`, `0x0`, `0o0`, `0b0`, `0_0`. A value it cannot read counts as zero: kubectl would reject it,
// but a spelling blast-radius does not know must never pass as "not zero".

const NONZERO = /^[+-]?(0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+|0(_?[0-7])+|[1-9](_?[0-9])*)$/;

export function isZeroOrUnreadable(value: string): boolean {
  if (!NONZERO.test(value)) return true;
  return !/[1-9a-fA-F]/.test(value.replace(/^[+-]?0[xXoObB]/, ''));
}
