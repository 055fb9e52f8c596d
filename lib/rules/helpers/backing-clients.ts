import { lineEvidence } from "@/lib/rules/helpers/find-line-matches";
import type { RepoEvidence } from "@/lib/rules/types";
import type { TextFile } from "@/lib/facts/types";

/**
 * Calls that connect to a database, cache or broker, or set the host of one, by language family: knowledge as
 * data. Matched against the callee as the syntax tree gives it (`redis.Redis`, `new MongoClient`,
 * `factory.setHost`); a qualifier before the name is allowed.
 */
const CLIENTS: readonly RegExp[] = [
  // Python
  /(^|\.)(Redis|StrictRedis|MongoClient|AsyncIOMotorClient|ConnectionParameters|BlockingConnection|KafkaProducer|KafkaConsumer|Elasticsearch|Memcache|Client)$/,
  /(^|\.)(psycopg2?|pymysql|mysql\.connector|asyncpg|aiomysql|sqlite3)\.connect$|(^|\.)(create_engine|create_async_engine|create_pool)$/,
  // JavaScript / TypeScript
  /^new (Redis|IORedis|MongoClient|Pool|Client|Kafka|Sequelize|Cluster)$|(^|\.)(createClient|createPool|createConnection|createCluster)$/,
  /^(mongoose|amqp|amqplib|MongoClient|nats|mqtt)\.connect$/,
  // Go
  /^(redis\.NewClient|redis\.NewClusterClient|sql\.Open|sqlx\.(Open|Connect)|amqp\.Dial|nats\.Connect|pgxpool\.New|pgx\.Connect|gorm\.Open|mongo\.Connect|kafka\.NewWriter|kafka\.NewReader|memcache\.New)$/,
  // Java / Kotlin
  /^new (Jedis|JedisPool|MongoClient|ConnectionFactory|CachingConnectionFactory|LettuceConnectionFactory|RedisStandaloneConfiguration|KafkaProducer|Socket)$/,
  /(^|\.)(DriverManager\.getConnection|MongoClients\.create|RedisClient\.create|setHost|setHostName|setAddresses|setUrl|setJdbcUrl|setServerName)$/,
  // C#
  /^(ConnectionMultiplexer\.Connect(Async)?|new (SqlConnection|NpgsqlConnection|MySqlConnection|MongoClient|ConnectionFactory|ConfigurationOptions))$/,
  // Ruby
  /^(Redis\.new|Mongo::Client\.new|PG\.connect|PG::Connection\.new|Bunny\.new|Mysql2::Client\.new|Dalli::Client\.new)$/,
  // PHP
  /^(new (PDO|mysqli|Redis|Predis\\Client|MongoDB\\Client|AMQPStreamConnection))$|->(connect|pconnect)$/,
  // Rust
  /^(redis::Client::open|PgPool::connect|MySqlPool::connect|PgPoolOptions::new|Client::with_uri_str|mongodb::Client::with_uri_str)$/,
];

// Keys naming where the service is (`host="redis"`, `Addr: "redis:6379"`, `HostName = "rabbitmq"`).
const HOST_KEY = /\b(host|hostname|host_name|addr|address|server|endpoint|HostName|Host|Addr|Address|Server)\s*[:=]\s*$/;
// A literal location: IP, localhost, or a host with a port.
const LOCATION = /^(localhost|127\.0\.0\.1|(\d{1,3}\.){3}\d{1,3}|[a-z][\w.-]*:\d{2,5})$/i;
const BARE_HOST = /^[a-z][\w.-]*$/i;

/**
 * Literal locations passed to a backing-service client as the syntax tree shows them: `Redis(host="redis")`,
 * `redis.NewClient(&redis.Options{Addr: "redis:6379"})`, `factory.setHost("rabbitmq")`, `new Jedis("cache", 6379)`.
 * A bare name counts only where it is the value of a host key or of a host setter; a literal inside an
 * environment read (`os.getenv("REDIS_HOST", "redis")`) belongs to that read, not to the client. Pure.
 */
export function findLiteralClientLocations(files: readonly TextFile[]): RepoEvidence[] {
  const out: RepoEvidence[] = [];
  for (const file of files) {
    for (const s of file.syntax?.strings ?? []) {
      if (!s.call || !CLIENTS.some((re) => re.test(s.call!))) continue;
      if (
        LOCATION.test(s.value) ||
        (BARE_HOST.test(s.value) && (isHostValue(file, s.line, s.value) || /(^|\.)set(Host|HostName|ServerName)$/.test(s.call)))
      )
        out.push(lineEvidence({ file, lineStart: s.line }));
    }
  }
  return [...new Map(out.map((e) => [`${e.path}:${e.lineStart}`, e])).values()];
}

/** The literal is written as the value of a host key on its line (`host="redis"`). */
function isHostValue(file: TextFile, line: number, value: string): boolean {
  const text = file.lines[line - 1] ?? "";
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    const before = text.slice(0, at).replace(/["'`@$]+$/, "");
    if (HOST_KEY.test(before)) return true;
  }
  return false;
}
