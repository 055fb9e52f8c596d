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

const JS =
  /\bsequelize\.sync\(|\.migrate\.latest\(|\brunMigrations\(|\bmigrator\.up\(|\bumzug\.up\(|\bmigrationsRun\s*:\s*true|\bsynchronize\s*:\s*true/;
const JVM = /\bflyway\.migrate\(|\bFlyway\.configure\(|\bliquibase\.update\(/;
/** In-code migrations: schema changes applied by the process that serves traffic. */
export const MIGRATE_IN_CODE = {
  javascript: JS,
  typescript: JS,
  python: /\b(db|Base\.metadata)\.create_all\(|\bcommand\.upgrade\(|\bcall_command\(\s*["']migrate["']/,
  go: /\.AutoMigrate\(|\bgoose\.Up\(|\bmigrate\.New(WithDatabaseInstance|WithSourceInstance)?\(|\bm\.Up\(\)/,
  java: JVM,
  kotlin: JVM,
  csharp: /\.Database\.(Migrate|MigrateAsync|EnsureCreated|EnsureCreatedAsync)\(/,
  ruby: /\bActiveRecord::(Migrator|MigrationContext|Tasks::DatabaseTasks\.migrate)\b/,
};

/** Where one-off admin code conventionally lives: migrations, management commands, admin entrypoints. */
export const ADMIN_PATH =
  /(^|\/)(migrations?|db\/migrate|alembic|management\/commands)\/|(^|\/)cmd\/(migrate|seed|admin|backfill)[\w-]*\/|(^|\/)manage\.py$|(^|\/)(scripts?|bin)\/(migrate|seed|backfill)[\w.-]*$/;
