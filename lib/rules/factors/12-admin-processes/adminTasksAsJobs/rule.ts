import { codeLines, productionFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { findLineMatches, lineEvidence, matchEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { manifestEvidence, ONE_OFF_KINDS } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import { startCommands } from "@/lib/rules/helpers/start-commands";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { findDependencies } from "@/lib/rules/helpers/dependencies";
import {
  ADMIN_COMMAND,
  ADMIN_FILE,
  ADMIN_PATH,
  COMMAND_LINE_SCRIPT,
  MIGRATE_IN_CODE,
  STARTUP_MIGRATION_DISABLED,
  STARTUP_MIGRATION_PACKAGES,
} from "./patterns";
import { APPLICATIONS } from "@/lib/rules/helpers/kinds";

export const rule: RepositoryCheck = {
  id: "adminTasksAsJobs",
  version: 3,
  factor: "admin-processes",
  title: "Migrations and admin tasks run as one-off processes, not at start-up",
  rationale:
    "Admin tasks (migrations, seeds, backfills) run once per release as a one-off process with the same code and " +
    "config. Run at every start, they race between replicas, slow every restart and block scaling on the database.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 5,
  kinds: APPLICATIONS,
  evaluate(facts) {
    const atStartup = [...startupCommands(facts), ...migrationsInServiceCode(facts), ...migrationsOnClasspath(facts)];
    if (atStartup.length > 0) {
      return fail(`Admin tasks run when the service starts (${plural(atStartup.length, "place")}).`, atStartup);
    }
    const oneOffs = oneOffDefinitions(facts);
    if (oneOffs.length === 0) return notApplicable("No migrations or admin tasks found.");
    return pass("Admin tasks are defined as one-off processes.", oneOffs);
  },
};

function startupCommands(facts: ServiceFacts): RepoEvidence[] {
  return startCommands(facts)
    .filter((c) => ADMIN_COMMAND.test(c.command))
    .map((c) => c.evidence);
}

/**
 * Migration, seed and schema-creation calls in the long-running service's own code (start-up or first use): they
 * run on every boot of every replica. Code in admin paths (cmd/migrate, management commands, migrations/) and
 * admin entrypoint files (`src/migrate.ts`) is a one-off and not counted, and neither is a command-line script
 * (`scripts/`, `tools/`, `hack/`): it runs when someone runs it, not when the service boots.
 */
function migrationsInServiceCode(facts: ServiceFacts): RepoEvidence[] {
  const files = sourceFiles(facts).filter((f) => {
    const inService = pathInService(facts.service.path, f.path);
    return !ADMIN_PATH.test(inService) && !ADMIN_FILE.test(inService) && !COMMAND_LINE_SCRIPT.test(inService);
  });
  return findLineMatches({ facts, patterns: MIGRATE_IN_CODE, files, limit: 5 }).map((m) => matchEvidence(m));
}

/** Flyway or Liquibase on a Spring Boot classpath: they migrate at application start-up unless switched off. */
function migrationsOnClasspath(facts: ServiceFacts): RepoEvidence[] {
  const found = findDependencies(facts, STARTUP_MIGRATION_PACKAGES);
  if (found.length === 0) return [];
  const config = productionFiles(facts).filter((f) => f.language === null);
  if (findLineMatches({ facts, patterns: { default: STARTUP_MIGRATION_DISABLED }, files: config, limit: 1 }).length > 0) return [];
  return found.slice(0, 1).map((d) => d.evidence);
}

/** Jobs, release processes, migration folders and admin entrypoints: evidence that tasks are one-offs. */
function oneOffDefinitions(facts: ServiceFacts): RepoEvidence[] {
  const found: RepoEvidence[] = facts.manifests
    .filter((m) => ONE_OFF_KINDS.has(m.kind))
    .map((m) => manifestEvidence(facts, m, /^\s*kind:/));
  for (const procfile of facts.procfiles) {
    for (const p of procfile.processes.filter((p) => p.name === "release" || ADMIN_COMMAND.test(p.command))) {
      found.push(pathEvidence({ facts, path: procfile.path, line: p.line, snippet: `${p.name}: ${p.command}` }));
    }
  }
  const adminFiles = facts.files.filter((p) => {
    const inService = pathInService(facts.service.path, p);
    return !isIgnoredPath(inService) && ADMIN_PATH.test(inService);
  });
  for (const path of adminFiles.slice(0, 3)) found.push(pathEvidence({ facts, path }));
  for (const file of facts.textFiles.filter((f) => /(^|\/)package\.json$/.test(f.path))) {
    const i = codeLines(file).findIndex((l) => /^\s*"(migrate|db:migrate|seed|db:seed)[\w:-]*"\s*:/.test(l));
    if (i !== -1) found.push(lineEvidence({ file, lineStart: i + 1 }));
  }
  return found;
}
