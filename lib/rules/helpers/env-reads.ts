import { findLineMatches, patternFor, type LanguagePatterns, type LineMatch } from "@/lib/rules/helpers/find-line-matches";
import type { Language, ServiceFacts } from "@/lib/facts/types";

const JS = /process\.env\b|import\.meta\.env\b|Deno\.env\.get\(|Bun\.env\b/;

/** Reading an environment variable, per language (framework binders such as Spring's @Value included). */
export const ENV_READ: LanguagePatterns = {
  javascript: JS,
  typescript: JS,
  python: /os\.environ\b|os\.getenv\(|environ\.get\(|\benv\(\s*["']|BaseSettings\b|config\(\s*["'][A-Z_]+["']/,
  go: /os\.(Getenv|LookupEnv|Environ)\(|envconfig\.Process\(|env\.Parse\(|viper\.AutomaticEnv\(/,
  java: /@SpringBootApplication\b|System\.getenv\(|@Value\(\s*"\$\{|@ConfigurationProperties\b|environment\.getProperty\(/,
  kotlin: /@SpringBootApplication\b|System\.getenv\(|@Value\(\s*"\\?\$\{|@ConfigurationProperties\b/,
  csharp:
    /Environment\.GetEnvironmentVariable\(|AddEnvironmentVariables\(|WebApplication\.CreateBuilder\(|Host\.CreateDefaultBuilder\(|Configuration\[|GetConnectionString\(/,
  ruby: /ENV\[|ENV\.fetch\(/,
  rust: /std::env::var|env::var\(/,
  php: /getenv\(|\$_ENV\[|\benv\(/,
  shell: /\$\{?[A-Z_][A-Z0-9_]*/,
};

/** An environment read of the variable PORT (or a settings field named port bound from the environment). */
export const PORT_ENV_READ = /\bPORT\b|getenv\(\s*["']\w*PORT["']|\[\s*["']\w*PORT["']\s*\]/;

/** Lines of the service's code that read its port from the environment (`os.Getenv("PORT")`, `process.env.PORT`). */
export function findPortEnvReads(facts: ServiceFacts, limit = 3): LineMatch[] {
  return findLineMatches({ facts, patterns: PORT_ENV_READ, limit: limit * 4 })
    .filter((m) => readsEnv(m.file.language, m.code))
    .slice(0, limit);
}

/** This code, in this language, reads the environment. */
export function readsEnv(language: Language | null, code: string): boolean {
  return patternFor(ENV_READ, language)?.test(code) ?? false;
}
