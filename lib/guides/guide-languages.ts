import type { Language } from "@/lib/facts/types";

// What a guide knows about languages, as data: how a language section is labelled, where a language without a
// section of its own looks next, and the names `dozen explain --lang` accepts. A new language is a row here
// plus `<!-- lang: <id> -->` sections in the guides (README "Guides in the service's language").

/** How a language is named above its section when a guide shows every language (`dozen explain`, SARIF help). */
export const GUIDE_LANGUAGE_LABEL: Readonly<Record<Language, string>> = {
  go: "Go",
  java: "Java",
  kotlin: "Kotlin",
  python: "Python",
  javascript: "JavaScript",
  typescript: "TypeScript",
  csharp: "C#",
  ruby: "Ruby",
  rust: "Rust",
  php: "PHP",
  shell: "Shell",
};

/** Where a language with no section of its own looks next: TypeScript reads a JavaScript example, Kotlin a Java one. */
export const GUIDE_LANGUAGE_FALLBACK: Readonly<Partial<Record<Language, readonly Language[]>>> = {
  typescript: ["javascript"],
  javascript: ["typescript"],
  kotlin: ["java"],
};

/** Names `dozen explain --lang` takes besides the language ids themselves. */
export const GUIDE_LANGUAGE_ALIAS: Readonly<Record<string, Language>> = {
  js: "javascript",
  node: "javascript",
  nodejs: "javascript",
  ts: "typescript",
  py: "python",
  golang: "go",
  spring: "java",
  kt: "kotlin",
  "c#": "csharp",
  cs: "csharp",
  dotnet: "csharp",
  ".net": "csharp",
  rb: "ruby",
  rs: "rust",
  sh: "shell",
  bash: "shell",
};

/** A language id or alias (any case) as a Language; undefined for a name Dozen does not know. */
export function toGuideLanguage(name: string): Language | undefined {
  const lower = name.trim().toLowerCase();
  if (Object.hasOwn(GUIDE_LANGUAGE_LABEL, lower)) return lower as Language;
  return Object.hasOwn(GUIDE_LANGUAGE_ALIAS, lower) ? GUIDE_LANGUAGE_ALIAS[lower] : undefined;
}
