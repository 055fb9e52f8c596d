import { findLineMatches, type LineMatch, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { sourceFiles } from "@/lib/rules/helpers/code-lines";
import { firstHttpEvidence } from "@/lib/rules/helpers/http-server";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import { APPLICATIONS_AND_JOBS } from "@/lib/rules/helpers/kinds";

const UPLOAD = String.raw`["'\`][^"'\`]*\buploads?\b`;
const JS = new RegExp(
  String.raw`\bmulter\(\s*\{\s*dest\s*:|\bmulter\.diskStorage\(|\buploadDir\s*:|\.mv\(\s*${UPLOAD}|\b(writeFile|writeFileSync|createWriteStream)\([^)]*${UPLOAD}`,
);
/** Writing received files to the container's own disk. */
const LOCAL_WRITES = {
  javascript: JS,
  typescript: JS,
  python: new RegExp(
    String.raw`\bUPLOAD_(FOLDER|DIR|PATH)\s*=\s*["']|\.save\(\s*os\.path\.join\(|\bopen\([^)]*${UPLOAD}[^)]*["']wb?["']|shutil\.copyfileobj\([^)]*open\(`,
  ),
  go: new RegExp(
    String.raw`\bos\.(Create|OpenFile|WriteFile)\([^)]*(${UPLOAD}|filepath\.Join\(\s*"\.?/?uploads?")|\bioutil\.WriteFile\([^)]*${UPLOAD}`,
  ),
  java: new RegExp(String.raw`\.transferTo\(\s*(new\s+File|Paths?\.get|Path\.of)\b|\bFiles\.(copy|write)\([^)]*${UPLOAD}`),
  kotlin: new RegExp(String.raw`\.transferTo\(\s*(File|Paths?\.get|Path\.of)\b|\bFiles\.(copy|write)\([^)]*${UPLOAD}`),
  csharp: new RegExp(
    String.raw`\bnew\s+FileStream\([^)]*(${UPLOAD}|[uU]pload)|\bPath\.Combine\([^)]*"(wwwroot/)?uploads?"|\bFile\.(WriteAllBytes|Create)\([^)]*[uU]pload`,
  ),
  ruby: new RegExp(String.raw`\bFile\.(write|open)\([^)]*${UPLOAD}`),
  php: /\bmove_uploaded_file\(/,
};

// Any language: a file written under a local data directory, named (`REPORTS_DIR`, `deadLetterPath`) or literal
// (`"./uploads/"`). Log directories are factor XI's business and are not listed.
const DATA_DIR = String.raw`(\b\w*(upload|dead_?letter|report|export|data|storage|attachment)s?_?(dir|path|folder|root)\w*\b|["'\`]\.?\/?(uploads?|reports?|exports?|data|storage|attachments|dead-?letters?)\/)`;
const DATA_WRITE = new RegExp(
  String.raw`\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|save|to_excel|to_csv|to_parquet|Create|WriteFile|OpenFile|WriteAllText|WriteAllBytes|FileOutputStream|FileWriter)\((?=[^)]*${DATA_DIR})` +
    String.raw`|\bopen\((?=[^)]*${DATA_DIR})[^)]*,\s*["'][wax]b?\+?["']`,
  "i",
);

export const rule: RepositoryCheck = {
  id: "noLocalFileUploads",
  version: 1,
  factor: "processes",
  title: "Uploaded and generated files go to a backing store, not the local disk",
  rationale:
    "A container's filesystem is ephemeral and private to one replica: a file saved there (an upload, a generated " +
    "report, a dead letter) disappears on the next deploy and cannot be served by the other processes.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 5,
  kinds: APPLICATIONS_AND_JOBS,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0) return notApplicable("No source code to inspect.");
    const byLine = new Map<string, LineMatch>();
    for (const m of [...findLineMatches({ facts, patterns: LOCAL_WRITES }), ...findLineMatches({ facts, patterns: DATA_WRITE })]) {
      byLine.set(`${m.file.path}:${m.line}`, m);
    }
    const evidence = [...byLine.values()].map((m) => matchEvidence(m));
    if (evidence.length > 0) return fail(`Files stored on the process's local disk (${plural(evidence.length, "place")}).`, evidence);
    if (!firstHttpEvidence(facts)) return notApplicable("Not an HTTP service, and no local file storage found.");
    return pass("No uploads written to the local filesystem.");
  },
};
