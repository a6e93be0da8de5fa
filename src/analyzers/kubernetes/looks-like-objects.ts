// Tells Kubernetes objects (JSON or YAML) from their first lines alone, for content detection; loads no YAML reader.

/** `kubectl get -o json` prints `{` first, with `apiVersion` first (keys sorted) or `kind` (`kubectl create -o json`). */
const JSON_OBJECT_START = /^\s*\{\s*"(apiVersion|kind)"\s*:/;
/** A YAML object document's first key, after any `---`, comments and blank lines (helm: `---\n# Source: …`). */
const YAML_OBJECT_START = /^(?:[ \t]*(?:#[^\n]*|\r)?\n|---[ \t]*\r?\n)*(apiVersion|kind):[ \t]/;

/** True when the text looks like Kubernetes objects (JSON or YAML), for content detection; cheap, looks at the start only. */
export function looksLikeKubernetesObjects(text: string): boolean {
  const start = text.slice(0, 4096).replace(/^\uFEFF/, '');
  return JSON_OBJECT_START.test(start) || YAML_OBJECT_START.test(start);
}
