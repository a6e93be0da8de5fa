// The shape of the catalog of destructive CLI operations (src/catalog/cli-operations/<cli>.json, data, not code):
// for each CLI, its global options, and each operation that destroys something, with where its targets are named
// and which flags decide whether the data survives. docs/cli-operations.md is generated from it.

/** A flag that says something about whether the data survives (`--skip-final-snapshot`: no final snapshot is taken). */
export interface FlagNote {
  /** The flag as written, long form first (`--skip-final-snapshot`); `-f` alone where the CLI has only a short one. */
  flag: string;
  /** Other spellings of the same flag (`-f`, `--force`). */
  aliases?: string[];
  /** Only with this value (`--deletion-protection false`); any value (or none) when absent. */
  value?: string;
  /** What it means for the data, as the end of a sentence starting with the flag: `no final snapshot is taken`. */
  says: string;
}

/** Where an operation names what it destroys: a flag's value or a positional word (0 = the first after the command). */
export type Target = { flag: string; aliases?: string[]; what: string } | { positional: number; what: string };

export interface CliOperation {
  /** The words after the program and its global options (`["rds", "delete-db-instance"]`, `["volume", "rm"]`). */
  command: string[];
  /** What goes, as a noun phrase (`an RDS DB instance and its storage`). */
  destroys: string;
  /** True when stored data is lost with it (a database, bucket, volume, table); false for an outage only. */
  holdsData: boolean;
  /** Where the names of what it destroys are (their words decide the environment). */
  targets: Target[];
  /** Destructive only when one of these flags is given (`docker compose down` destroys volumes only with `-v`). */
  onlyWith?: string[];
  /** Flags that mean the data does not survive. */
  dataLoss?: FlagNote[];
  /** Flags that mean a copy of the data survives (a final snapshot, a retention period). */
  keepsData?: FlagNote[];
  /** Flags that make it a dry run: nothing is destroyed (`--dryrun`, `--preview-only`). */
  dryRun?: FlagNote[];
  /**
   * How `blast-radius guard -- <command>` checks it first, as the end of a sentence (`it checks the preview, …`), when
   * guard runs it (src/guard/guarded-command.ts); absent when only a person may run it.
   */
  guard?: string;
}

export interface CliCatalog {
  /** The family, as people name it (`AWS CLI`). */
  name: string;
  /** The programs that read this catalog (`["docker", "podman", "nerdctl"]`). */
  programs: string[];
  /** Where the operations and flags were read (the CLI's reference documentation). */
  source: string;
  /** The CLI accepts any unambiguous start of a long flag (Python's argparse: `--skip-final` for `--skip-final-snapshot`). */
  abbreviatedFlags?: boolean;
  /** Global options: those that take a value (`--profile`, `--region`) and those that do not (`--debug`). */
  globalOptions: { value: string[]; switches: string[] };
  operations: CliOperation[];
}
