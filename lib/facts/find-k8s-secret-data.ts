import { literalPart, type SecretHit } from "@/lib/facts/secret-rules";

const DOC_SEPARATOR = /^(---|\.\.\.)(\s|$)/;
const KIND_SECRET = /^kind:\s*["']?Secret["']?\s*(#.*)?$/;
const DATA_KEY = /^(data|stringData):\s*(#.*)?$/;
// Indent then a non-blank (never re-split), value to the line's end (trimmed in code): linear on long lines.
const ENTRY = /^(\s+)(?=\S)["']?([^"':#]+?)["']?:[ \t]*(.*)$/;
const FLOW_DATA = /^(?:data|stringData):\s*\{(.*)\}\s*(#.*)?$/;
const FLOW_ENTRY = /["']?([\w.-]+)["']?\s*:\s*("([^"]*)"|'([^']*)'|([^,}\s]+))/g;

/**
 * Every value under `data:` / `stringData:` of a Kubernetes Secret, whatever its key is called: base64 does
 * not look like a secret to the other detectors, and a key like `tls.crt` says nothing. Works on lines (so
 * it also runs on YAML the parser rejects); Secrets nested in a `List` are left to the manifest parser.
 */
export function findK8sSecretData(opts: { lines: readonly string[] }): SecretHit[] {
  const hits: SecretHit[] = [];
  let docStart = 0;
  for (let i = 0; i <= opts.lines.length; i++) {
    const text = opts.lines[i];
    if (text === undefined || DOC_SEPARATOR.test(text)) {
      scanDocument(opts.lines, docStart, i, hits);
      docStart = i + 1;
    }
  }
  return hits;
}

function scanDocument(lines: readonly string[], from: number, to: number, hits: SecretHit[]): void {
  const doc = lines.slice(from, to);
  if (!doc.some((l) => KIND_SECRET.test(l))) return;
  let inData = false;
  let blockIndent = -1;
  let blockName = "";
  let blockReported = false;
  doc.forEach((text, k) => {
    const line = from + k + 1;
    const indent = text.length - text.trimStart().length;
    if (text.trim() === "" || text.trimStart().startsWith("#")) return;
    if (indent === 0) {
      inData = DATA_KEY.test(text);
      blockIndent = -1;
      if (FLOW_DATA.test(text)) flowEntries(text, line, hits);
      return;
    }
    if (!inData) return;
    if (blockIndent >= 0 && indent > blockIndent) {
      // Body of a block scalar (`tls.key: |`): the whole line is the value.
      if (literalPart(text.trim())) {
        hits.push({ ...hit(line, indent, text.length, blockName), report: !blockReported });
        blockReported = true;
      }
      return;
    }
    blockIndent = -1;
    const entry = ENTRY.exec(text);
    if (!entry) return;
    const name = (entry[2] ?? "").trim();
    const value = (entry[3] ?? "").trimEnd();
    if (/^[|>][-+0-9]*$/.test(value)) {
      blockIndent = indent;
      blockName = name;
      blockReported = false;
      return;
    }
    const unquoted = value.replace(/^(["'])(.*)\1$/, "$2");
    if (!literalPart(unquoted)) return;
    const start = text.lastIndexOf(unquoted);
    hits.push(hit(line, start, start + unquoted.length, name));
  });
}

/** `data: {password: aGk=, "tls.key": "..."}` on one line. */
function flowEntries(text: string, line: number, hits: SecretHit[]): void {
  const open = text.indexOf("{");
  FLOW_ENTRY.lastIndex = 0;
  for (let m = FLOW_ENTRY.exec(text.slice(open)); m; m = FLOW_ENTRY.exec(text.slice(open))) {
    const value = m[3] ?? m[4] ?? m[5] ?? "";
    if (!literalPart(value)) continue;
    const start = open + m.index + m[0].length - value.length - (m[3] !== undefined || m[4] !== undefined ? 1 : 0);
    hits.push(hit(line, start, start + value.length, m[1] ?? ""));
  }
}

function hit(line: number, start: number, end: number, name: string): SecretHit {
  return { line, start, end, kind: "k8s-secret-data", name, keepPrefix: false, report: true };
}
