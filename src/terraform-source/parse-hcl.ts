// Parses one Terraform source file (.tf or .tfvars) to JSON with @cdktf/hcl2json (WebAssembly, loaded on first use).
import { ConfigError } from '../errors.js';

type Hcl2Json = { parse(name: string, text: string): Promise<Record<string, unknown>> };
let hcl: Hcl2Json | undefined;

export async function parseHcl(path: string, text: string): Promise<Record<string, unknown>> {
  hcl ??= (await import('@cdktf/hcl2json')) as unknown as Hcl2Json;
  try {
    return await hcl.parse(path, text);
  } catch (error) {
    // hcl2json reports `[file:line,col: summary; detail]`: keep the position and summary, never the source text.
    const detail = /\[([^\]:]+:\d+,\d+(?:-\d+)?): ([^;\]]+)/.exec(String(error));
    throw new ConfigError(detail ? `${detail[1]}: invalid HCL: ${detail[2]}.` : `${path} is not valid HCL.`);
  }
}
