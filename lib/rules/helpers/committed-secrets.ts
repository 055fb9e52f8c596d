import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { codeLines } from "@/lib/rules/helpers/code-lines";
import { composeServiceAt, deploysService } from "@/lib/rules/helpers/compose-services";
import type { SecretCandidate, ServiceFacts, TextFile } from "@/lib/facts/types";

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

// Load tests (Locust, k6, Gatling) sign in as the demo accounts of the application they drive: test data.
const LOAD_TEST = /^\s*(from\s+locust\s+import|import\s+locust\b)|from\s+["']k6(\/[\w/]*)?["']|^\s*import\s+io\.gatling\./m;
// An object holding a password beside an end user's identity and nothing that locates a server is a user record
// (seed data, a demo login): the application's data, not a credential of the service.
const IDENTITY_KEY = /^(e-?mail|login|user_?name|username|name|user)$/i;
const CONNECTION_KEY = /^(host|hostname|port|database|db|url|uri|server|dsn|driver|endpoint|address)$/i;
const OBJECT_KEY = /["']?([A-Za-z_][\w-]*)["']?\s*(?::(?!:)|=>|=(?![=>]))/g;

// What Dozen's context rules find (a value assigned to a secret name, passed to a credential call, inside a
// connection string), as opposed to secretlint's provider tokens and private keys.
const CONTEXT_KINDS = /-(assignment|argument)$|^connection-string-credentials$/;

// API keys and tokens of real providers are long (16+ characters, so the collector keeps a 4-character prefix);
// a fully masked key or token (`api_key="EMPTY"`, `"sk-dummy"`, `${OPENAI_API_KEY:demo}`) is a stand-in.
const KEY_KINDS = new Set(["key-assignment", "token-assignment"]);

/**
 * The collector's secret candidates that are committed secrets: outside tests, load tests, docs and vendored
 * assets, not a placeholder, a comparison, a user record or a compose default for a local container, and in a
 * compose file only those set on the compose service that runs this service (not on the broker beside it).
 * noSecretsInImage asks too.
 */
export function committedSecrets(facts: ServiceFacts): SecretCandidate[] {
  const composeFiles = new Map(facts.compose.map((c) => [c.path, c]));
  const files = new Map(facts.textFiles.map((f) => [f.path, f]));
  return facts.secretCandidates.filter((s) => {
    const path = pathInService(facts.service.path, s.path);
    if (isIgnoredPath(path) || VENDORED_ASSET.test(path) || TEST_DOUBLE.test(path)) return false;
    if (s.preview.length > 4 && PLACEHOLDER_PREVIEW.test(s.preview)) return false;
    if (KEY_KINDS.has(s.kind) && s.preview === "****") return false;
    if (s.name && isNameMarker(s.name, s.preview)) return false;
    const file = files.get(s.path);
    const line = file?.lines[s.line - 1] ?? "";
    if (NOT_A_VALUE.test(line) || file?.generated) return false;
    if (file?.language) {
      if (isLoadTest(file) || (/^password-/.test(s.kind) && isUserRecord(file, s.line, s.name))) return false;
      // `// e.g. password = "…"` documents; a provider token or a private key in a comment is leaked all the same.
      if (CONTEXT_KINDS.test(s.kind) && inComment(file, s)) return false;
    }
    const compose = composeFiles.get(s.path);
    if (!compose) return true;
    const owner = composeServiceAt(compose, s.line);
    return !DEFAULTED_REFERENCE.test(line) && (!owner || deploysService(facts, compose, owner));
  });
}

function inComment(file: TextFile, s: SecretCandidate): boolean {
  const at = (file.lines[s.line - 1] ?? "").indexOf(s.preview);
  return at >= 0 && (codeLines(file)[s.line - 1] ?? "").slice(at, at + s.preview.length).trim() === "";
}

const loadTests = new WeakMap<TextFile, boolean>();

function isLoadTest(file: TextFile): boolean {
  let known = loadTests.get(file);
  if (known === undefined) loadTests.set(file, (known = LOAD_TEST.test(file.lines.slice(0, 60).join("\n"))));
  return known;
}

/** The object literal around the password on `line` (a few lines either way) names an end user and no server. */
function isUserRecord(file: TextFile, line: number, name: string | null): boolean {
  const from = Math.max(0, line - 8);
  const before = file.lines.slice(from, line - 1).join("\n");
  const at = file.lines[line - 1] ?? "";
  const after = file.lines.slice(line, line + 7).join("\n");
  const text = `${before}\n${at}\n${after}`;
  const key = name ? at.indexOf(name.split(".").at(-1) ?? name) : -1;
  const pos = before.length + 1 + (key >= 0 ? key : at.search(/\S|$/));
  let open = -1;
  for (let i = pos, depth = 0; i >= 0; i--) {
    if (text[i] === "}") depth++;
    else if (text[i] === "{" && depth-- === 0) {
      open = i;
      break;
    }
  }
  if (open === -1) return false;
  let close = text.length;
  for (let i = open + 1, depth = 0; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && depth-- === 0) {
      close = i;
      break;
    }
  }
  const keys = [...text.slice(open + 1, close).matchAll(OBJECT_KEY)].map((m) => m[1] ?? "");
  return keys.some((k) => IDENTITY_KEY.test(k)) && !keys.some((k) => CONNECTION_KEY.test(k));
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
