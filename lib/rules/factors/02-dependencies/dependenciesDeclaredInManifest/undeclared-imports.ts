import { findImports, importEvidence } from "@/lib/rules/helpers/imports";
import { serverSourceFiles } from "@/lib/rules/helpers/code-lines";
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

// Modules a runtime provides itself: k6 scripts import `k6/http`, Deno and Bun their own schemes.
const RUNTIME_MODULES = /^(k6(\/|$)|node:|bun:|jsr:|npm:|cloudflare:)/;
const GO_THIRD_PARTY = /^[a-z0-9-]+(\.[a-z0-9-]+)+\//;

/**
 * Third-party imports in a language for which the service has no manifest at all (a monorepo may declare
 * dependencies in a shared manifest, so an import missing from an existing manifest is not judged here). Only
 * code the service runs is read: browser assets are bundled by their own toolchain from their own manifest.
 */
export function findUndeclaredImports(facts: ServiceFacts): RepoEvidence[] {
  const has = (...ecosystems: Ecosystem[]) => facts.dependencyManifests.some((m) => ecosystems.includes(m.ecosystem));
  const imports = findImports(serverSourceFiles(facts));
  const found: RepoEvidence[] = [];
  if (!has("npm")) {
    found.push(
      ...imports
        .filter((i) => (i.file.language === "javascript" || i.file.language === "typescript") && isPackage(i.module))
        .filter((i) => !isNodeBuiltin(i.module) && !RUNTIME_MODULES.test(i.module))
        .map(importEvidence),
    );
  }
  if (!has("pip", "poetry")) {
    const local = localPythonModules(facts);
    found.push(
      ...imports
        .filter((i) => i.file.language === "python" && !i.module.startsWith("."))
        .filter((i) => {
          const top = i.module.split(".")[0] ?? "";
          return !PYTHON_STDLIB.has(top) && !local.has(top);
        })
        .map(importEvidence),
    );
  }
  if (!has("go")) found.push(...imports.filter((i) => i.file.language === "go" && GO_THIRD_PARTY.test(i.module)).map(importEvidence));
  return found;
}

/** A bare package specifier, not a relative or aliased path (`./db`, `~/x`, `#internal`, `@/lib`). */
function isPackage(spec: string): boolean {
  return /^([^./~#@]|@[^/]+\/)/.test(spec) && !spec.startsWith("@/");
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
