import type { LanguagePatterns } from "@/lib/rules/helpers/find-line-matches";
import type { Language } from "@/lib/facts/types";

const JS =
  /\bcreateTerminus\(|\bcloseWithGrace\(|\bcreateHttpTerminator\(|\bcreateLightship\(|\benableShutdownHooks\(|\bgracefulShutdown\s*:/;
const JVM = /\baddShutdownHook\(|@PreDestroy\b|\bDisposableBean\b|\bSmartLifecycle\b|\bembeddedServer\(|\bEngineMain\b|\bSignal\.handle\(/;

/** Code that catches SIGTERM (or a framework host known to drain on it). */
export const HANDLER: LanguagePatterns = {
  javascript: JS,
  typescript: JS,
  python: /\bhypercorn\b/,
  java: JVM,
  kotlin: JVM,
  csharp:
    /\bWebApplication\.CreateBuilder\(|\bHost\.CreateDefaultBuilder\(|\bHost\.CreateApplicationBuilder\(|\bIHostApplicationLifetime\b|\bApplicationStopping\b/,
  ruby: /\btrap\(\s*["'](TERM|SIGTERM)["']|Signal\.trap\(\s*["'](TERM|SIGTERM)/,
  default: /\bserver\.shutdown\s*[=:]\s*graceful\b|^\s*shutdown:\s*graceful\b|\btrap\b.*\bTERM\b/,
};

// A signal hook and the name SIGTERM in the same file: `for (const s of ["SIGTERM", "SIGINT"]) process.once(s, ...)`.
export const SIGNAL_HOOK: Partial<Record<Language, RegExp>> = {
  javascript: /\bprocess\.(on|once|addListener)\(/,
  typescript: /\bprocess\.(on|once|addListener)\(/,
  python: /\bsignal\.signal\(|\badd_signal_handler\(/,
  go: /\bsignal\.Notify(Context)?\(/,
};
export const SIGTERM = /\bSIGTERM\b/;

/** Servers that drain on SIGTERM by themselves when they are the process started. */
export const GRACEFUL_SERVERS = /\b(gunicorn|uvicorn|hypercorn|daphne|puma|unicorn|php-fpm|nginx)\b/;

/** Where a gRPC server starts serving: as much a network process to drain as an HTTP server. */
export const GRPC_START: LanguagePatterns = {
  java: /\b(Netty)?ServerBuilder\s*\.\s*forPort\(/,
  kotlin: /\b(Netty)?ServerBuilder\s*\.\s*forPort\(/,
  python: /\bgrpc\.(aio\.)?server\(/,
  javascript: /\.bindAsync\(/,
  typescript: /\.bindAsync\(/,
  go: /\bgrpc\.NewServer\(/,
};

/**
 * A worker's endless loop over work: it only ever stops by a signal, so without a handler SIGTERM cuts off the
 * message in hand. Go's `select {}` (or `<-forever`) parks main while consumers run; a Kafka consumer polls.
 */
export const WORK_LOOP: LanguagePatterns = {
  go: /^\s*select\s*\{\s*\}\s*$|^\s*<-\s*forever\s*$/,
  java: /\.poll\(\s*(java\.time\.)?(Duration\.)?of(Millis|Seconds)\(/,
  kotlin: /\.poll\(\s*(java\.time\.)?(Duration\.)?of(Millis|Seconds)\(/,
};

// Spring Boot drains its web server on SIGTERM by default from 3.4 (`server.shutdown=graceful` from 2.3).
export const SPRING_BOOT_START = /\bSpringApplication\.run\(|\brunApplication</;

/**
 * A framework that serves from the call that starts it, and what it does on SIGTERM: drains by itself, drains
 * only when started on the main thread (Python installs signal handlers there only), or dies mid-request.
 */
export interface Host {
  name: string;
  language: Language;
  /** The file uses the framework (an import), so `start` is its call and not a namesake's. */
  uses: RegExp;
  /** The line that starts the server (for a self-running app, the line that makes it one). */
  start: RegExp;
  onSigterm: "drains" | "drainsOnMainThread" | "dies";
}

export const HOSTS: readonly Host[] = [
  // A classic Sinatra app runs itself at exit; run! traps INT and TERM and stops the server gracefully (quit!).
  { name: "Sinatra", language: "ruby", uses: /^\s*require\s+["']sinatra["']/, start: /^\s*require\s+["']sinatra["']/, onSigterm: "drains" },
  { name: "Sinatra", language: "ruby", uses: /\bSinatra::(Base|Application)\b/, start: /\.run!|^\s*run!/, onSigterm: "drains" },
  { name: "uvicorn", language: "python", uses: /\buvicorn\b/, start: /\buvicorn\.(run|Server)\(/, onSigterm: "drainsOnMainThread" },
  // FastMCP's HTTP transports serve through uvicorn.
  {
    name: "FastMCP (uvicorn)",
    language: "python",
    uses: /^\s*from\s+(fastmcp|mcp\.server\.fastmcp)\s+import\b/,
    start: /\.run(_async)?\(.*\btransport\s*=\s*["'](http|sse|streamable-http)["']/,
    onSigterm: "drainsOnMainThread",
  },
  // Gradio serves from a thread of its own; launch() blocks the caller until Ctrl-C (SIGINT) only.
  { name: "Gradio", language: "python", uses: /^\s*(import\s+gradio\b|from\s+gradio\s+import\b)/, start: /\.launch\(/, onSigterm: "dies" },
];

/** Python code handing a callable to another thread: `asyncio.to_thread(f)`, `Thread(target=f)`, `run_in_executor(None, f)`. */
export const PY_THREAD_START = /\b(asyncio\.to_thread|run_in_executor|Thread)\((?<args>.*)$/;
