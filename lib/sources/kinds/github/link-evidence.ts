import type { Finding } from "@/lib/rules/types";

/**
 * Points every file evidence of a repository's findings at GitHub: `<web>/<owner>/<repo>/blob/<sha>/<path>#L<a>-L<b>`,
 * the file and lines exactly as scanned, even after later pushes.
 */
export function linkEvidence(opts: { findings: Finding[]; webBaseUrl: string; fullName: string; sha: string }): Finding[] {
  const base = `${opts.webBaseUrl.replace(/\/+$/, "")}/${opts.fullName}/blob/${opts.sha}/`;
  return opts.findings.map((finding) => ({
    ...finding,
    evidence: finding.evidence.map((e) => {
      if (e.type !== "repo") return e;
      const lines = e.lineStart > 0 ? `#L${e.lineStart}-L${Math.max(e.lineEnd, e.lineStart)}` : "";
      return { ...e, url: `${base}${e.path.split("/").map(encodeURIComponent).join("/")}${lines}` };
    }),
  }));
}

/** The web base for an API base: api.github.com → github.com; GitHub Enterprise Server's /api/v3 → its host. */
export function webBaseFor(opts: { apiBaseUrl: string }): string {
  const url = new URL(opts.apiBaseUrl);
  if (url.hostname === "api.github.com") return "https://github.com";
  return `${url.origin}${url.pathname.replace(/\/api\/v3\/?$/, "").replace(/\/+$/, "")}`;
}
