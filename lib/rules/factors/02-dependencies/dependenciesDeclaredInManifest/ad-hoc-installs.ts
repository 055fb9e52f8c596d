// Installing the package manager itself (or the project from its own manifest) is not an undeclared dependency.
const TOOLING = new Set([
  "pip",
  "setuptools",
  "wheel",
  "poetry",
  "pipenv",
  "uv",
  "virtualenv",
  "npm",
  "pnpm",
  "yarn",
  "corepack",
  "bundler",
]);
const INSTALLERS =
  /^(?:(?:python3?\s+-m\s+)?pip3?\s+install|npm\s+(?:install|i|add)|yarn\s+(?:global\s+)?add|pnpm\s+(?:add|install|i)|gem\s+install|go\s+(?:get|install)|composer\s+require)\b(.*)$/;
// Flags that consume the next token (`-r requirements.txt`), so that token is not a package either.
const FLAG_WITH_VALUE = /^(-r|-c|-e|-i|--requirement|--constraint|--editable|--index-url|--extra-index-url|--target|--prefix|-t)$/;

/**
 * Package names a shell command installs that do not come from a manifest: `pip install flask gunicorn`
 * yields both, `pip install -r requirements.txt` and `npm ci` yield none.
 */
export function adHocPackages(command: string): string[] {
  const packages: string[] = [];
  for (const segment of command.split(/&&|\|\||;/)) {
    const match = INSTALLERS.exec(segment.trim());
    if (!match) continue;
    const tokens = (match[1] ?? "").trim().split(/\s+/).filter(Boolean);
    if (tokens.some((t) => /^(-r|--requirement)$/.test(t))) continue;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] ?? "";
      if (FLAG_WITH_VALUE.test(token)) {
        i += 1;
        continue;
      }
      if (token.startsWith("-") || token.startsWith(".") || token.startsWith("/") || token.endsWith(".whl")) continue;
      const name = token.replace(/^["']|["']$/g, "").split(/[=<>@~!]/)[0] ?? "";
      if (name && !TOOLING.has(name.toLowerCase())) packages.push(name);
    }
  }
  return packages;
}
