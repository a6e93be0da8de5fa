// Reads the environment evidence a resource's BeforeContext / AfterContext (`--include-property-values`) holds: its tags
// and its name-like properties, nothing else; every other property value may be a secret and is never read.
import type { Label, NameHint } from '../../model.js';

/** Properties that name a resource (or the database in it) across the AWS types the catalog lists and the common ones. */
const NAME_PROPERTIES = [
  'BackupVaultName',
  'BucketName',
  'CacheClusterId',
  'ClusterIdentifier',
  'ClusterName',
  'DBClusterIdentifier',
  'DBInstanceIdentifier',
  'DBName',
  'DomainName',
  'FunctionName',
  'IdentityPoolName',
  'LogGroupName',
  'Name',
  'QueueName',
  'ReplicationGroupId',
  'RepositoryName',
  'RoleName',
  'TableName',
  'TopicName',
  'UserName',
  'UserPoolName',
];

/** Properties that hold tags: a list of `{ Key, Value }` or a map of strings (as some types write them). */
const TAG_PROPERTIES = ['Tags', 'FileSystemTags'];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ContextEvidence {
  labels: Label[];
  nameHints: NameHint[];
  /** False when the text is not a JSON object with Properties (cut short, or a shape not documented): nothing was read. */
  complete: boolean;
}

function tagsOf(value: unknown, field: string): Label[] {
  if (Array.isArray(value)) {
    return value.flatMap((tag) =>
      isObject(tag) && typeof tag.Key === 'string' && typeof tag.Value === 'string' ? [{ key: tag.Key, value: tag.Value, field }] : [],
    );
  }
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, tag]) => (typeof tag === 'string' ? [{ key, value: tag, field }] : []));
}

/** The tags and names of one context (JSON text), each with the property it came from (`Properties.Tags`). */
export function contextEvidence(text: string): ContextEvidence {
  let context: unknown;
  try {
    context = JSON.parse(text);
  } catch {
    return { labels: [], nameHints: [], complete: false };
  }
  if (!isObject(context) || !isObject(context.Properties))
    return { labels: [], nameHints: [], complete: isObject(context) && context.Properties === undefined };
  const properties = context.Properties;
  const labels = TAG_PROPERTIES.flatMap((property) => tagsOf(properties[property], `Properties.${property}`));
  const nameHints = NAME_PROPERTIES.flatMap((property) => {
    const value = properties[property];
    return typeof value === 'string' && value !== '' ? [{ field: `Properties.${property}`, value }] : [];
  });
  return { labels, nameHints, complete: true };
}
