import { findDependencies } from "@/lib/rules/helpers/dependencies";
import { findLineMatches } from "@/lib/rules/helpers/find-line-matches";
import { productionFiles } from "@/lib/rules/helpers/code-lines";
import type { ServiceFacts } from "@/lib/rules/types";

/** Backing-service kinds, each recognised by client library names, URL schemes and image names. */
export const BACKING_KINDS = {
  postgres: /postgres|psycopg|\bpg\b|\bnpgsql|\bpgx\b|jackc\/pgx|lib\/pq/i,
  mysql: /mysql|mariadb|pymysql|go-sql-driver/i,
  sqlserver: /sqlserver|mssql|SqlClient|tedious/i,
  mongodb: /mongo/i,
  redis: /redis|ioredis|valkey/i,
  rabbitmq: /amqp|rabbitmq|pika\b|bunny\b/i,
  kafka: /kafka|kafkajs|sarama|confluent/i,
  sqlite: /sqlite|jdbc:h2|\bh2database|UseInMemoryDatabase|:memory:/i,
  memcached: /memcache/i,
  elasticsearch: /elasticsearch|opensearch/i,
} as const;

export type BackingKind = keyof typeof BACKING_KINDS;

// Kinds that stand in for a real server in development or tests.
export const EMBEDDED_KINDS: ReadonlySet<BackingKind> = new Set(["sqlite"]);

/**
 * The kinds of backing service a service talks to, judged from declared dependencies, compose and manifest
 * images, and production code/config text. Memoised per snapshot: several rules ask.
 */
export function backingKinds(facts: ServiceFacts): Set<BackingKind> {
  const cached = memo.get(facts);
  if (cached) return cached;
  const kinds = new Set<BackingKind>();
  const images = [
    ...facts.compose.flatMap((c) => c.services.map((s) => s.image ?? "")),
    ...facts.manifests.flatMap((m) => JSON.stringify(m.object).match(/"image":"[^"]+"/g) ?? []),
  ].join("\n");
  for (const [kind, pattern] of Object.entries(BACKING_KINDS) as [BackingKind, RegExp][]) {
    if (
      findDependencies(facts, pattern).length > 0 ||
      pattern.test(images) ||
      findLineMatches({ facts, patterns: pattern, files: productionFiles(facts), limit: 1 }).length > 0
    ) {
      kinds.add(kind);
    }
  }
  memo.set(facts, kinds);
  return kinds;
}
const memo = new WeakMap<ServiceFacts, Set<BackingKind>>();
