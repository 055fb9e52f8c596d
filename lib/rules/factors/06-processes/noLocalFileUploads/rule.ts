import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { sourceFiles } from "@/lib/rules/helpers/code-lines";
import { firstHttpEvidence } from "@/lib/rules/helpers/http-server";
import { dig, longRunningWorkloads, manifestEvidence, objects, podSpec } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RuleDefinition, ServiceFacts } from "@/lib/rules/types";

const UPLOAD = String.raw`["'\`][^"'\`]*\buploads?\b`;
const JS = new RegExp(String.raw`\bmulter\(\s*\{\s*dest\s*:|\bmulter\.diskStorage\(|\buploadDir\s*:|\.mv\(\s*${UPLOAD}|\b(writeFile|writeFileSync|createWriteStream)\([^)]*${UPLOAD}`);
/** Writing received files to the container's own disk. */
const LOCAL_WRITES = {
  javascript: JS,
  typescript: JS,
  python: new RegExp(String.raw`\bUPLOAD_(FOLDER|DIR|PATH)\s*=\s*["']|\.save\(\s*os\.path\.join\(|\bopen\([^)]*${UPLOAD}[^)]*["']wb?["']|shutil\.copyfileobj\([^)]*open\(`),
  go: new RegExp(String.raw`\bos\.(Create|OpenFile|WriteFile)\([^)]*(${UPLOAD}|filepath\.Join\(\s*"\.?/?uploads?")|\bioutil\.WriteFile\([^)]*${UPLOAD}`),
  java: new RegExp(String.raw`\.transferTo\(\s*(new\s+File|Paths?\.get|Path\.of)\b|\bFiles\.(copy|write)\([^)]*${UPLOAD}`),
  kotlin: new RegExp(String.raw`\.transferTo\(\s*(File|Paths?\.get|Path\.of)\b|\bFiles\.(copy|write)\([^)]*${UPLOAD}`),
  csharp: new RegExp(String.raw`\bnew\s+FileStream\([^)]*(${UPLOAD}|[uU]pload)|\bPath\.Combine\([^)]*"(wwwroot/)?uploads?"|\bFile\.(WriteAllBytes|Create)\([^)]*[uU]pload`),
  ruby: new RegExp(String.raw`\bFile\.(write|open)\([^)]*${UPLOAD}`),
  php: /\bmove_uploaded_file\(/,
};

export const rule: RuleDefinition = {
  id: "noLocalFileUploads",
  version: 1,
  factor: "processes",
  title: "Uploaded files go to a backing store, not the local disk",
  rationale:
    "A container's filesystem is ephemeral and private to one replica: a file saved there disappears on the next " +
    "deploy and cannot be served by the other processes. Persist uploads in object storage or a database.",
  appliesTo: ["repo"],
  effort: "medium",
  defaultWeight: 5,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0) return notApplicable("No source code to inspect.");
    const evidence = [...findLineMatches({ facts, patterns: LOCAL_WRITES }).map((m) => matchEvidence(m)), ...hostPathVolumes(facts)];
    if (evidence.length > 0) return fail(`Files stored on the process's local disk (${plural(evidence.length, "place")}).`, evidence);
    if (!firstHttpEvidence(facts)) return notApplicable("Not an HTTP service, and no local file storage found.");
    return pass("No uploads written to the local filesystem.");
  },
};

/** A hostPath volume ties a pod's state to the node it happens to run on. */
function hostPathVolumes(facts: ServiceFacts): RepoEvidence[] {
  return longRunningWorkloads(facts)
    .filter((m) => objects(podSpec(m)?.volumes).some((v) => dig(v, "hostPath") !== undefined))
    .map((m) => manifestEvidence(facts, m, /^\s*hostPath:/));
}
