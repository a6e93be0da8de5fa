// Parses the INI files of the AWS and gcloud tools, keeping the values of only the keys asked for (never a secret).

export interface IniSection {
  /** The text between the brackets, trimmed: `profile prod-admin`, `default`, `core`. */
  name: string;
  /** Line (1-based) of the `[section]` header. */
  line: number;
  /** Every key the section sets, lower-cased: names only, so a caller can tell that a secret is present. */
  keys: string[];
  /** Values of the kept keys only; every other value is dropped as it is read. */
  values: Record<string, string>;
}

export type IniResult = { ok: true; sections: IniSection[] } | { ok: false; problem: string };

const HEADER = /^\[([^\]]*)\]\s*$/;
const SETTING = /^([^=:\s][^=:]*?)\s*[=:](.*)$/;

/**
 * Follows Python's configparser, which both the AWS CLI and gcloud use: `=` or `:` separates a key from its value,
 * `#` and `;` start comment lines, and a line indented deeper than the setting above it continues that setting
 * (AWS nested settings such as `s3 =`). A setting before any section, a line that is neither, a section twice or a
 * key twice in one section make the file unreadable, as they make those tools fail. Problems name a line number,
 * never the line's text.
 */
export function parseIni(text: string, keep: readonly string[]): IniResult {
  const sections: IniSection[] = [];
  const seen = new Set<string>();
  let current: IniSection | undefined;
  /** Indentation of the last setting, while a deeper-indented line continues it. */
  let settingIndent: number | undefined;
  const lines = text.split(/\r\n|\n|\r/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const indent = raw.length - raw.trimStart().length;
    if (settingIndent !== undefined && indent > settingIndent) continue;
    settingIndent = undefined;
    const header = HEADER.exec(trimmed);
    if (header) {
      const name = header[1].trim();
      if (seen.has(name)) return { ok: false, problem: `section [${name}] appears twice (line ${line})` };
      seen.add(name);
      current = { name, line, keys: [], values: {} };
      sections.push(current);
      continue;
    }
    const setting = SETTING.exec(trimmed);
    if (!setting) return { ok: false, problem: `line ${line} is neither a [section] header nor a key = value setting` };
    if (!current) return { ok: false, problem: `line ${line} sets a value before any [section] header` };
    const key = setting[1].trim().toLowerCase();
    if (current.keys.includes(key)) return { ok: false, problem: `section [${current.name}] sets ${key} twice (line ${line})` };
    current.keys.push(key);
    settingIndent = indent;
    if (keep.includes(key)) current.values[key] = setting[2].trim();
  }
  return { ok: true, sections };
}
