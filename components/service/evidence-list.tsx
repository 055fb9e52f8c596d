import type { Evidence } from "@/lib/rules/types";
import { CodeSnippet } from "@/components/service/code-snippet";

/** Where a finding was seen: file and lines (linked when the source has a web URL) or a cluster object. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="mt-2 space-y-2">
      {evidence.map((e, i) => (
        <li key={i} className="text-xs">
          {e.type === "repo" ? (
            <>
              <p className="font-mono break-all text-slate-700 dark:text-slate-300" data-testid="evidence-location">
                {e.url ? (
                  <a href={e.url} className="text-sky-800 underline dark:text-sky-300">
                    {e.path}:{e.lineStart}
                    {e.lineEnd > e.lineStart ? `-${e.lineEnd}` : ""}
                  </a>
                ) : (
                  <>
                    {e.path}:{e.lineStart}
                    {e.lineEnd > e.lineStart ? `-${e.lineEnd}` : ""}
                  </>
                )}
              </p>
              {e.snippet ? <CodeSnippet code={e.snippet} path={e.path} /> : null}
            </>
          ) : (
            <p className="font-mono break-all text-slate-700 dark:text-slate-300" data-testid="evidence-location">
              {e.cluster}/{e.namespace ?? "-"}/{e.kind}/{e.name} · {e.jsonPath}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
