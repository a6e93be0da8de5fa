// Asks a person at a terminal before a checked Terraform plan is applied, as `terraform apply` asks without
// -auto-approve: only `yes` applies. The question goes to standard error, so that standard output stays the report's.
import { createInterface } from 'node:readline';

/** Standard input and standard error are both a terminal: a person can be asked. */
export function atTerminal(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** Asks on the terminal; only `yes` is a yes. */
export async function askYes(question: string): Promise<boolean> {
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write(question);
  try {
    for await (const line of lines) return line.trim() === 'yes';
    return false;
  } finally {
    lines.close();
  }
}

/** Terraform's own question, after blast-radius's check. */
export function confirmApply(destroy: boolean): Promise<boolean> {
  return askYes(
    destroy
      ? "\nDo you really want to destroy all resources?\n  blast-radius checked the plan above. There is no undo. Only 'yes' will be accepted to confirm.\n\n  Enter a value: "
      : "\nDo you want to perform these actions?\n  blast-radius checked the plan above. Only 'yes' will be accepted to approve.\n\n  Enter a value: ",
  );
}
