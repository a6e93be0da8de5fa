// Preloaded (--import) into a node child by the benchmark when /usr/bin/time is missing: writes the child's peak RSS
// in KB to the file RSS_REPORT names, at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.RSS_REPORT) writeFileSync(process.env.RSS_REPORT, `${process.resourceUsage().maxRSS}\n`);
});
