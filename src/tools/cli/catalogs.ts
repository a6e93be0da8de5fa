// The catalogs of destructive CLI operations (src/catalog/cli-operations/*.json), by the programs that read them.
import type { CliCatalog } from '../../catalog/cli-operation.js';
import aws from '../../catalog/cli-operations/aws.json' with { type: 'json' };

export const CLI_CATALOGS: readonly CliCatalog[] = [aws] as CliCatalog[];

/** The catalog a program reads, by its name (`podman` reads docker's). */
export const CATALOG_OF: Record<string, CliCatalog> = Object.fromEntries(CLI_CATALOGS.flatMap((catalog) => catalog.programs.map((program) => [program, catalog])));
