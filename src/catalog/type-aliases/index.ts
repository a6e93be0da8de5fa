// Other tools' names for the catalog's types: each file maps one tool's resource type names to the catalog key (a Terraform type) whose destruction they share.
import cloudformation from './cloudformation.json' with { type: 'json' };

/** One table per tool, read in this order; a tool's table is one import and one line here. */
const TABLES: readonly Readonly<Record<string, string>>[] = [cloudformation];

/** The catalog key a type is listed under: its alias's key (`AWS::RDS::DBInstance` → `aws_db_instance`), else the type itself. */
export function catalogKey(type: string): string {
  const table = TABLES.find((aliases) => Object.hasOwn(aliases, type));
  return table === undefined ? type : table[type];
}
