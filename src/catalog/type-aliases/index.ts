// The type names other tools give the catalog's types (`aws:rds/instance:Instance`, `AWS::RDS::DBInstance` are
// `aws_db_instance`): one JSON table per tool, type → catalog key, read in this order; a tool's table is one import and one line here.
import cloudformation from './cloudformation.json' with { type: 'json' };
import pulumi from './pulumi.json' with { type: 'json' };

export const TYPE_ALIAS_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = { pulumi, cloudformation };

/** The catalog key a type stands for: its alias's target, else the type itself. */
export function catalogKey(type: string): string {
  for (const table of Object.values(TYPE_ALIAS_TABLES)) if (Object.hasOwn(table, type)) return table[type];
  return type;
}
