// The statements file a database client is told to run (`psql -f FILE`) is read by the one small-file reader: a FIFO
// in its place cannot hang the hook, and is reported as not read rather than judged empty.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTool } from '../../src/tools/tool-readers.js';

describe('statements files of database clients', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'blast-radius-db-files-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('reads a regular file and refuses the DROP in it against production', () => {
    writeFileSync(join(directory, 'drop.sql'), 'DROP TABLE orders;\n');
    const verdict = readTool(['psql', '-h', 'orders-prod.db.internal', '-f', 'drop.sql'], { env: {}, home: directory, cwd: directory });
    expect(verdict?.why).toMatch(/DROP TABLE orders/);
  });

  it('does not block on a FIFO named as the file, and cannot tell what it runs', () => {
    execFileSync('mkfifo', [join(directory, 'pipe.sql')]);
    const verdict = readTool(['psql', '-h', 'orders-prod.db.internal', '-f', 'pipe.sql'], { env: {}, home: directory, cwd: directory });
    expect(verdict?.cannotTell).toBe(true);
  });
});
