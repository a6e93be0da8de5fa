// The annotations that tell a deleting tool to leave an object in place, and which tool honours each: helm's
// resource-policy keep, Argo CD's Prune=false / Delete=false sync options, Flux's prune: disabled.

export type DeletingTool = 'helm' | 'argocd' | 'flux';

interface KeepAnnotation {
  key: string;
  tool: DeletingTool;
  keeps(value: string): boolean;
}

const syncOptions = (value: string): string[] => value.split(',').map((option) => option.trim());

const KEEP_ANNOTATIONS: readonly KeepAnnotation[] = [
  { key: 'helm.sh/resource-policy', tool: 'helm', keeps: (value) => value.trim() === 'keep' },
  {
    key: 'argocd.argoproj.io/sync-options',
    tool: 'argocd',
    keeps: (value) => syncOptions(value).some((option) => option === 'Prune=false' || option === 'Delete=false'),
  },
  { key: 'kustomize.toolkit.fluxcd.io/prune', tool: 'flux', keeps: (value) => value.trim() === 'disabled' },
];

const TOOL_NAMES: Record<DeletingTool, string> = { helm: 'helm', argocd: 'Argo CD', flux: 'Flux' };

export interface KeepDecision {
  /** The annotation that keeps the object, in words: `annotation helm.sh/resource-policy: keep (helm leaves it in place)`. */
  keptBy?: string;
  /** A keep annotation the deleting tool does not read, in words: the object is deleted all the same. */
  ignored?: string;
}

/** Whether a deletion by one of `honouredBy` leaves the object in place, given its annotations. */
export function keepDecision(annotations: Readonly<Record<string, string>> | undefined, honouredBy: ReadonlySet<DeletingTool>, deleter: string): KeepDecision {
  if (annotations === undefined) return {};
  const found = KEEP_ANNOTATIONS.filter((a) => Object.hasOwn(annotations, a.key) && a.keeps(annotations[a.key]));
  const honoured = found.find((a) => honouredBy.has(a.tool));
  if (honoured) {
    return { keptBy: `annotation ${honoured.key}: ${annotations[honoured.key]} (${TOOL_NAMES[honoured.tool]} leaves it in place)` };
  }
  const ignored = found[0];
  if (!ignored) return {};
  return { ignored: `its annotation ${ignored.key}: ${annotations[ignored.key]} only stops ${TOOL_NAMES[ignored.tool]}, not ${deleter}` };
}
