/** Commands that migrate, seed or otherwise administer the database. */
export const ADMIN_COMMAND = new RegExp(
  [
    String.raw`\bmigrat(e|ions?)\b`,
    String.raw`\balembic\s+upgrade\b`,
    String.raw`\b(flyway|liquibase)\b`,
    String.raw`\bdb:(migrate|seed|setup|prepare)\b`,
    String.raw`\bmanage\.py\s+(migrate|loaddata|createsuperuser|collectstatic)\b`,
    String.raw`\b(prisma\s+migrate|prisma\s+db\s+push|typeorm\s+migration:run|knex\s+migrate|sequelize\s+db:migrate|goose\s+up|dbmate\s+up)\b`,
    String.raw`\bseed(s|er)?\b`,
  ].join("|"),
  "i",
);

// Seeding fixtures and creating databases or tables from the serving process, in any language.
const SEED_OR_DDL = String.raw`\b(load|seed|insert)Fixtures\(|["'\x60]\s*(IF\s+NOT\s+EXISTS\s*\(.*\)\s*)?CREATE\s+(DATABASE|SCHEMA|TABLE)\b`;
const JS =
  /\bsequelize\.sync\(|\.migrate\.latest\(|\brunMigrations\(|\bmigrator\.up\(|\bumzug\.up\(|\bmigrationsRun\s*:\s*true|\bsynchronize\s*:\s*true/;
const JVM = /\bflyway\.migrate\(|\bFlyway\.configure\(|\bliquibase\.update\(/;
const withSeeds = (re: RegExp) => new RegExp(`${re.source}|${SEED_OR_DDL}`);
/** In-code migrations: schema changes and seeds applied by the process that serves traffic. */
export const MIGRATE_IN_CODE = {
  javascript: withSeeds(JS),
  typescript: withSeeds(JS),
  python: withSeeds(/\b(db|Base\.metadata)\.create_all\(|\bcommand\.upgrade\(|\bcall_command\(\s*["']migrate["']/),
  go: withSeeds(/\.AutoMigrate\(|\bgoose\.Up\(|\bmigrate\.New(WithDatabaseInstance|WithSourceInstance)?\(|\bm\.Up\(\)/),
  java: withSeeds(JVM),
  kotlin: withSeeds(JVM),
  // EF Core: Database.Migrate/EnsureCreated, a MigrateDB() extension, the DbInitializer.Initialize(context) seed of
  // Microsoft's tutorials, and AddMigration<TContext>() hosted services that migrate and seed at start.
  csharp: withSeeds(
    /\.Database\.(Migrate|MigrateAsync|EnsureCreated|EnsureCreatedAsync)\(|\.MigrateDB(Async)?\(|\bDbInitializer\.Initialize\(|\bAddMigration<\w+/i,
  ),
  ruby: withSeeds(/\bActiveRecord::(Migrator|MigrationContext|Tasks::DatabaseTasks\.migrate)\b/),
};

/** Libraries Spring Boot runs at application start-up when they are on the classpath (unless disabled). */
export const STARTUP_MIGRATION_PACKAGES = /^(org\.flywaydb:flyway-core|org\.liquibase:liquibase-core)$/;
/** Spring config turning them off: `spring.flyway.enabled: false`. */
export const STARTUP_MIGRATION_DISABLED = /\b(flyway|liquibase)\.enabled\s*[=:]\s*false\b/;

/** Where one-off admin code conventionally lives: migrations, management commands, admin entrypoints. */
export const ADMIN_PATH =
  /(^|\/)(migrations?|db\/migrate|alembic|management\/commands)\/|(^|\/)cmd\/(migrate|seed|admin|backfill)[\w-]*\/|(^|\/)manage\.py$|(^|\/)(scripts?|bin)\/(migrate|seed|backfill)[\w.-]*$/;

/** A file that is itself a one-off admin entrypoint (`src/migrate.ts`, `seed.py`), run by a Job or a script. */
export const ADMIN_FILE = /(^|\/)(migrate|migrations?|seeds?|seeder|db[-_]?(migrate|seed|init|setup)|init[-_]?db|setup[-_]?db)\.\w+$/i;

/** Command-line scripts beside the service (`scripts/create-db.ts`, `tools/`, Kubernetes-style `hack/`): run by hand. */
export const COMMAND_LINE_SCRIPT = /(^|\/)(scripts?|tools|hack)\//;
