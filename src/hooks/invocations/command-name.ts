// The name a program is known by, whatever path or suffix it is run with.

/** `/usr/local/bin/terraform`, `./terraform`, `terraform.exe` → `terraform`. */
export function commandName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1).replace(/\.exe$/i, '');
}
