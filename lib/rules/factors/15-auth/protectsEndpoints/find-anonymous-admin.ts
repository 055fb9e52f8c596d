import { lineEvidence } from "@/lib/rules/helpers/find-line-matches";
import { productionFiles } from "@/lib/rules/helpers/code-lines";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { isOwnFile } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-proxied-consoles";

// Knowledge as data: configuration that hands anonymous visitors a privileged role, per product.
const ANONYMOUS_ADMIN: readonly { file: RegExp; section: string; enabled: RegExp; role: RegExp }[] = [
  // Grafana: [auth.anonymous] enabled = true, org_role = Admin (or Editor): every visitor edits or administers it.
  {
    file: /(^|\/)grafana\.ini$/i,
    section: "auth.anonymous",
    enabled: /^enabled\s*=\s*true\b/i,
    role: /^org_role\s*=\s*"?(Admin|Editor)\b/i,
  },
];

/** Where a service's own configuration lets anonymous visitors in with an editing or admin role. */
export function findAnonymousAdmin(facts: ServiceFacts): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const rule of ANONYMOUS_ADMIN) {
    for (const file of productionFiles(facts).filter((f) => rule.file.test(f.path) && isOwnFile(facts, f.path))) {
      let section = "";
      let enabled = false;
      let role = 0;
      file.lines.forEach((raw, i) => {
        const line = raw.trim();
        if (line.startsWith(";") || line.startsWith("#")) return;
        const header = /^\[([^\]]+)\]/.exec(line);
        if (header?.[1]) section = header[1].trim();
        else if (section === rule.section && rule.enabled.test(line)) enabled = true;
        else if (section === rule.section && rule.role.test(line)) role = i + 1;
      });
      if (enabled && role > 0) found.push(lineEvidence({ file, lineStart: role }));
    }
  }
  return found;
}
