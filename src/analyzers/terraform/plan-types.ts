// The parts of Terraform's JSON plan format (`terraform show -json`, format_version 0.x and 1.x) the tool reads.
// Reference: https://developer.hashicorp.com/terraform/internals/json-format

/** A value tree as Terraform writes it: `before`, `after`, and the parallel `*_sensitive` trees. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface RawChange {
  actions: string[];
  before?: JsonValue;
  after?: JsonValue;
  before_sensitive?: JsonValue;
  after_sensitive?: JsonValue;
  after_unknown?: JsonValue;
  replace_paths?: JsonValue[][];
  importing?: { id?: string; identity?: unknown } | null;
}

export interface RawResourceChange {
  address: string;
  previous_address?: string | null;
  module_address?: string | null;
  mode?: string;
  type: string;
  name: string;
  index?: string | number | null;
  deposed?: string | null;
  provider_name?: string;
  action_reason?: string | null;
  change: RawChange;
}

export interface RawOutputChange {
  actions: string[];
}

export interface RawPlan {
  format_version: string;
  terraform_version?: string;
  variables?: Record<string, { value?: JsonValue }>;
  resource_changes?: RawResourceChange[];
  resource_drift?: RawResourceChange[];
  output_changes?: Record<string, RawOutputChange>;
  /** The state the plan was made against; left out when it held nothing (read by prior-state.ts only). */
  prior_state?: unknown;
  configuration?: {
    root_module?: { variables?: Record<string, { sensitive?: boolean }> };
  };
  errored?: boolean;
}
