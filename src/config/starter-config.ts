// The commented starter configuration `blast-radius init` writes: valid as it stands, and with any commented example uncommented.
export const STARTER_CONFIG = `# blast-radius configuration: what production means for this team.
# Reference: https://github.com/blast-radius/blast-radius/blob/main/docs/configuration.md
# yaml-language-server: $schema=./node_modules/blast-radius/schema/blast-radius.schema.json
$schema: ./node_modules/blast-radius/schema/blast-radius.schema.json
version: 1

# Keep the built-in rules (environment tags, prod/staging/dev name tokens, the plan's environment variable)
# after the rules below. Set to false to rely on your rules alone.
defaults: true

# Environments: change the built-in ones (production, staging, development, test) or add your own.
# A protected environment blocks deletes and replaces. Aliases are words that mean it in tag values and names.
environments:
  production:
    protected: true
    aliases: [live, prd]
  # pci:
  #   protected: true
  #   aliases: [cardholder]

# Rules, tried in order; the first that matches decides. Conditions in one rule must all hold.
# A pattern is exact text, a glob with * and ?, or /a regular expression/. For example (uncomment to use):
# rules:
#   - id: payments-account
#     environment: production
#     match:
#       account: ["123456789012"]          # AWS account id in ARNs, GCP project, Azure subscription
#   - id: prod-state-modules
#     environment: production
#     match:
#       module: "prod_*"
#   - id: cost-center
#     environment: production
#     match:
#       tag: { key: CostCenter, value: "payments-*" }

policy:
  block: [delete, replace]        # what blocks in protected environments
  unknown: warn                   # or block: fail closed when the environment is unknown
  # maxDestructiveChanges: 10     # at most this many deletes + replaces in one plan, any environment
  # protectedTypes: [aws_db_instance, aws_kms_key, google_sql_database_instance]
  # blockUpdatesOf: [aws_iam_policy]
  # rules:                        # policy rules by id (blast-radius rules): off, warn, error or [level, options]
  #   nonprod-delete: off
  #   too-many-destructive: [error, { max: 10 }]

# Exceptions waive findings for an address (or glob) until they expire; expired ones are an error. For example:
# exceptions:
#   - address: module.legacy.*
#     rules: [prod-delete]
#     reason: Decommissioning the legacy stack (OPS-1234)
#     by: jane@example.com
#     expires: 2026-12-31
`;
