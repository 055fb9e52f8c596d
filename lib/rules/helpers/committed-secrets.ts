import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import type { SecretCandidate, ServiceFacts } from "@/lib/facts/types";

// Which of the collector's secret candidates are committed secrets: shared by noHardcodedSecrets,
// noSecretsInImage and backingServiceCredentialsFromSecrets, so the three agree on what a secret is.

// `POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-dev}` in docker-compose: a throwaway default for a local container
// that every real deploy overrides. The same literal anywhere else still counts.
const DEFAULTED_REFERENCE = /\$\{[A-Za-z_]\w*:?-[^}]*\}/;

// Third-party code shipped as files: front-end libraries copied under a static folder, minified bundles.
const VENDORED_ASSET = /(^|\/)(wwwroot|static|public|assets|webroot)\/(lib|libs|vendor|vendors|bower_components)\/|\.min\.(js|css)$/i;
// Test doubles that sit beside production code (`MockShippingService.ts`, `mocks/`): their values are made up.
const TEST_DOUBLE = /(^|\/)(mocks?|fakes?|stubs?|__mocks__)\/|(^|\/)(Mock|Fake|Stub)[A-Z][\w-]*\.\w+$/;
// What the kept 4 characters of a long value say is a placeholder: `yourStrong(!)Password`, `example-key-...`.
const PLACEHOLDER_PREVIEW = /^(your|exam|samp|dumm|fake|chan|repl|insert)/i;
// The literal is not assigned but compared (`typeof token === 'string'`), or it is only the key of a string built
// around a variable (`";Password=" +` on its own line: the redaction ends the line after the quote). Either way
// no secret value is in the repository.
const NOT_A_VALUE = /[=!]==?\s*["'`]\*{4}|\*{4}["'`]?\s*\+|=["'`]\*{4}\s*$/;

// API keys and tokens of real providers are long (16+ characters, so the collector keeps a 4-character prefix);
// a fully masked key or token (`api_key="EMPTY"`, `"sk-dummy"`, `${OPENAI_API_KEY:demo}`) is a stand-in.
const KEY_KINDS = new Set(["key-assignment", "token-assignment"]);

/**
 * The collector's secret candidates that are committed secrets: outside tests, docs and vendored assets, not a
 * placeholder, a comparison or a compose default for a local container. noSecretsInImage asks too.
 */
export function committedSecrets(facts: ServiceFacts): SecretCandidate[] {
  const composeFiles = new Set(facts.compose.map((c) => c.path));
  return facts.secretCandidates.filter((s) => {
    const path = pathInService(facts.service.path, s.path);
    if (isIgnoredPath(path) || VENDORED_ASSET.test(path) || TEST_DOUBLE.test(path)) return false;
    if (s.preview.length > 4 && PLACEHOLDER_PREVIEW.test(s.preview)) return false;
    if (KEY_KINDS.has(s.kind) && s.preview === "****") return false;
    if (s.name && isNameMarker(s.name, s.preview)) return false;
    const line = lineOf(facts, s);
    if (NOT_A_VALUE.test(line)) return false;
    return !(composeFiles.has(s.path) && DEFAULTED_REFERENCE.test(line));
  });
}

function lineOf(facts: ServiceFacts, s: SecretCandidate): string {
  return facts.textFiles.find((f) => f.path === s.path)?.lines[s.line - 1] ?? "";
}

/**
 * `GOOGLE_API_KEY: GOOGLE_API_KEY_VAL`: a marker a setup script replaces, spelled after its variable (also once
 * redacted to `GOOG****`). Real keys start with their provider's prefix (`AIza`, `sk-`), never the variable's name.
 */
export function isNameMarker(name: string, value: string): boolean {
  const shown = value.replace(/\*{4}$/, "");
  if (shown.length < 4 || !/^[A-Z][A-Z0-9_]*$/.test(shown)) return false;
  return value.endsWith("****") ? name.toUpperCase().startsWith(shown) : shown.startsWith(name.toUpperCase());
}
