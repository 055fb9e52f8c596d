import { codeLines, productionFiles } from "@/lib/rules/helpers/code-lines";
import { containers, objects, podSpec } from "@/lib/rules/helpers/manifests";
import { perFacts } from "@/lib/rules/helpers/per-facts";

/** Backing-service kinds, each recognised by client library names, URL schemes and image names. */
export const BACKING_KINDS = {
  postgres: /postgres|psycopg|\bpg\b|\bnpgsql|\bpgx\b|jackc\/pgx|lib\/pq/i,
  mysql: /mysql|mariadb|pymysql|go-sql-driver/i,
  sqlserver: /sqlserver|mssql|SqlClient|tedious/i,
  mongodb: /mongo/i,
  redis: /redis|ioredis|valkey/i,
  rabbitmq: /amqp|rabbitmq|pika\b|bunny\b/i,
  kafka: /kafka|kafkajs|sarama|confluent/i,
  sqlite: /sqlite|jdbc:h2|\bh2database|hsqldb|UseInMemoryDatabase|:memory:/i,
  memcached: /memcache/i,
  elasticsearch: /elasticsearch|opensearch/i,
  dynamodb: /dynamodb/i,
} as const;

export type BackingKind = keyof typeof BACKING_KINDS;

/** The backing-service kind an image runs (`redis:7.2`, `bitnami/postgresql:16`), judged on its repository name. */
export function backingKindOfImage(image: string): BackingKind | null {
  const withoutDigest = image.split("@")[0] ?? image;
  const repository = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1).replace(/:[^:]*$/, "");
  for (const [kind, pattern] of KINDS) if (kind !== "sqlite" && pattern.test(repository)) return kind;
  return null;
}

// Kinds that stand in for a real server in development or tests.
export const EMBEDDED_KINDS: ReadonlySet<BackingKind> = new Set(["sqlite"]);

// One pass over the text: a line is only tested kind by kind when it mentions some backing service at all.
const ANY_KIND = new RegExp(
  Object.values(BACKING_KINDS)
    .map((re) => re.source)
    .join("|"),
  "i",
);
const KINDS = Object.entries(BACKING_KINDS) as [BackingKind, RegExp][];

/**
 * The kinds of backing service a service talks to, judged from declared dependencies, compose and manifest
 * images, and production code/config text. Memoised per snapshot: several rules ask.
 */
export const backingKinds = perFacts((facts): ReadonlySet<BackingKind> => {
  const kinds = new Set<BackingKind>();
  const note = (text: string) => {
    if (!ANY_KIND.test(text)) return;
    for (const [kind, pattern] of KINDS) if (pattern.test(text)) kinds.add(kind);
  };
  for (const m of facts.dependencyManifests) for (const d of m.dependencies) note(d.name);
  for (const c of facts.compose) for (const s of c.services) note(s.image ?? "");
  for (const m of facts.manifests) for (const c of [...containers(m), ...objects(podSpec(m)?.initContainers)]) note(String(c.image ?? ""));
  for (const file of productionFiles(facts)) for (const line of codeLines(file)) note(line);
  return kinds;
});
