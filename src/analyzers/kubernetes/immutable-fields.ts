// The fields the API server refuses to change on an existing object, per kind: a change to one of them can only be
// applied by deleting and recreating the object (`kubectl apply --force`, `kubectl replace --force`, Argo CD's
// Replace=true), so a reader that sees one change (helm-diff, which diffs manifests without the server) reports a replace.

interface ImmutableRule {
  /** `group/Kind`, or `*` for every kind. */
  kinds: string[];
  /** The field, as a dotted path; `[]` stands for any list index. */
  path: string;
  /** Fields under `path` that may change (the rest of `path` may not). */
  except?: string[];
  /** Only when the object sets `immutable: true` (ConfigMap, Secret). */
  onlyWhenMarkedImmutable?: boolean;
  why: string;
  /** Where the rule is enforced (kubernetes/kubernetes), or documented. */
  source: string;
}

/** The volume sources of a PersistentVolume's spec (core/v1 PersistentVolumeSource). */
const PV_SOURCES = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'csi',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'glusterfs',
  'hostPath',
  'iscsi',
  'local',
  'nfs',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'rbd',
  'scaleIO',
  'storageos',
  'vsphereVolume',
];

const RULES: ImmutableRule[] = [
  { kinds: ['*'], path: 'metadata.name', why: 'an object is found by its name: a new name is a new object', source: 'apimachinery ValidateObjectMetaUpdate' },
  { kinds: ['*'], path: 'metadata.namespace', why: 'an object cannot move between namespaces', source: 'apimachinery ValidateObjectMetaUpdate' },
  {
    kinds: ['apps/Deployment', 'apps/ReplicaSet', 'apps/DaemonSet'],
    path: 'spec.selector',
    why: 'the selector decides which pods the controller owns; apps/v1 forbids changing it',
    source: 'pkg/apis/apps/validation: ValidateDeploymentUpdate, ValidateReplicaSetUpdate, ValidateDaemonSetUpdate ("field is immutable")',
  },
  {
    kinds: ['apps/StatefulSet'],
    path: 'spec',
    except: [
      'spec.replicas',
      'spec.ordinals',
      'spec.template',
      'spec.updateStrategy',
      'spec.revisionHistoryLimit',
      'spec.persistentVolumeClaimRetentionPolicy',
      'spec.minReadySeconds',
    ],
    why: 'a StatefulSet may change only replicas, ordinals, template, updateStrategy, revisionHistoryLimit, persistentVolumeClaimRetentionPolicy and minReadySeconds (selector, serviceName, volumeClaimTemplates, podManagementPolicy are fixed)',
    source: 'pkg/apis/apps/validation: ValidateStatefulSetUpdate ("updates to statefulset spec for fields other than … are forbidden")',
  },
  {
    kinds: ['batch/Job'],
    path: 'spec.selector',
    why: "a Job's selector is fixed once it runs",
    source: 'pkg/apis/batch/validation: ValidateJobSpecUpdate ("field is immutable")',
  },
  {
    kinds: ['batch/Job'],
    path: 'spec.template',
    why: "a Job's pod template is fixed (only a suspended Job's scheduling directives may change)",
    source: 'pkg/apis/batch/validation: ValidateJobSpecUpdate ("field is immutable")',
  },
  {
    kinds: ['batch/Job'],
    path: 'spec.completionMode',
    why: "a Job's completion mode is fixed",
    source: 'pkg/apis/batch/validation: ValidateJobSpecUpdate ("field is immutable")',
  },
  {
    kinds: ['batch/Job'],
    path: 'spec.completions',
    why: "a Job's completions are fixed, except for an Indexed Job scaling completions together with parallelism",
    source: 'pkg/apis/batch/validation: ValidateJobSpecUpdate ("field is immutable")',
  },
  {
    kinds: ['batch/Job'],
    path: 'spec.podFailurePolicy',
    why: "a Job's pod failure policy is fixed",
    source: 'pkg/apis/batch/validation: ValidateJobSpecUpdate ("field is immutable")',
  },
  {
    kinds: ['/Service'],
    path: 'spec.clusterIP',
    why: "a Service's cluster IP is allocated once and may not change",
    source: 'pkg/apis/core/validation: ValidateServiceUpdate ("may not change once set")',
  },
  {
    kinds: ['/Service'],
    path: 'spec.clusterIPs',
    why: "a Service's primary cluster IP is allocated once and may not change",
    source: 'pkg/apis/core/validation: ValidateServiceUpdate ("may not change once set")',
  },
  {
    kinds: ['/PersistentVolumeClaim'],
    path: 'spec',
    except: ['spec.resources.requests', 'spec.volumeAttributesClassName'],
    why: "a claim's spec is fixed after creation except resources.requests (expansion) and volumeAttributesClassName",
    source:
      'pkg/apis/core/validation: ValidatePersistentVolumeClaimUpdate ("spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims")',
  },
  ...PV_SOURCES.map((source): ImmutableRule => ({
    kinds: ['/PersistentVolume'],
    path: `spec.${source}`,
    why: "a PersistentVolume's volume source is fixed after creation",
    source: 'pkg/apis/core/validation: ValidatePersistentVolumeUpdate ("spec.persistentvolumesource is immutable after creation")',
  })),
  {
    kinds: ['/Pod'],
    path: 'spec',
    except: [
      'spec.containers[].image',
      'spec.initContainers[].image',
      'spec.activeDeadlineSeconds',
      'spec.tolerations',
      'spec.terminationGracePeriodSeconds',
      'spec.ephemeralContainers',
      'spec.schedulingGates',
    ],
    why: "a pod's spec is fixed except container images, activeDeadlineSeconds, tolerations (additions) and terminationGracePeriodSeconds",
    source: 'pkg/apis/core/validation: ValidatePodUpdate ("pod updates may not change fields other than …")',
  },
  { kinds: ['/Secret'], path: 'type', why: "a Secret's type is fixed", source: 'pkg/apis/core/validation: ValidateSecretUpdate ("field is immutable")' },
  ...(['data', 'stringData', 'binaryData', 'immutable'] as const).map((path): ImmutableRule => ({
    kinds: ['/ConfigMap', '/Secret'],
    path,
    onlyWhenMarkedImmutable: true,
    why: 'the object is marked immutable: true, so its data (and the mark) may not change',
    source: 'pkg/apis/core/validation: ValidateConfigMapUpdate, ValidateSecretUpdate ("field is immutable when `immutable` is set")',
  })),
  ...(['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'] as const).map((path): ImmutableRule => ({
    kinds: ['storage.k8s.io/StorageClass'],
    path,
    why: "a StorageClass's provisioner, parameters, reclaim policy and binding mode are fixed",
    source: 'pkg/apis/storage/validation: ValidateStorageClassUpdate ("updates to parameters are forbidden", "field is immutable")',
  })),
  {
    kinds: ['rbac.authorization.k8s.io/RoleBinding', 'rbac.authorization.k8s.io/ClusterRoleBinding'],
    path: 'roleRef',
    why: "a binding's roleRef is fixed: bind another role with a new binding",
    source: 'pkg/apis/rbac/validation: ValidateRoleBindingUpdate ("cannot change roleRef")',
  },
  ...(['spec.group', 'spec.scope', 'spec.names.plural'] as const).map((path): ImmutableRule => ({
    kinds: ['apiextensions.k8s.io/CustomResourceDefinition'],
    path,
    why: "a CustomResourceDefinition's group, scope and plural name are fixed (its name is plural.group)",
    source: 'apiextensions-apiserver validation: ValidateCustomResourceDefinitionUpdate ("field is immutable")',
  })),
];

/** `spec.containers[0].image` → ['spec', 'containers', '[]', 'image']. */
function segments(path: string): string[] {
  return path
    .replace(/\[\d*\]/g, '.[]')
    .split('.')
    .filter((segment) => segment !== '');
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, at) => segment === path[at]);
}

function printed(path: string[]): string {
  return path.join('.').replace(/\.\[\]/g, '[*]');
}

/**
 * The part of `changed` a rule forbids changing, or undefined: the rule's path itself, or for a rule with
 * exceptions the first field under it that is neither an exception nor leads to one.
 */
function forbiddenField(rule: ImmutableRule, changed: string[]): string | undefined {
  const root = segments(rule.path);
  // A change to a whole parent (`spec` added or removed) changes the field too.
  if (startsWith(root, changed)) return rule.path;
  if (!startsWith(changed, root)) return undefined;
  const exceptions = (rule.except ?? []).map(segments);
  if (exceptions.length === 0) return rule.path;
  for (let length = root.length + 1; length <= changed.length; length++) {
    const prefix = changed.slice(0, length);
    if (exceptions.some((exception) => startsWith(prefix, exception))) return undefined;
    if (!exceptions.some((exception) => startsWith(exception, prefix))) return printed(prefix);
  }
  return printed(changed);
}

export interface ImmutableFieldChange {
  /** The immutable field that changed, as a dotted path (`spec.selector`, `spec.volumeClaimTemplates`). */
  field: string;
  why: string;
}

/**
 * The immutable fields among `changedPaths` (dotted, with list indexes: `spec.volumeClaimTemplates[0].spec`) of an
 * object of `group`/`kind`; `markedImmutable` when the object as it is now sets `immutable: true`.
 */
export function immutableFieldsChanged(group: string, kind: string, changedPaths: string[], markedImmutable = false): ImmutableFieldChange[] {
  const key = `${group}/${kind}`;
  const rules = RULES.filter((rule) => (rule.kinds.includes('*') || rule.kinds.includes(key)) && (!rule.onlyWhenMarkedImmutable || markedImmutable));
  const found = new Map<string, string>();
  for (const changed of changedPaths.map(segments)) {
    for (const rule of rules) {
      const field = forbiddenField(rule, changed);
      if (field !== undefined && !found.has(field)) found.set(field, rule.why);
    }
  }
  return [...found].map(([field, why]) => ({ field, why }));
}

/** Whether objects of this kind have immutable fields beyond their name and namespace. */
export function hasImmutableFields(group: string, kind: string): boolean {
  return RULES.some((rule) => rule.kinds.includes(`${group}/${kind}`));
}
