/** A hand-checked corpus repository (bench/accuracy/corpus/<owner>__<name>.json; protocol in bench/README.md). */
export interface Expectations {
  repo: string;
  url: string;
  commit: string;
  services: { name: string; path: string; kind?: string }[];
  notServices?: { path: string; why: string }[];
  /** Checks judged for every service: for these, a (service, check) is a violation iff it is listed. */
  judged: string[];
  violations: { service: string; check: string; path?: string; line?: number; why: string }[];
  compliant?: { service: string; check: string; path?: string; line?: number; why: string }[];
}

/** What Dozen said of a repository (printed by `bench/accuracy.ts --scan`). */
export interface ScannedRepo {
  seconds: number;
  peakRssMb: number;
  services: { name: string; path: string; kind?: string; fails: { check: string; where: string; message: string }[] }[];
  failures: { path: string; error: string }[];
}

/**
 * Checks whose id changed since the corpus was judged: the expectation's id for Dozen's. A check that merged
 * two (a repository and a cluster check judging the same property) keeps the repository check's id here.
 */
const SAME_CHECK: Readonly<Record<string, string>> = {};

/**
 * Dozen's answer against the hand judgement. A FAIL is right when its (service, check) is a listed violation;
 * wrong when the check was judged and the pair is not listed, or when Dozen's "service" is not a service at
 * all; unjudged otherwise (not counted). A listed violation Dozen does not FAIL is missed, and so is every
 * violation of a service Dozen did not find.
 */
export function compareWithExpectations(opts: { expected: Expectations; scanned: ScannedRepo }) {
  const { expected, scanned } = opts;
  const judged = new Set(expected.judged);
  const violations = new Set(expected.violations.map((v) => `${v.service}\u0000${v.check}`));
  const byPath = new Map(expected.services.map((s) => [normalise(s.path), s]));
  const serviceProblems: string[] = [];
  const truePositives: string[] = [];
  const falsePositives: string[] = [];
  let unjudged = 0;
  const found = new Set<string>();
  const kindProblems: string[] = [];
  let kindsJudged = 0;
  for (const service of scanned.services) {
    const match = byPath.get(normalise(service.path));
    if (!match) serviceProblems.push(`"${service.name}" (${service.path}) is not a service`);
    else {
      found.add(match.name);
      if (match.name !== service.name) serviceProblems.push(`${service.path} is named "${service.name}", expected "${match.name}"`);
      if (match.kind && service.kind) {
        kindsJudged += 1;
        if (match.kind !== service.kind) kindProblems.push(`${match.name} is a ${match.kind}, Dozen says ${service.kind}`);
      }
    }
    for (const fail of service.fails) {
      const check = SAME_CHECK[fail.check] ?? fail.check;
      if (!judged.has(check)) {
        unjudged += 1;
        continue;
      }
      const label = `${match?.name ?? service.name} ${check} @ ${fail.where} — ${fail.message}`;
      if (match && violations.has(`${match.name}\u0000${check}`)) truePositives.push(label);
      else falsePositives.push(match ? label : `${label} (not a service)`);
    }
  }
  for (const s of expected.services) if (!found.has(s.name)) serviceProblems.push(`service "${s.name}" (${s.path}) not found`);
  for (const f of scanned.failures) serviceProblems.push(`${f.path} could not be scanned: ${f.error}`);
  const failed = new Set(
    scanned.services.flatMap((s) => {
      const match = byPath.get(normalise(s.path));
      return match ? s.fails.map((f) => `${match.name}\u0000${SAME_CHECK[f.check] ?? f.check}`) : [];
    }),
  );
  const missed = expected.violations
    .filter((v) => !failed.has(`${v.service}\u0000${v.check}`))
    .map((v) => `${v.service} ${v.check}${v.path ? ` @ ${v.path}:${v.line ?? ""}` : ""} — ${v.why}`);
  const tp = truePositives.length;
  return {
    repo: expected.repo,
    services: expected.services.length,
    servicesFound: found.size,
    servicesExact: serviceProblems.length === 0,
    serviceProblems,
    kindProblems,
    kindsJudged,
    kindsRight: kindsJudged - kindProblems.length,
    truePositives,
    falsePositives,
    missed,
    unjudged,
    precision: tp + falsePositives.length === 0 ? null : tp / (tp + falsePositives.length),
    recall: tp + missed.length === 0 ? null : tp / (tp + missed.length),
    seconds: scanned.seconds,
    peakRssMb: scanned.peakRssMb,
    notes: [] as string[],
  };
}

/**
 * A service's folder for matching: `src/cart/src` (where a .NET project and its Dockerfile sit) and `src/cart`
 * name the same service; reviewers wrote either, and both are honest, so a trailing `src` does not count.
 */
function normalise(path: string): string {
  const trimmed = path
    .replace(/^\.\/+/, "")
    .replace(/\/+$/, "")
    .replace(/\/src$/, "");
  return trimmed === "" ? "." : trimmed;
}
