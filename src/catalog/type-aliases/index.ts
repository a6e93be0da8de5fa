// Other tools' names for the catalog's types: each file maps one tool's resource type names to the catalog key (a
// Terraform type) whose destruction they share (`aws:rds/instance:Instance`, `AWS::RDS::DBInstance` → `aws_db_instance`).
import cloudformation from './cloudformation.json' with { type: 'json' };
import pulumi from './pulumi.json' with { type: 'json' };

/** One table per tool, by tool; a tool's table is one import and one entry here. */
export const TYPE_ALIAS_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = { cloudformation, pulumi };

/** The catalog key a type is listed under: its alias's key, else the type itself. */
export function catalogKey(type: string): string {
  const table = Object.values(TYPE_ALIAS_TABLES).find((aliases) => Object.hasOwn(aliases, type));
  return table === undefined ? type : table[type];
}
