// Whether destroying a resource type or Kubernetes kind loses data or causes an outage, from the catalog data file.
import catalog from './data-bearing-types.json' with { type: 'json' };
import { catalogKey } from './type-aliases/index.js';

/** `data-loss`: the stored data is gone. `outage`: service or identity is lost, but no stored data. */
export type Impact = 'data-loss' | 'outage';

export type CatalogProvider = 'aws' | 'google' | 'azurerm' | 'kubernetes';

export interface CatalogEntry {
  provider: CatalogProvider;
  impact: Impact;
  /** One sentence, ending with a period. */
  why: string;
}

const CATALOG = catalog as Readonly<Record<string, CatalogEntry>>;

/**
 * What destroying a resource of this type does: a Terraform resource type (`aws_db_instance`), a Kubernetes kind
 * (`PersistentVolumeClaim`), `group/Kind` for a custom resource, or another tool's name for a listed type
 * (`AWS::RDS::DBInstance`, src/catalog/type-aliases/). Undefined for a type the catalog does not list.
 */
export function impactOf(type: string): { impact: Impact; why: string } | undefined {
  const key = catalogKey(type);
  if (!Object.hasOwn(CATALOG, key)) return undefined;
  const { impact, why } = CATALOG[key];
  return { impact, why };
}
