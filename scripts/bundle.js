// Bundles the command for start-up speed: dist/start.cjs (the entry bin/blast-radius.cjs requires), the CLI in
// dist/bin/main.cjs and the agent hook in dist/hook/hook-main.cjs, each one CommonJS file whose first line is the
// SHA-256 of the rest, the key of its compiled code in the compile cache (src/cli/compile-cache.ts).
// CommonJS because Node 20 loads it without the ES module loader (measured: 15 ms less than split ES modules) and
// because V8's code cache can be asked for it (vm.Script). The small dependencies of common paths are bundled, so
// the cache covers them too (js-yaml alone took 20 ms to require from its 30 files); the large or rarely needed
// ones stay outside and are required only where used. The bash grammar's WebAssembly (and its license) is copied from
// the tree-sitter-bash devDependency into dist/grammars/, so the package ships it without the native package, whose
// install script builds code blast-radius never runs.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Help (yargs), --cluster, .tf sources, the hook's shell parser and its grammar, regular-expression checks. */
const EXTERNAL = ['yargs', '@kubernetes/client-node', '@cdktf/hcl2json', 'web-tree-sitter', 'tree-sitter-bash', 'safe-regex2'];

const BUNDLES = [
  { entry: 'src/cli/start.ts', out: 'dist/start.cjs' },
  { entry: 'src/cli/main.ts', out: 'dist/bin/main.cjs' },
  { entry: 'src/hooks/hook-main.ts', out: 'dist/hook/hook-main.cjs' },
];

for (const { entry, out } of BUNDLES) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // A dynamic import() would need vm's experimental module callback inside the cached script: dependencies are
    // required instead (ES-module-only ones such as yargs through require(esm), Node 20.19+ and 22.12+).
    supported: { 'dynamic-import': false },
    // The sources are ES modules that find files next to themselves with import.meta.url.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    write: false,
    logLevel: 'warning',
  });
  const text = result.outputFiles[0].text;
  const hash = createHash('sha256').update(text).digest('hex');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `// sha256:${hash}\n${text}`);
}

mkdirSync('dist/grammars', { recursive: true });
copyFileSync('node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'dist/grammars/tree-sitter-bash.wasm');
copyFileSync('node_modules/tree-sitter-bash/LICENSE', 'dist/grammars/tree-sitter-bash.LICENSE');
