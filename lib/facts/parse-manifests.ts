import { isMap, isSeq, LineCounter, parseAllDocuments, type Node } from "yaml";
import type { ManifestObject } from "@/lib/facts/types";
import { previewSecret } from "@/lib/facts/preview-secret";
import { yamlErrorReason } from "@/lib/facts/yaml-error-reason";
import { checkYamlDepth } from "@/lib/facts/check-yaml-depth";

const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/**
 * Splits a multi-document YAML file into Kubernetes objects (documents with `apiVersion` and `kind`),
 * each with its document index and line range. `List` kinds are expanded into their items. A
 * `kustomization.yaml` without apiVersion/kind is still recorded (as a Kustomization) so its `resources`
 * are visible. Secret `data`/`stringData` keep their keys, values become `****`. Backstage descriptors are
 * not Kubernetes and are left out. A document that fails to parse is reported in `problems`; the others
 * are still returned. Never throws.
 */
export function parseManifests(opts: { path: string; text: string }): { objects: ManifestObject[]; problems: string[] } {
  const lineCounter = new LineCounter();
  const objects: ManifestObject[] = [];
  const problems: string[] = [];
  const tooDeep = checkYamlDepth({ text: opts.text });
  if (tooDeep) return { objects, problems: [tooDeep] };
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(opts.text, { lineCounter, uniqueKeys: true });
  } catch (error) {
    return { objects, problems: [yamlErrorReason({ message: String(error) })] };
  }
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  docs.forEach((doc, documentIndex) => {
    if (doc.errors.length > 0) {
      problems.push(`document ${documentIndex + 1}: ${yamlErrorReason({ message: doc.errors[0]?.message ?? "" })}`);
      return;
    }
    const contents = doc.contents;
    const docRange = contents?.range;
    if (!contents || !docRange) return;
    let value: unknown;
    try {
      value = JSON.parse(JSON.stringify(doc.toJS({ maxAliasCount: 100 }) ?? null));
    } catch (error) {
      problems.push(`document ${documentIndex + 1}: ${yamlErrorReason({ message: String(error) })}`);
      return;
    }
    const range = (node: Node | null | undefined) => {
      const r = node?.range ?? docRange;
      return { lineStart: lineOf(r[0]), lineEnd: lineOf(Math.max(r[0], r[1] - 1)) };
    };
    const top = asObject(value);
    if (top && KUSTOMIZATION.test(opts.path)) {
      top.apiVersion ??= "kustomize.config.k8s.io/v1beta1";
      top.kind ??= "Kustomization";
    }
    const items = top && typeof top.kind === "string" && top.kind.endsWith("List") && Array.isArray(top.items) ? top.items : null;
    const itemsNode = isMap(contents) ? contents.get("items", true) : undefined;
    const candidates = items
      ? items.map((item, k) => ({ obj: asObject(item), ...range(isSeq(itemsNode) ? (itemsNode.items[k] as Node | undefined) : undefined) }))
      : [{ obj: top, ...range(contents) }];
    for (const { obj, lineStart, lineEnd } of candidates) {
      const object = toManifest(obj);
      if (object) objects.push({ path: opts.path, documentIndex, lineStart, lineEnd, ...object });
    }
  });
  return { objects, problems };
}

function toManifest(obj: Record<string, unknown> | null): Omit<ManifestObject, "path" | "documentIndex" | "lineStart" | "lineEnd"> | null {
  if (!obj || typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") return null;
  if (obj.apiVersion.startsWith("backstage.io/")) return null;
  if (obj.kind === "Secret") {
    for (const field of ["data", "stringData"]) {
      const data = asObject(obj[field]);
      if (data)
        obj[field] = Object.fromEntries(Object.keys(data).map((k) => [k, previewSecret({ value: String(data[k]), keepPrefix: false })]));
    }
  }
  const metadata = asObject(obj.metadata);
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: typeof metadata?.name === "string" ? metadata.name : obj.kind === "Kustomization" ? "kustomization" : "",
    namespace: typeof metadata?.namespace === "string" ? metadata.namespace : null,
    object: obj,
  };
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
