// The table of platforms, by id, in the order reports name them when a change spans several.
import type { Platform } from '../model.js';
import cloudformation from './cloudformation.js';
import kubernetes from './kubernetes.js';
import type { PlatformProfile } from './platform.js';
import pulumi from './pulumi.js';
import terraform from './terraform.js';

export const PLATFORMS = {
  terraform,
  kubernetes,
  pulumi,
  cloudformation,
} satisfies Record<Platform, PlatformProfile>;

/** Whether inputs of a platform go to a Kubernetes context, which is then evidence of their environment. */
export const goesToKubeContext = (platform: Platform): boolean => PLATFORMS[platform].evidence === 'kube-context';

/** Whether inputs of a platform are judged with the Terraform sources beside them. */
export const readsSources = (platform: Platform): boolean => PLATFORMS[platform].evidence === 'terraform-sources';

/** The platforms of a set, in table order (the first one leads where a sentence can name only one). */
export function inTableOrder(platforms: ReadonlySet<Platform>): PlatformProfile[] {
  return Object.values(PLATFORMS).filter((profile) => platforms.has(profile.id));
}
