// Runs one JSON reader over one file and counts what it reports; the parser comparison times this in a child process.
import { createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The parsers come from PARSERS_DIR (a folder where they were installed) or from the project's node_modules. */
const require = createRequire(join(process.env.PARSERS_DIR ?? root, 'package.json'));
const load = (name) => import(pathToFileURL(require.resolve(name)).href);
const [reader, file] = process.argv.slice(2);
let count = 0;
const chunks = (encoding) => createReadStream(file, { highWaterMark: 1 << 20, encoding });

const READERS = {
  'JSON.parse': async () => JSON.parse(readFileSync(file)),
  'blast-radius scanner': async () => {
    const { JsonScanner } = await import(join(root, 'dist/inputs/json-scanner.js'));
    const fd = openSync(file, 'r');
    const buffer = Buffer.allocUnsafe(1 << 20);
    const source = {
      read: () => {
        const n = readSync(fd, buffer, 0, buffer.length, null);
        return n === 0 ? null : buffer.subarray(0, n);
      },
    };
    new JsonScanner(source, file).skipValue();
  },
  'stream-json': async () => {
    const { parser } = await load('stream-json');
    await new Promise((resolve, reject) =>
      chunks()
        .pipe(parser.asStream())
        .on('data', () => count++)
        .on('end', resolve)
        .on('error', reject),
    );
  },
  '@streamparser/json': async () => {
    const module = await load('@streamparser/json');
    const { Tokenizer } = module.Tokenizer ? module : module.default;
    const tokenizer = new Tokenizer();
    tokenizer.onToken = () => count++;
    for await (const chunk of chunks()) tokenizer.write(chunk);
  },
  clarinet: async () => {
    const { default: clarinet } = await load('clarinet');
    const parser = clarinet.parser();
    parser.onvalue = parser.onkey = parser.onopenobject = parser.onopenarray = () => count++;
    parser.onerror = (error) => {
      throw error;
    };
    for await (const chunk of chunks('utf8')) parser.write(chunk);
    parser.close();
  },
};

await READERS[reader]();
if (count < 0) console.log(count);
