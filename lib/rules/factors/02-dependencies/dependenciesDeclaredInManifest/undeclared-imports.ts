import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import type { RepoEvidence } from "@/lib/rules/types";
import type { Ecosystem, ServiceFacts } from "@/lib/facts/types";

const NODE_BUILTINS = new Set(
  (
    "assert buffer child_process cluster console constants crypto dgram dns domain events fs http http2 https " +
    "inspector module net os path perf_hooks process punycode querystring readline repl stream string_decoder " +
    "sys timers tls trace_events tty url util v8 vm wasi worker_threads zlib test"
  ).split(" "),
);
const PYTHON_STDLIB = new Set(
  (
    "__future__ abc argparse array ast asyncio atexit base64 binascii bisect builtins calendar codecs collections " +
    "concurrent configparser contextlib contextvars copy csv ctypes dataclasses datetime decimal difflib email enum " +
    "errno fnmatch fractions functools gc getpass gettext glob gzip hashlib heapq hmac html http importlib inspect io " +
    "ipaddress itertools json locale logging math mimetypes multiprocessing operator os pathlib pickle platform " +
    "pprint queue random re sched secrets select selectors shelve shlex shutil signal smtplib socket socketserver " +
    "sqlite3 ssl stat statistics string struct subprocess sys tarfile tempfile textwrap threading time timeit " +
    "tomllib traceback types typing unicodedata unittest urllib uuid warnings weakref wsgiref xml zipfile zlib zoneinfo"
  ).split(" "),
);

const JS_IMPORT = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)["']([^"'./~#@][^"']*|@[^"'/]+\/[^"']+)["']/;
const PY_IMPORT = /^\s*(?:from\s+([A-Za-z_]\w*)[\w.]*\s+import\b|import\s+([A-Za-z_]\w*))/;
const GO_IMPORT = /^\s*(?:import\s+)?(?:[\w.]+\s+)?"([a-z0-9-]+(?:\.[a-z0-9-]+)+\/[^"]+)"\s*\)?\s*$/;

/**
 * Third-party imports in a language for which the service has no manifest at all (a monorepo may declare
 * dependencies in a shared manifest, so an import missing from an existing manifest is not judged here).
 */
export function findUndeclaredImports(facts: ServiceFacts): RepoEvidence[] {
  const has = (...ecosystems: Ecosystem[]) => facts.dependencyManifests.some((m) => ecosystems.includes(m.ecosystem));
  const found: RepoEvidence[] = [];
  if (!has("npm")) {
    const matches = findLineMatches({ facts, patterns: { javascript: JS_IMPORT, typescript: JS_IMPORT } });
    found.push(...matches.filter((m) => !isNodeBuiltin(m.match[1] ?? "")).map((m) => matchEvidence(m)));
  }
  if (!has("pip", "poetry")) {
    const local = localPythonModules(facts);
    const matches = findLineMatches({ facts, patterns: { python: PY_IMPORT } });
    found.push(
      ...matches
        .filter((m) => {
          const mod = m.match[1] ?? m.match[2] ?? "";
          return !PYTHON_STDLIB.has(mod) && !local.has(mod);
        })
        .map((m) => matchEvidence(m)),
    );
  }
  if (!has("go")) found.push(...findLineMatches({ facts, patterns: { go: GO_IMPORT } }).map((m) => matchEvidence(m)));
  return found;
}

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith("node:") || spec.startsWith("bun:") || NODE_BUILTINS.has(spec.split("/")[0] ?? "");
}

/** Modules the service defines itself (`config.py`, `app/`), which `import config` refers to. */
function localPythonModules(facts: ServiceFacts): Set<string> {
  const names = new Set<string>();
  for (const path of facts.files) {
    for (const part of path.split("/")) names.add(part.replace(/\.py$/, ""));
  }
  return names;
}
