// The reading of database-client invocations: the destructive statements each client would run, where it connects
// (never a password or a whole connection string), and what it runs that blast-radius could not read.
import { readDatabaseCommand, type DatabaseCommand } from '../../src/tools/database/read-database-command.js';

interface Row {
  words: string[];
  /** Exactly the destructive descriptions expected, in order. */
  destructive?: string[];
  /** Exactly the targets expected, as `what|value|where`. */
  targets?: string[];
  /** Whether `unread` is set. */
  unread?: boolean;
  stdin?: string;
  env?: Record<string, string>;
  files?: Record<string, string>;
  /** Indexes of the words the shell computes. */
  computed?: number[];
  /** Text that must appear nowhere in the result. */
  secret?: string;
}

const BIG = `${'SELECT 1;\n'.repeat(110_000)}DROP TABLE hidden;`;

const ROWS: Row[] = [
  // psql: -c, -f, standard input, splitting that respects quotes, dollar quotes, comments and case
  { words: ['psql', '-c', 'DROP TABLE orders'], destructive: ['DROP TABLE orders'] },
  { words: ['psql', '-c', 'drop table if exists public.orders, "Line Items" cascade'], destructive: ['DROP TABLE public.orders, Line Items'] },
  { words: ['psql', '-c', 'DROP DATABASE app'], destructive: ['DROP DATABASE app'] },
  { words: ['psql', '-c', 'DROP SCHEMA billing CASCADE'], destructive: ['DROP SCHEMA billing'] },
  { words: ['psql', '-c', 'DROP INDEX orders_created_idx'], destructive: [] },
  { words: ['psql', '-c', 'DROP VIEW active_users'], destructive: [] },
  { words: ['psql', '-c', 'DROP MATERIALIZED VIEW daily_totals CASCADE'], destructive: [] },
  { words: ['psql', '-c', 'DROP TYPE mood CASCADE'], destructive: ['DROP TYPE mood CASCADE'] },
  { words: ['psql', '-c', 'DROP OWNED BY app_user'], destructive: ['DROP OWNED BY app_user'] },
  { words: ['psql', '-c', 'TRUNCATE TABLE ONLY events, audit_log RESTART IDENTITY'], destructive: ['TRUNCATE events, audit_log'] },
  { words: ['psql', '-c', 'DELETE FROM sessions'], destructive: ['DELETE FROM sessions without WHERE'] },
  { words: ['psql', '-c', 'delete from sessions where expires_at < now()'], destructive: [] },
  { words: ['psql', '-c', 'DELETE FROM sessions WHERE 1 = 1'], destructive: ['DELETE FROM sessions with a WHERE that is always true'] },
  { words: ['psql', '-c', 'DELETE FROM sessions WHERE true RETURNING id'], destructive: ['DELETE FROM sessions with a WHERE that is always true'] },
  { words: ['psql', '-c', 'UPDATE users SET plan = $$free$$'], destructive: ['UPDATE users without WHERE'] },
  { words: ['psql', '-c', "UPDATE users SET plan = 'free' WHERE id = 7"], destructive: [] },
  { words: ['psql', '-c', "UPDATE users SET tier = CASE WHEN paid THEN 'a' ELSE 'b' END WHERE id = 1"], destructive: [] },
  { words: ['psql', '-c', 'ALTER TABLE users DROP COLUMN email'], destructive: ['ALTER TABLE users DROP COLUMN email'] },
  { words: ['psql', '-c', 'ALTER TABLE users DROP CONSTRAINT users_email_key CASCADE'], destructive: [] },
  {
    words: ['psql', '-c', 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL, DROP COLUMN IF EXISTS legacy'],
    destructive: ['ALTER TABLE users DROP COLUMN legacy'],
  },
  { words: ['psql', '-c', 'SELECT * FROM orders WHERE id = 1'], destructive: [] },
  { words: ['psql', '-c', "INSERT INTO notes (body) VALUES ('DROP TABLE orders; DELETE FROM sessions')"], destructive: [] },
  { words: ['psql', '-c', 'SELECT $tag$ DELETE FROM sessions $tag$'], destructive: [] },
  { words: ['psql', '-c', "SELECT E'it\\'s; DROP TABLE t'"], destructive: [] },
  { words: ['psql', '-c', '-- DROP TABLE orders\nSELECT 1 /* DELETE FROM t; /* nested */ still */'], destructive: [] },
  { words: ['psql', '-c', 'SELECT 1', '-c', 'DELETE FROM carts'], destructive: ['DELETE FROM carts without WHERE'] },
  { words: ['psql', '-c', 'DELETE FROM a WHERE id = 1; DELETE FROM b'], destructive: ['DELETE FROM b without WHERE'] },
  { words: ['psql', '-c', 'WITH gone AS (DELETE FROM jobs RETURNING id) SELECT count(*) FROM gone'], destructive: ['DELETE FROM jobs without WHERE'] },
  { words: ['psql', '-c', 'DELETE FROM t WHERE id IN (SELECT id FROM u)'], destructive: [] },
  { words: ['psql', '-c', 'SELECT * FROM jobs FOR UPDATE SKIP LOCKED'], destructive: [] },
  { words: ['psql', '-c', 'INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET n = 2'], destructive: [] },
  { words: ['psql', '-c', 'CREATE TABLE t (u int REFERENCES users ON DELETE CASCADE)'], destructive: [] },
  { words: ['psql', '-c', 'CREATE FUNCTION purge() RETURNS void AS $$ DELETE FROM logs $$ LANGUAGE sql'], destructive: [] },
  { words: ['psql', '-c', 'DO $$ BEGIN DELETE FROM logs; END $$'], destructive: ['DELETE FROM logs without WHERE'] },
  { words: ['psql', '-c', 'GRANT SELECT, DELETE, TRUNCATE ON orders TO app'], destructive: [] },
  { words: ['psql', '-c', 'EXPLAIN DELETE FROM orders'], destructive: [] },
  { words: ['psql', '-c', 'EXPLAIN ANALYZE DELETE FROM orders'], destructive: ['DELETE FROM orders without WHERE'] },
  { words: ['psql', '-c', 'DROP TABLE :tbl'], destructive: ['DROP TABLE :tbl'] },
  { words: ['psql', '-f', 'migrate.sql'], files: { 'migrate.sql': 'BEGIN;\nDROP TABLE legacy_orders;\nCOMMIT;\n' }, destructive: ['DROP TABLE legacy_orders'] },
  { words: ['psql', '--file=migrate.sql'], files: { 'migrate.sql': 'SELECT 1;' }, destructive: [] },
  { words: ['psql', '-f', 'main.sql'], files: { 'main.sql': '\\i cleanup.sql\nSELECT 1;', 'cleanup.sql': 'TRUNCATE audit;' }, destructive: ['TRUNCATE audit'] },
  { words: ['psql', '-c', '\\x', '-c', 'SELECT 1 \\g', '-c', 'DROP TABLE t'], destructive: ['DROP TABLE t'] },
  { words: ['psql', '-f', 'missing.sql'], destructive: [], unread: true },
  { words: ['psql', '-f', 'big.sql'], files: { 'big.sql': BIG }, destructive: [], unread: true },
  { words: ['psql', '-f', '-'], stdin: 'DELETE FROM carts;', destructive: ['DELETE FROM carts without WHERE'] },
  { words: ['psql', '-h', 'db.internal'], stdin: 'DROP TABLE orders;\n', destructive: ['DROP TABLE orders'], targets: ['host|db.internal|-h'] },
  { words: ['psql', '-h', 'db.internal'], destructive: [], unread: true },
  { words: ['psql', '-c', 'SELECT 1'], stdin: 'DROP TABLE orders;', destructive: [] },
  { words: ['psql', '-c', '$SQL'], destructive: [], unread: true },
  { words: ['psql', '-c', 'DELETE FROM x WHERE id = $1'], computed: [2], destructive: [], unread: true },
  { words: ['psql', '-l'], destructive: [], unread: false },
  // psql targets
  { words: ['psql', '-h', 'prod-db', '-p', '5433', '-U', 'admin', '-d', 'shop', '-c', 'SELECT 1'], targets: ['host|prod-db|-h', 'database|shop|-d'] },
  { words: ['psql', '--host=replica-1', 'analytics', 'reporter', '-c', 'SELECT 1'], targets: ['host|replica-1|--host', 'database|analytics|argument'] },
  {
    words: ['psql', 'postgresql://admin:hunter2@db1.prod:5432,db2.prod/orders?sslmode=require', '-c', 'SELECT 1'],
    targets: ['host|db1.prod|URI host', 'host|db2.prod|URI host', 'database|orders|URI database'],
    secret: 'hunter2',
  },
  {
    words: ['psql', 'postgres://svc:p%40ss/word@db.prod/app', '-c', 'SELECT 1'],
    targets: ['host|db.prod|URI host', 'database|app|URI database'],
    secret: 'ss/word',
  },
  {
    words: ['psql', '-d', 'host=db.prod dbname=ledger user=ops password=topsecret', '-c', 'SELECT 1'],
    targets: ['host|db.prod|connection string', 'database|ledger|connection string'],
    secret: 'topsecret',
  },
  { words: ['psql', 'jdbc:postgresql://ops:jdbcpw@db.prod/app', '-c', 'SELECT 1'], targets: ['database|db.prod/app|argument'], secret: 'jdbcpw' },
  { words: ['psql', '$PROD_DATABASE_URL', '-c', 'SELECT 1'], targets: ['url variable|PROD_DATABASE_URL|argument'] },
  { words: ['psql', 'ignored', '-c', 'SELECT 1'], computed: [1], targets: [] },
  {
    words: ['psql', '${PROD_DATABASE_URL}', '-c', 'SELECT 1'],
    env: { PROD_DATABASE_URL: 'postgresql://app:Zq9secret@prod-primary:5432/payments' },
    targets: ['url variable|PROD_DATABASE_URL|argument', 'host|prod-primary|$PROD_DATABASE_URL', 'database|payments|$PROD_DATABASE_URL'],
    secret: 'Zq9secret',
  },
  { words: ['psql', '-h', '$DB_HOST', '-c', 'SELECT 1'], env: { DB_HOST: 'pg-prod' }, targets: ['host|pg-prod|$DB_HOST'] },
  {
    words: ['psql', '-c', 'SELECT 1'],
    env: { PGHOST: 'pg.prod', PGDATABASE: 'orders', PGPASSWORD: 'envsecret', PGUSER: 'ops' },
    targets: ['host|pg.prod|PGHOST', 'database|orders|PGDATABASE'],
    secret: 'envsecret',
  },
  { words: ['psql', '-h', 'explicit', '-c', 'SELECT 1'], env: { PGHOST: 'from-env' }, targets: ['host|explicit|-h'] },
  { words: ['psql', '-c', 'SELECT 1'], env: { PGSERVICE: 'prod-billing' }, targets: ['service|prod-billing|PGSERVICE'] },
  // mysql and mariadb
  { words: ['mysql', '-e', 'DROP DATABASE shop'], destructive: ['DROP DATABASE shop'] },
  { words: ['mysql', '-Bse', 'delete from cart_items', 'shop'], destructive: ['DELETE FROM cart_items without WHERE'], targets: ['database|shop|argument'] },
  { words: ['mysql', '--execute=TRUNCATE `order items`'], destructive: ['TRUNCATE order items'] },
  { words: ['mysql', '-e', 'SELECT "it\'s; DROP TABLE t" # DELETE FROM x\n'], destructive: [] },
  { words: ['mysql', '-e', '/*!40101 DROP TABLE legacy */'], destructive: ['DROP TABLE legacy'] },
  { words: ['mysql', '-e', 'DROP TEMPORARY TABLE scratch'], destructive: [] },
  { words: ['mysql', '-e', 'INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE n = n + 1'], destructive: [] },
  { words: ['mysql', '-e', 'UPDATE LOW_PRIORITY users SET active = 0 LIMIT 10'], destructive: ['UPDATE users without WHERE'] },
  { words: ['mysql', '-e', 'ALTER TABLE logs DROP PARTITION p2019, DROP INDEX idx_a'], destructive: ['ALTER TABLE logs DROP PARTITION p2019'] },
  {
    words: ['mysql', '-uroot', '-psecretpw', '-h', 'mysql.prod', '-D', 'crm', '-e', 'SELECT 1'],
    targets: ['host|mysql.prod|-h', 'database|crm|-D'],
    secret: 'secretpw',
  },
  {
    words: ['mariadb', '--host', 'maria.prod', '--password=mariapw', 'inventory'],
    stdin: 'DELIMITER //\nCREATE PROCEDURE p() BEGIN DELETE FROM stock; END //\nDELIMITER ;\nDELETE FROM stock WHERE qty = 0;\n',
    destructive: [],
    targets: ['host|maria.prod|--host', 'database|inventory|argument'],
    secret: 'mariapw',
  },
  { words: ['mysql', 'shop'], stdin: 'source cleanup.sql\n', files: { 'cleanup.sql': 'DROP TABLE carts;' }, destructive: ['DROP TABLE carts'] },
  { words: ['mysql', '-e', 'SELECT 1'], env: { MYSQL_HOST: 'mysql-env', MYSQL_PWD: 'pwdenv' }, targets: ['host|mysql-env|MYSQL_HOST'], secret: 'pwdenv' },
  { words: ['mysql', 'shop'], destructive: [], unread: true },
  // sqlcmd
  {
    words: ['sqlcmd', '-S', 'tcp:sql.prod,1433', '-d', 'Sales', '-U', 'sa', '-P', 'Sa-Pass1', '-Q', 'DROP TABLE dbo.Orders'],
    destructive: ['DROP TABLE dbo.Orders'],
    targets: ['host|sql.prod|-S', 'database|Sales|-d'],
    secret: 'Sa-Pass1',
  },
  { words: ['sqlcmd', '-Q', 'DELETE FROM [dbo].[Audit Log] DELETE FROM b WHERE id = 1'], destructive: ['DELETE FROM dbo.Audit Log without WHERE'] },
  { words: ['sqlcmd', '-Q', 'DELETE TOP (100) FROM queue WHERE done = 1'], destructive: [] },
  { words: ['sqlcmd', '-Q', "EXEC('TRUNCATE TABLE staging')"], destructive: ['TRUNCATE staging'] },
  { words: ['sqlcmd', '-Q', "PRINT 'DROP TABLE x'"], destructive: [] },
  {
    words: ['sqlcmd', '-i', 'a.sql,b.sql'],
    files: { 'a.sql': 'SELECT 1\nGO\n', 'b.sql': 'UPDATE accounts SET balance = 0\nGO\n' },
    destructive: ['UPDATE accounts without WHERE'],
  },
  { words: ['sqlcmd', '-i', 'gone.sql'], destructive: [], unread: true },
  {
    words: ['sqlcmd', '-q', 'SELECT 1'],
    env: { SQLCMDSERVER: 'np:mssql-env', SQLCMDDBNAME: 'Ledger', SQLCMDPASSWORD: 'sqlenvpw' },
    targets: ['host|mssql-env|SQLCMDSERVER', 'database|Ledger|SQLCMDDBNAME'],
    secret: 'sqlenvpw',
  },
  { words: ['sqlcmd', '-S', 'sql.prod'], stdin: "IF OBJECT_ID(N't') IS NOT NULL DROP TABLE t\nGO\n", destructive: ['DROP TABLE t'] },
  // mongosh and mongo
  { words: ['mongosh', '--eval', 'db.dropDatabase()'], destructive: ['db.dropDatabase()'] },
  { words: ['mongosh', '--eval', 'db.orders.drop()'], destructive: ['db.orders.drop()'] },
  { words: ['mongosh', '--eval', 'db.getCollection("user sessions").deleteMany({})'], destructive: ['db.<collection>.deleteMany({})'] },
  { words: ['mongosh', '--eval', "db['carts'].deleteMany( { } )"], destructive: ['db.carts.deleteMany({})'] },
  { words: ['mongosh', '--eval', 'db.carts.deleteMany({ expired: true })'], destructive: [] },
  { words: ['mongo', '--eval', 'db.logs.remove({})'], destructive: ['db.logs.remove({})'] },
  { words: ['mongosh', '--eval', 'db.users.updateMany({}, { $set: { plan: "free" } })'], destructive: ['db.users.updateMany({})'] },
  { words: ['mongosh', '--eval', 'db.adminCommand({ dropDatabase: 1 })'], destructive: ['dropDatabase command'] },
  { words: ['mongosh', '--eval', 'print("db.orders.drop()") // db.x.drop()'], destructive: [] },
  { words: ['mongosh', '--eval', 'db.orders.dropIndexes()'], destructive: [] },
  { words: ['mongosh', '--eval', 'db.orders.find({}).limit(1)'], destructive: [] },
  {
    words: ['mongosh', 'mongodb+srv://ops:mongopw@cluster0.prod.net/shop?retryWrites=true', '--eval', 'db.stats()'],
    targets: ['host|cluster0.prod.net|URI host', 'database|shop|URI database'],
    secret: 'mongopw',
  },
  {
    words: ['mongo', '--host', 'rs0/m1.prod:27017,m2.prod:27017', '-u', 'admin', '-p', 'mpw', 'inventory', 'purge.js'],
    files: { 'purge.js': 'db.items.deleteMany({})' },
    destructive: ['db.items.deleteMany({})'],
    targets: ['host|m1.prod|--host', 'host|m2.prod|--host', 'database|inventory|argument'],
    secret: 'mpw',
  },
  {
    words: ['mongosh', 'm1.prod:27017/app', '-f', 'cleanup.js'],
    files: { 'cleanup.js': 'db.getSiblingDB("app").dropDatabase()' },
    destructive: ['db.dropDatabase()'],
    targets: ['host|m1.prod|argument', 'database|app|argument'],
  },
  { words: ['mongosh', '$MONGO_URL'], stdin: 'db.events.drop()\n', destructive: ['db.events.drop()'], targets: ['url variable|MONGO_URL|argument'] },
  { words: ['mongosh', 'app'], destructive: [], unread: true },
  // redis-cli
  { words: ['redis-cli', 'FLUSHALL'], destructive: ['FLUSHALL'] },
  { words: ['redis-cli', '-h', 'cache.prod', '-n', '3', 'flushdb', 'async'], destructive: ['FLUSHDB'], targets: ['host|cache.prod|-h', 'database|3|-n'] },
  {
    words: ['redis-cli', '-u', 'redis://default:redispw@cache.prod:6380/2', 'FLUSHDB'],
    destructive: ['FLUSHDB'],
    targets: ['host|cache.prod|URI host', 'database|2|URI database'],
    secret: 'redispw',
  },
  { words: ['redis-cli', '-a', 'authpw', '-h', 'cache', 'GET', 'FLUSHALL'], destructive: [], secret: 'authpw' },
  { words: ['redis-cli', 'DEL', 'session:42'], destructive: [] },
  { words: ['redis-cli', '-u', '$REDIS_URL', 'PING'], targets: ['url variable|REDIS_URL|-u'] },
  { words: ['redis-cli', '-h', 'cache'], stdin: 'SET a 1\nflushall\n', destructive: ['FLUSHALL'] },
  { words: ['redis-cli', '-h', 'cache'], destructive: [], unread: true },
  { words: ['redis-cli', '--scan', '--pattern', 'user:*'], destructive: [], unread: false },
  { words: ['redis-cli', '--eval', 'wipe.lua'], files: { 'wipe.lua': "return redis.call('FLUSHDB')" }, destructive: ['FLUSHDB'] },
  { words: ['redis-cli', '$CMD'], destructive: [], unread: true },
  // cqlsh
  { words: ['cqlsh', 'cass1.prod', '9042', '-e', 'DROP KEYSPACE metrics'], destructive: ['DROP KEYSPACE metrics'], targets: ['host|cass1.prod|argument'] },
  { words: ['cqlsh', '-k', 'shop', '-e', 'TRUNCATE carts; SELECT * FROM carts;'], destructive: ['TRUNCATE carts'], targets: ['keyspace|shop|-k'] },
  { words: ['cqlsh', '-u', 'cassandra', '-p', 'casspw', '-e', "DELETE FROM users WHERE id = 'x'"], destructive: [], secret: 'casspw' },
  { words: ['cqlsh', '--execute', 'ALTER TABLE shop.users DROP email'], destructive: ['ALTER TABLE shop.users DROP COLUMN email'] },
  {
    words: ['cqlsh', '-f', 'schema.cql'],
    files: { 'schema.cql': '// DROP TABLE x;\nDROP TABLE IF EXISTS shop.sessions;\n' },
    destructive: ['DROP TABLE shop.sessions'],
  },
  { words: ['cqlsh', '-e', 'SELECT 1'], env: { CQLSH_HOST: 'cass-env' }, targets: ['host|cass-env|CQLSH_HOST'] },
  { words: ['cqlsh', 'cass1'], destructive: [], unread: true },
];

function run(row: Row): DatabaseCommand | undefined {
  const files = row.files ?? {};
  return readDatabaseCommand(row.words, {
    env: row.env ?? {},
    ...(row.stdin === undefined ? {} : { stdin: row.stdin }),
    readFile: (path) => (Object.hasOwn(files, path) ? files[path] : undefined),
    wordIsComputed: (index) => row.computed?.includes(index) ?? false,
  });
}

describe('readDatabaseCommand', () => {
  test.each(ROWS.map((row) => [row.words.join(' ').replace(/\s+/g, ' ').slice(0, 110), row] as const))('%s', (_name, row) => {
    const result = run(row);
    expect(result).toBeDefined();
    const read = result as DatabaseCommand;
    expect(read.client).toBe(row.words[0]);
    if (row.destructive !== undefined) expect(read.destructive).toEqual(row.destructive);
    if (row.targets !== undefined) expect(read.targets.map((target) => `${target.what}|${target.value}|${target.where}`)).toEqual(row.targets);
    if (row.unread !== undefined) expect(read.unread !== undefined).toBe(row.unread);
    if (read.unread !== undefined) expect(read.unread).toMatch(/^[^\n]+\.$/);
    if (row.secret !== undefined) expect(JSON.stringify(read)).not.toContain(row.secret);
  });

  test.each([['kubectl', 'delete', 'ns', 'prod'], ['pg_dump', 'shop'], ['mysqldump', 'shop'], ['']])('%s is not a database client', (...words) => {
    expect(readDatabaseCommand(words, { env: {} })).toBeUndefined();
  });

  test('there are enough rows to cover every client', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(ROWS.map((row) => row.words[0]))).toEqual(new Set(['psql', 'mysql', 'mariadb', 'sqlcmd', 'mongosh', 'mongo', 'redis-cli', 'cqlsh']));
  });
});
