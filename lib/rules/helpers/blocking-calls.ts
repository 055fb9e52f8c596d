import type { TextFile } from "@/lib/facts/types";

/**
 * Calls that serve until the process is stopped, per grammar: knowledge as data. Code after one of them in the
 * same function does not run while it serves (Go's `log.Fatal(srv.ListenAndServe())` returns only to exit).
 */
const BLOCKING_SERVE: Readonly<Record<string, RegExp>> = {
  go: /(^|\.)(ListenAndServe|ListenAndServeTLS|Serve|ServeTLS|RunTLS)$|^(r|router|e|engine|app|server|srv|g|api)\.(Run|Start|Listen)$/,
  python: /^(app|application|server|api)\.run$|^uvicorn\.run$|^web\.run_app$|\.serve_forever$|\.wait_for_termination$|^waitress\.serve$/,
};

type Call = NonNullable<TextFile["syntax"]>["calls"][number];

/** The blocking serve call that runs before `call` in its own function, if any: then `call` is not reached while serving. */
export function blockingCallBefore(file: TextFile, call: Call): Call | undefined {
  const pattern = file.syntax ? BLOCKING_SERVE[file.syntax.grammar] : undefined;
  if (!pattern || call.scope === undefined || call.detached) return undefined;
  return file.syntax!.calls.find((c) => c.scope === call.scope && !c.detached && c.line < call.line && pattern.test(c.callee));
}
