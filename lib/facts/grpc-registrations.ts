import type { Language } from "@/lib/facts/types";

/**
 * How code generated from a `.proto` registers service `X` with a server, per language: knowledge as data. A
 * client only calls `XClient`/`XStub`/`new X.XClient(...)`, so these tell the service a process serves from the
 * ones it calls.
 */
const REGISTRATIONS: Partial<Record<Language, ((name: string) => string)[]>> = {
  go: [(x) => `\\bRegister${x}Server\\(`],
  python: [(x) => `\\badd_${x}Servicer_to_server\\(`, (x) => `\\b${x}Servicer\\)`],
  java: [(x) => `\\b${x}Grpc\\.${x}ImplBase\\b`, (x) => `\\bextends\\s+${x}ImplBase\\b`],
  kotlin: [(x) => `\\b${x}GrpcKt\\.${x}CoroutineImplBase\\b`, (x) => `\\b${x}Grpc\\.${x}ImplBase\\b`, (x) => `\\b${x}CoroutineImplBase\\b`],
  csharp: [(x) => `\\b${x}\\.${x}Base\\b`],
  javascript: [(x) => `\\.${x}\\.service\\b`, (x) => `\\b${x}Service\\s*,\\s*\\{`],
  typescript: [(x) => `\\.${x}\\.service\\b`, (x) => `\\b${x}Service\\s*,\\s*\\{`, (x) => `@GrpcMethod\\(\\s*['"]${x}['"]`],
  rust: [(x) => `\\b${x}Server::(new|with_interceptor)\\(`],
  ruby: [(x) => `\\b${x}::Service\\b`],
  php: [(x) => `\\b${x}Interface\\b`],
};

/**
 * The names among `services` that the given code registers with a gRPC server. One pass over each file with
 * one pattern of all names, so a shared proto of twenty services costs one scan. Pure.
 */
export function findGrpcRegistrations(opts: {
  services: readonly string[];
  files: readonly { language: Language | null; lines: readonly string[] }[];
}): Set<string> {
  const served = new Set<string>();
  const names = [...new Set(opts.services)].filter((n) => /^\w+$/.test(n));
  if (names.length === 0) return served;
  const byLanguage = new Map<Language, { pattern: RegExp; checks: { name: string; re: RegExp }[] }>();
  for (const file of opts.files) {
    if (file.language === null) continue;
    const templates = REGISTRATIONS[file.language];
    if (!templates) continue;
    let compiled = byLanguage.get(file.language);
    if (!compiled) {
      const checks = names.flatMap((name) => templates.map((t) => ({ name, re: new RegExp(t(name)) })));
      compiled = { pattern: new RegExp(checks.map((c) => c.re.source).join("|")), checks };
      byLanguage.set(file.language, compiled);
    }
    for (const line of file.lines) {
      if (line.length > 2000 || !compiled.pattern.test(line)) continue;
      for (const c of compiled.checks) if (c.re.test(line)) served.add(c.name);
    }
  }
  return served;
}
