// Splits a Terraform module address (`module.a["x"].module.b[0]`) into module names and instance keys.

export interface ModuleSegment {
  name: string;
  key?: string | number;
}

const SEGMENT = /module\.([A-Za-z0-9_-]+)(?:\[("(?:[^"\\]|\\.)*"|\d+)\])?/g;

export function parseModulePath(moduleAddress: string | undefined): ModuleSegment[] {
  if (!moduleAddress) return [];
  const segments: ModuleSegment[] = [];
  for (const match of moduleAddress.matchAll(SEGMENT)) {
    const [, name, rawKey] = match;
    const segment: ModuleSegment = { name: name };
    if (rawKey !== undefined) segment.key = rawKey.startsWith('"') ? (JSON.parse(rawKey) as string) : Number(rawKey);
    segments.push(segment);
  }
  return segments;
}
