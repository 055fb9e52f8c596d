import dockerfile from "highlight.js/lib/languages/dockerfile";
import properties from "highlight.js/lib/languages/properties";
import { common, createLowlight } from "lowlight";

/**
 * The languages guides and evidence are highlighted in: lowlight's common set plus Dockerfiles, which most
 * guides show, and Java properties files, where Spring Boot's examples live.
 */
export const CODE_LANGUAGES = { ...common, dockerfile, properties };

/** One highlighter for the process: registering grammars is the costly part, highlighting is cheap. */
export const lowlight = createLowlight(CODE_LANGUAGES);

const BY_EXTENSION: Record<string, string> = {
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "typescript",
  tsx: "typescript",
  mts: "typescript",
  py: "python",
  go: "go",
  rb: "ruby",
  java: "java",
  kt: "kotlin",
  cs: "csharp",
  rs: "rust",
  php: "php",
  sh: "bash",
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  toml: "ini",
  properties: "properties",
  ini: "ini",
  xml: "xml",
  csproj: "xml",
  gradle: "kotlin",
};

/**
 * The highlight language of a file an evidence snippet came from, by name (Dockerfile, Makefile) or
 * extension; null when unknown or plain text (.env files, Procfiles), which stay unhighlighted.
 */
export function languageOfPath(path: string): string | null {
  const name = path.split("/").pop()?.toLowerCase() ?? "";
  if (name === "dockerfile" || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")) return "dockerfile";
  if (name === "makefile") return "makefile";
  const ext = name.includes(".") ? (name.split(".").pop() ?? "") : "";
  const lang = BY_EXTENSION[ext];
  return lang && lowlight.registered(lang) ? lang : null;
}
