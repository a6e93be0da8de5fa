// Recognizes stdout captured through hashicorp/setup-terraform's wrapper, which decorates the JSON and breaks it.

/** The wrapper prints `[command]…terraform-bin show -json …` first and `::set-output`/`::debug::` lines after. */
export function isSetupTerraformWrapperOutput(text: string): boolean {
  const start = text.trimStart();
  return start.startsWith('[command]') || /^::(set-output|debug)[ :]/m.test(text.slice(0, 4096));
}

export function wrapperOutputMessage(name: string): string {
  return (
    `${name} holds the output of hashicorp/setup-terraform's wrapper script, not plain JSON: ` +
    'set `terraform_wrapper: false` on the setup-terraform step (or run `terraform-bin show -json`) and check that output.'
  );
}
