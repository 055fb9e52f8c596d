import { backingKindOfImage, backingKinds, EMBEDDED_KINDS } from "@/lib/rules/helpers/backing-services";
import { composeImageEvidence } from "@/lib/rules/helpers/compose";
import { imageMajorVersion, imageRepository } from "@/lib/rules/helpers/images";
import { productionFiles } from "@/lib/rules/helpers/code-lines";
import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { containers, objects, podSpec } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts, TextFile } from "@/lib/facts/types";

/**
 * Lightweight stand-ins for a real database, cache or broker: embedded engines (SQLite, H2, HSQLDB), fakes, and
 * an in-memory provider chosen by default in config (`persistence.provider: in-memory`,
 * `process.env.X_PROVIDER || 'in-memory'`).
 */
const SUBSTITUTE = new RegExp(
  [
    String.raw`\bsqlite3?\b|sqlite:\/\/|jdbc:h2:|\bhsqldb\b|jdbc:hsqldb:|\bUseInMemoryDatabase\(|\bUseSqlite\(`,
    String.raw`\bfakeredis\b|\bminiredis\b|\bmongomock\b|mongodb-memory-server|ioredis-mock|\bpg-mem\b|["']:memory:["']|LocMemCache`,
    String.raw`\b(?:provider|persistence|storage|store|backend|messaging|repository)["']?\s*[:=]\s*["']?in-?memory\b`,
    String.raw`\|\|\s*["']in-?memory["']`,
  ].join("|"),
  "i",
);

// Where the parser read a file, a matching line counts only when the syntax tree shows the stand-in being used:
// an import of it, a call to it, or a string literal that is itself a stand-in's address or provider name. So
// prose, log text and a rule's own patterns that mention SQLite are not a use of SQLite.
const SUBSTITUTE_IMPORT = /sqlite|fakeredis|miniredis|mongomock|mongodb-memory-server|ioredis-mock|pg-mem|^org\.h2\b|hsqldb/i;
const SUBSTITUTE_CALL = /(^|\.)(UseInMemoryDatabase|UseSqlite)$|sqlite3?\.|(^|\.)miniredis\.|(^|\.)(FakeRedis|FakeStrictRedis)$/i;
const SUBSTITUTE_STRING = /^(sqlite3?:|jdbc:h2:|jdbc:hsqldb:|file::memory:|:memory:$|in-?memory$)|^[\w.]*\bLocMemCache$/i;
// A bare engine name is a choice only where it is assigned or the fallback (`dialect: "sqlite"`, `|| "sqlite"`), not
// where it is compared with (`kind !== "sqlite"`).
const ENGINE_NAME = /^(sqlite3?|h2|hsqldb)$/i;
const ENGINE_CHOICE =
  /\b(dialect|provider|driver|client|engine|type|adapter|backend|database|store)\w*["']?\s*[:=]\s*["'](sqlite3?|h2|hsqldb)["']|(\|\||\?\?|\bor\b|,)\s*["'](sqlite3?|h2|hsqldb)["']\s*\)?\s*[,;)]?\s*$/i;

function usesSubstitute(file: TextFile, line: number, code: string): boolean {
  const syntax = file.syntax;
  if (!syntax) return true;
  return (
    syntax.imports.some((i) => i.line === line && SUBSTITUTE_IMPORT.test(i.module)) ||
    syntax.calls.some((c) => c.line === line && SUBSTITUTE_CALL.test(c.callee)) ||
    syntax.strings.some(
      (s) => s.line === line && (SUBSTITUTE_STRING.test(s.value.trim()) || (ENGINE_NAME.test(s.value) && ENGINE_CHOICE.test(code))),
    )
  );
}

export const rule: RepositoryCheck = {
  id: "devBackingServicesMatchProd",
  version: 3,
  factor: "dev-prod-parity",
  title: "Development uses the same backing services (and versions) as production",
  rationale:
    "SQLite or an in-memory fake in development, Postgres in production: tiny incompatibilities (types, locking, " +
    "SQL dialect, versions) surface only after deploy. Run the same service, at the same major version, everywhere.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 4,
  evaluate(facts) {
    const kinds = backingKinds(facts);
    if (kinds.size === 0) return notApplicable("No backing service found.");
    const evidence: RepoEvidence[] = [...versionDrift(facts)];
    // A service whose real store is SQLite is consistent; a stand-in next to a server database is not.
    if ([...kinds].some((k) => !EMBEDDED_KINDS.has(k))) {
      const substitutes = findLineMatches({ facts, patterns: SUBSTITUTE, files: productionFiles(facts) });
      evidence.push(...substitutes.filter((m) => usesSubstitute(m.file, m.line, m.code)).map((m) => matchEvidence(m)));
    }
    if (evidence.length > 0) {
      return fail(`Development differs from production's backing services (${plural(evidence.length, "place")}).`, evidence);
    }
    return pass(`Development and production use the same ${[...kinds].join(", ")}.`);
  },
};

/**
 * A backing-service compose image (postgres, redis...) whose major version differs from the same image in the
 * Kubernetes manifests. The service's own image changing version between files is a release, not drift.
 */
function versionDrift(facts: ServiceFacts): RepoEvidence[] {
  const prod = new Map<string, string>();
  for (const m of facts.manifests) {
    for (const c of [...containers(m), ...objects(podSpec(m)?.initContainers)]) {
      if (typeof c.image !== "string" || !backingKindOfImage(c.image)) continue;
      const major = imageMajorVersion(c.image);
      if (major) prod.set(imageRepository(c.image), major);
    }
  }
  const found: RepoEvidence[] = [];
  for (const compose of facts.compose) {
    for (const s of compose.services) {
      if (!s.image) continue;
      const want = prod.get(imageRepository(s.image));
      const have = imageMajorVersion(s.image);
      if (want && have && want !== have) found.push(composeImageEvidence(facts, compose, s));
    }
  }
  return found;
}
