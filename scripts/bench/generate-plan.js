// Writes a realistic `terraform show -json` plan of any number of resource changes, streamed to a file: values per
// provider (AWS tags, Google labels, Azure tags, Kubernetes metadata), planned_values, prior_state, configuration and
// relevant_attributes the way terraform orders and fills them, some sensitive values, and a mix of actions.
import { closeSync, openSync, writeSync } from 'node:fs';

/** A small deterministic generator (mulberry32), so that every run writes the same bytes. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENVIRONMENTS = ['production', 'staging', 'development', 'qa'];
const TEAMS = ['payments', 'search', 'identity', 'platform', 'data'];
/** Most resources of a large estate do not change in a given plan. */
const ACTION_MIX = [
  [0.93, ['no-op']],
  [0.955, ['update']],
  [0.97, ['create']],
  [0.98, ['delete']],
  [0.985, ['delete', 'create']],
  [0.99, ['create', 'delete']],
  [1, ['read']],
];

const hex = (rand, n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');

function awsInstance(rand, name, env, team) {
  const id = `i-${hex(rand, 17)}`;
  const tags = { Name: `${name}-${env}`, Environment: env, Team: team, CostCenter: `cc-${hex(rand, 4)}` };
  return {
    type: 'aws_instance',
    provider: 'registry.terraform.io/hashicorp/aws',
    values: {
      ami: `ami-${hex(rand, 17)}`,
      arn: `arn:aws:ec2:eu-west-1:482913556120:instance/${id}`,
      associate_public_ip_address: false,
      availability_zone: 'eu-west-1b',
      credit_specification: [],
      disable_api_termination: false,
      ebs_block_device: [],
      ebs_optimized: true,
      id,
      instance_type: rand() < 0.5 ? 'm6i.large' : 't3.medium',
      key_name: `${team}-ops`,
      metadata_options: [{ http_endpoint: 'enabled', http_put_response_hop_limit: 2, http_tokens: 'required', instance_metadata_tags: 'disabled' }],
      monitoring: true,
      private_dns: `ip-10-20-${Math.floor(rand() * 255)}-${Math.floor(rand() * 255)}.eu-west-1.compute.internal`,
      private_ip: `10.20.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`,
      root_block_device: [{ delete_on_termination: true, encrypted: true, iops: 3000, tags: {}, throughput: 125, volume_size: 50, volume_type: 'gp3' }],
      subnet_id: `subnet-${hex(rand, 17)}`,
      tags,
      tags_all: { ...tags, ManagedBy: 'terraform' },
      timeouts: null,
      user_data: hex(rand, 40),
      user_data_base64: null,
      vpc_security_group_ids: [`sg-${hex(rand, 17)}`, `sg-${hex(rand, 17)}`],
    },
    sensitive: {
      credit_specification: [],
      ebs_block_device: [],
      metadata_options: [{}],
      root_block_device: [{ tags: {} }],
      tags: {},
      tags_all: {},
      vpc_security_group_ids: [false, false],
    },
  };
}

function awsDatabase(rand, name, env, team) {
  const identifier = `${team}-${name}-${env}`;
  const tags = { Environment: env, Team: team };
  return {
    type: 'aws_db_instance',
    provider: 'registry.terraform.io/hashicorp/aws',
    values: {
      allocated_storage: 100,
      arn: `arn:aws:rds:eu-west-1:482913556120:db:${identifier}`,
      backup_retention_period: 14,
      backup_window: '02:00-03:00',
      db_name: team,
      engine: 'postgres',
      engine_version: '16.4',
      identifier,
      instance_class: 'db.r6g.large',
      multi_az: env === 'production',
      password: `BR-SECRET-${hex(rand, 12)}`,
      storage_encrypted: true,
      tags,
      tags_all: { ...tags, ManagedBy: 'terraform' },
      username: `${team}_admin`,
      vpc_security_group_ids: [`sg-${hex(rand, 17)}`],
    },
    sensitive: { password: true, tags: {}, tags_all: {}, vpc_security_group_ids: [false] },
  };
}

function awsBucket(rand, name, env, team) {
  const bucket = `${team}-${name}-${env}-${hex(rand, 6)}`;
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecure',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
  return {
    type: 'aws_s3_bucket',
    provider: 'registry.terraform.io/hashicorp/aws',
    values: {
      arn: `arn:aws:s3:::${bucket}`,
      bucket,
      bucket_domain_name: `${bucket}.s3.amazonaws.com`,
      force_destroy: false,
      hosted_zone_id: 'Z1BKCTXD74EZPE',
      id: bucket,
      object_lock_enabled: false,
      policy,
      region: 'eu-west-1',
      server_side_encryption_configuration: [
        { rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: '', sse_algorithm: 'AES256' }], bucket_key_enabled: false }] },
      ],
      tags: { Environment: env, Team: team },
      tags_all: { Environment: env, Team: team, ManagedBy: 'terraform' },
      versioning: [{ enabled: true, mfa_delete: false }],
    },
    sensitive: {
      server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{}] }] }],
      tags: {},
      tags_all: {},
      versioning: [{}],
    },
  };
}

function googleInstance(rand, name, env, team) {
  const labels = { environment: env, team, 'managed-by': 'terraform' };
  return {
    type: 'google_compute_instance',
    provider: 'registry.terraform.io/hashicorp/google',
    values: {
      boot_disk: [
        {
          auto_delete: true,
          device_name: 'persistent-disk-0',
          initialize_params: [{ image: 'debian-cloud/debian-12', labels: {}, size: 20, type: 'pd-balanced' }],
          mode: 'READ_WRITE',
        },
      ],
      can_ip_forward: false,
      effective_labels: { ...labels, goog_terraform_provisioned: 'true' },
      id: `projects/${team}-${env}/zones/europe-west1-b/instances/${name}`,
      labels,
      machine_type: 'e2-standard-4',
      metadata: { 'enable-oslogin': 'TRUE', 'startup-script': '#!/bin/bash\necho "hello"\n' },
      name: `${name}-${env}`,
      network_interface: [{ access_config: [], network: 'default', network_ip: `10.132.0.${Math.floor(rand() * 255)}`, subnetwork: 'default' }],
      project: `${team}-${env}`,
      service_account: [{ email: `${team}@${team}-${env}.iam.gserviceaccount.com`, scopes: ['https://www.googleapis.com/auth/cloud-platform'] }],
      terraform_labels: { ...labels, goog_terraform_provisioned: 'true' },
      zone: 'europe-west1-b',
    },
    sensitive: {
      boot_disk: [{ initialize_params: [{ labels: {} }] }],
      effective_labels: {},
      labels: {},
      metadata: {},
      network_interface: [{ access_config: [] }],
      service_account: [{ scopes: [false] }],
      terraform_labels: {},
    },
  };
}

function azureStorage(rand, name, env, team) {
  return {
    type: 'azurerm_storage_account',
    provider: 'registry.terraform.io/hashicorp/azurerm',
    values: {
      account_kind: 'StorageV2',
      account_replication_type: 'GRS',
      account_tier: 'Standard',
      id: `/subscriptions/${hex(rand, 8)}-0000-0000-0000-${hex(rand, 12)}/resourceGroups/rg-${team}-${env}/providers/Microsoft.Storage/storageAccounts/st${team}${hex(rand, 6)}`,
      location: 'westeurope',
      min_tls_version: 'TLS1_2',
      name: `st${team}${hex(rand, 6)}`,
      primary_access_key: `${hex(rand, 40)}==`,
      primary_blob_endpoint: `https://st${team}.blob.core.windows.net/`,
      resource_group_name: `rg-${team}-${env}`,
      tags: { environment: env, owner: team },
    },
    sensitive: { primary_access_key: true, tags: {} },
  };
}

function kubernetesDeployment(rand, name, env, team) {
  return {
    type: 'kubernetes_deployment_v1',
    provider: 'registry.terraform.io/hashicorp/kubernetes',
    values: {
      id: `${team}-${env}/${name}`,
      metadata: [
        {
          annotations: {},
          generation: 3,
          labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/environment': env },
          name,
          namespace: `${team}-${env}`,
          resource_version: String(Math.floor(rand() * 1e6)),
          uid: hex(rand, 32),
        },
      ],
      spec: [
        {
          replicas: '3',
          selector: [{ match_expressions: [], match_labels: { app: name } }],
          strategy: [{ rolling_update: [{ max_surge: '25%', max_unavailable: '25%' }], type: 'RollingUpdate' }],
          template: [
            {
              metadata: [{ annotations: {}, labels: { app: name } }],
              spec: [
                {
                  container: [
                    {
                      args: [],
                      command: [],
                      env: [{ name: 'LOG_LEVEL', value: 'info', value_from: [] }],
                      image: `registry.example.com/${team}/${name}:1.${Math.floor(rand() * 40)}.0`,
                      name,
                      port: [{ container_port: 8080, protocol: 'TCP' }],
                      resources: [{ limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '250m', memory: '256Mi' } }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
      wait_for_rollout: true,
    },
    sensitive: {
      metadata: [{ annotations: {}, labels: {} }],
      spec: [
        {
          selector: [{ match_expressions: [], match_labels: {} }],
          strategy: [{ rolling_update: [{}] }],
          template: [
            {
              metadata: [{ annotations: {}, labels: {} }],
              spec: [{ container: [{ args: [], command: [], env: [{ value_from: [] }], port: [{}], resources: [{ limits: {}, requests: {} }] }] }],
            },
          ],
        },
      ],
    },
  };
}

const KINDS = [awsInstance, awsDatabase, awsBucket, googleInstance, azureStorage, kubernetesDeployment];

function withChange(values, rand) {
  const changed = { ...values };
  if ('tags' in changed) changed.tags = { ...changed.tags, Revision: String(Math.floor(rand() * 100)) };
  else changed.id = `${changed.id}-next`;
  return changed;
}

/** Every attribute the config would set, as terraform writes it in `configuration.expressions`. */
function expressions(values) {
  const out = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && key !== 'id' && key !== 'arn')
      out[key] = rand0(key) ? { references: [`var.${key}`, 'local.common'] } : { constant_value: value };
  }
  return out;
}
const rand0 = (key) => key.length % 3 === 0;

function resourceAt(index, rand) {
  const kind = KINDS[index % KINDS.length];
  const env = ENVIRONMENTS[Math.floor(rand() * ENVIRONMENTS.length)];
  const team = TEAMS[Math.floor(rand() * TEAMS.length)];
  const module = `module.${team}["${env}"]`;
  const name = `r${index}`;
  const resource = kind(rand, name, env, team);
  const pick = rand();
  const actions = ACTION_MIX.find(([limit]) => pick < limit)[1];
  const mode = actions[0] === 'read' ? 'data' : 'managed';
  const address = `${mode === 'data' ? `${module}.data` : module}.${resource.type}.${name}`;
  return { ...resource, module, name, address, actions, mode, index };
}

/**
 * Writes the plan and returns its byte size and how many resource changes delete something. Terraform writes
 * compact JSON; `pretty` indents it instead (what `jq .` or an editor saves).
 */
export function generatePlan(path, resourceCount, { seed = 7, pretty = false } = {}) {
  const fd = openSync(path, 'w');
  let pending = [];
  let pendingLength = 0;
  let size = 0;
  const write = (text) => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength > 1 << 22) flush();
  };
  const flush = () => {
    const buffer = Buffer.from(pending.join(''), 'utf8');
    writeSync(fd, buffer);
    size += buffer.length;
    pending = [];
    pendingLength = 0;
  };
  const json = (value) => (pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value));
  const separator = (i) => (i === 0 ? '' : ',');
  const section = (name, count, item) => {
    write(`,${json(name)}:[`);
    for (let i = 0; i < count; i++) {
      const rand = random(seed * 1000003 + i);
      write(separator(i) + json(item(resourceAt(i, rand), rand)));
    }
    write(']');
  };
  let deletes = 0;

  write(
    `{"format_version":"1.2","terraform_version":"1.9.8","variables":${json({ region: { value: 'eu-west-1' }, db_password: { value: 'BR-SECRET-root-variable' } })}`,
  );
  write(',"planned_values":{"outputs":{},"root_module":{"child_modules":[{"address":"module.all"');
  section('resources', resourceCount, (r, rand) => ({
    address: r.address,
    mode: r.mode,
    type: r.type,
    name: r.name,
    provider_name: r.provider,
    schema_version: 1,
    values: r.actions.includes('create') ? withChange(r.values, rand) : r.values,
    sensitive_values: r.sensitive,
  }));
  write('}]}}');
  section('resource_changes', resourceCount, (r, rand) => {
    const after =
      r.actions.includes('delete') && !r.actions.includes('create')
        ? null
        : r.actions[0] === 'no-op' || r.actions[0] === 'read'
          ? r.values
          : withChange(r.values, rand);
    if (r.actions.includes('delete')) deletes++;
    const change = {
      address: r.address,
      module_address: r.module,
      mode: r.mode,
      type: r.type,
      name: r.name,
      provider_name: r.provider,
      change: {
        actions: r.actions,
        before: r.actions[0] === 'create' ? null : r.values,
        after,
        after_unknown: after === null ? false : { id: r.actions.includes('create'), tags_all: {} },
        before_sensitive: r.actions[0] === 'create' ? false : r.sensitive,
        after_sensitive: after === null ? false : r.sensitive,
      },
    };
    if (r.actions.length === 2) {
      change.action_reason = 'replace_because_cannot_update';
      change.change.replace_paths = [['engine_version']];
    }
    return change;
  });
  write(
    ',"output_changes":{"endpoint":{"actions":["no-op"],"before":"db.internal","after":"db.internal","after_unknown":false,"before_sensitive":false,"after_sensitive":false}}',
  );
  write(',"prior_state":{"format_version":"1.0","terraform_version":"1.9.8","values":{"outputs":{},"root_module":{"child_modules":[{"address":"module.all"');
  section('resources', resourceCount, (r) => ({
    address: r.address,
    mode: r.mode,
    type: r.type,
    name: r.name,
    provider_name: r.provider,
    schema_version: 1,
    values: r.values,
    sensitive_values: r.sensitive,
    depends_on: [`${r.module}.aws_iam_role.shared`],
  }));
  write('}]}}}');
  write(
    ',"configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","expressions":{"region":{"references":["var.region"]}}}},"root_module":{"module_calls":{"all":{"source":"./modules/all","module":{"outputs":{}',
  );
  section('resources', Math.min(resourceCount, 2000), (r) => ({
    address: `${r.type}.${r.name}`,
    mode: r.mode,
    type: r.type,
    name: r.name,
    provider_config_key: r.provider.split('/').pop(),
    expressions: expressions(r.values),
    schema_version: 1,
    for_each_expression: { references: ['var.environments'] },
  }));
  write('}}},"variables":{"region":{"default":"eu-west-1","description":"AWS region"},"db_password":{"sensitive":true}}}}');
  write(',"relevant_attributes":[');
  for (let i = 0; i < Math.min(resourceCount, 5000); i++) write(`${separator(i)}{"resource":"module.all.aws_iam_role.r${i}","attribute":["arn"]}`);
  write('],"timestamp":"2026-11-25T09:00:00Z","applyable":true,"complete":true,"errored":false}\n');
  flush();
  closeSync(fd);
  return { size, deletes };
}
