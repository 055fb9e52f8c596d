import type { Language } from "@/lib/facts/types";

const BY_EXTENSION: Record<string, Language> = {
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "typescript",
  tsx: "typescript",
  mts: "typescript",
  cts: "typescript",
  py: "python",
  pyw: "python",
  go: "go",
  java: "java",
  kt: "kotlin",
  kts: "kotlin",
  cs: "csharp",
  rb: "ruby",
  rake: "ruby",
  rs: "rust",
  php: "php",
  sh: "shell",
  bash: "shell",
  zsh: "shell",
  ksh: "shell",
};

const BY_NAME: Record<string, Language> = { Rakefile: "ruby", Gemfile: "ruby" };

const BY_INTERPRETER: [RegExp, Language][] = [
  [/\b(node|deno|bun)\b/, "javascript"],
  [/\bts-node\b|\btsx\b/, "typescript"],
  [/\bpython[0-9.]*\b/, "python"],
  [/\bruby\b/, "ruby"],
  [/\bphp\b/, "php"],
  [/\b(ba|z|k|da)?sh\b/, "shell"],
];

/**
 * The language of a source file, from its extension or, for an extensionless script, its shebang line.
 * Null for config and data files (.env, YAML, JSON, properties) and for build scripts such as
 * `build.gradle.kts`, which would otherwise make every Gradle project look like Kotlin.
 */
export function detectLanguage(opts: { path: string; firstLine?: string }): Language | null {
  const base = opts.path.slice(opts.path.lastIndexOf("/") + 1);
  if (base.endsWith(".gradle.kts") || base.endsWith(".d.ts")) return null;
  const byName = BY_NAME[base];
  if (byName) return byName;
  const dot = base.lastIndexOf(".");
  if (dot > 0) return BY_EXTENSION[base.slice(dot + 1).toLowerCase()] ?? null;
  const shebang = opts.firstLine?.startsWith("#!") ? opts.firstLine : null;
  if (!shebang) return null;
  return BY_INTERPRETER.find(([re]) => re.test(shebang))?.[1] ?? null;
}
