// Input format `pulumi-preview`: what `pulumi preview --json` prints (Pulumi's PreviewDigest: config, steps, diagnostics, changeSummary).
import type { InputFormat } from '../input-format.js';

/**
 * The digest is one JSON object whose first member is one of its own (Go writes them in this order; `jq -S` sorts
 * them, and all still start the list); a Terraform plan starts with `format_version` (or, sorted, `applyable`,
 * `configuration` …), none of them these.
 */
const FIRST_MEMBER = /^\uFEFF?\s*\{\s*"(?:config|steps|diagnostics|duration|changeSummary|maybeCorrupt)"\s*:/;
/** What only a Pulumi digest holds: a URN, or its summary of step ops. */
const PULUMI_MARK = /"urn:pulumi:|"changeSummary"\s*:/;

const pulumiPreview: InputFormat = {
  id: 'pulumi-preview',
  platform: 'pulumi',
  detect: (head) => FIRST_MEMBER.test(head.text) && PULUMI_MARK.test(head.text),
  read: async (input, options) => {
    const { readPulumiPreview } = await import('../../analyzers/pulumi/read-preview.js');
    return [readPulumiPreview(input, options.quietChanges)];
  },
};

export default pulumiPreview;
