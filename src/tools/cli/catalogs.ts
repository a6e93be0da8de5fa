// The catalogs of destructive CLI operations (src/catalog/cli-operations/*.json), by the programs that read them.
import type { CliCatalog } from '../../catalog/cli-operation.js';
import aws from '../../catalog/cli-operations/aws.json' with { type: 'json' };
import az from '../../catalog/cli-operations/az.json' with { type: 'json' };
import cdk from '../../catalog/cli-operations/cdk.json' with { type: 'json' };
import dockerCompose from '../../catalog/cli-operations/docker-compose.json' with { type: 'json' };
import docker from '../../catalog/cli-operations/docker.json' with { type: 'json' };
import gcloud from '../../catalog/cli-operations/gcloud.json' with { type: 'json' };
import gsutil from '../../catalog/cli-operations/gsutil.json' with { type: 'json' };
import pulumi from '../../catalog/cli-operations/pulumi.json' with { type: 'json' };
import sam from '../../catalog/cli-operations/sam.json' with { type: 'json' };
import serverless from '../../catalog/cli-operations/serverless.json' with { type: 'json' };

export const CLI_CATALOGS: readonly CliCatalog[] = [aws, gcloud, gsutil, az, pulumi, cdk, sam, serverless, docker, dockerCompose] as CliCatalog[];

/** The catalog a program reads, by its name (`podman` reads docker's). */
export const CATALOG_OF: Record<string, CliCatalog> = Object.fromEntries(
  CLI_CATALOGS.flatMap((catalog) => catalog.programs.map((program) => [program, catalog])),
);
