// Programs that turn their input into other text (base64 -d, xxd -r, openssl -d, rev, tr, gunzip, sed, awk, perl,
// python …): what they feed a shell cannot be read from the command, so a shell reading it is "cannot tell".
import type { SimpleCommand } from './invocation.js';
import { commandName } from './command-name.js';
import { literalOutput } from '../shell/literal-output.js';

const DECODES_WITH_FLAG: Record<string, RegExp> = {
  base64: /^(-[a-zA-Z]*[dD][a-zA-Z]*|--decode)$/,
  base32: /^(-[a-zA-Z]*d[a-zA-Z]*|--decode)$/,
  basenc: /^(-[a-zA-Z]*d[a-zA-Z]*|--decode)$/,
  xxd: /^-[a-zA-Z]*r[a-zA-Z]*$|^-revert$/,
  openssl: /^(-d|-decrypt|-a)$/,
  gzip: /^(-[a-zA-Z]*d[a-zA-Z]*|--decompress|--uncompress)$/,
  bzip2: /^(-[a-zA-Z]*d[a-zA-Z]*|--decompress)$/,
  xz: /^(-[a-zA-Z]*d[a-zA-Z]*|--decompress)$/,
  zstd: /^(-[a-zA-Z]*d[a-zA-Z]*|--decompress)$/,
  lz4: /^(-[a-zA-Z]*d[a-zA-Z]*|--decompress)$/,
  brotli: /^(-[a-zA-Z]*d[a-zA-Z]*|--decompress)$/,
};

/** Programs whose output is always a transformation of their input or their code. */
const TRANSFORMERS =
  /^(rev|tr|gunzip|zcat|bzcat|xzcat|zstdcat|lzcat|lz4cat|unxz|bunzip2|uncompress|uudecode|iconv|sed|gsed|awk|gawk|mawk|nawk|perl|ruby|node|nodejs|php|(python|pypy)[0-9.]*)$/;

export function isDecoder(words: readonly string[]): boolean {
  const name = commandName(words[0] ?? '');
  if (TRANSFORMERS.test(name)) return true;
  const flag = DECODES_WITH_FLAG[name];
  return flag !== undefined && words.slice(1).some((w) => flag.test(w));
}

/** `echo dGVycmFmb3Jt… | base64 -d`: the decoded text, when it is printable, for the reason the hook gives. */
export function decodedPreview(commands: readonly SimpleCommand[]): string | undefined {
  if (!commands.some((c) => commandName(c.words[0] ?? '') === 'base64' && isDecoder(c.words))) return undefined;
  for (const command of commands) {
    const output = literalOutput(command)?.trim();
    if (!output || !/^[A-Za-z0-9+/=\s]+$/.test(output)) continue;
    const decoded = Buffer.from(output.replace(/\s+/g, ''), 'base64').toString('utf8').trim();
    if (decoded !== '' && /^[\t\n\r\x20-\x7e]+$/.test(decoded)) return decoded;
  }
  return undefined;
}
