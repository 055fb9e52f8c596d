import type { Finding } from "@/lib/rules/types";
import { findingFingerprint } from "@/lib/scoring/finding-fingerprint";

/** How wide an exemption is: one finding, one check of one service, or one check of a whole team or source. */
export const EXEMPTION_SCOPES = ["finding", "service", "team", "source"] as const;
export type ExemptionScope = (typeof EXEMPTION_SCOPES)[number];

/** Why a failing check does not count. */
export const EXEMPTION_KINDS = ["false-positive", "accepted-risk", "not-applicable"] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

/** An exemption in force for a service (active, not expired), as scoring needs it. */
export interface ApplicableExemption {
  id: number;
  scope: ExemptionScope;
  ruleId: string;
  /** Scope `finding` only. */
  fingerprint: string | null;
  kind: ExemptionKind;
  reason: string;
  expiresAt: Date | null;
  requestedBy: string;
  approvedBy: string | null;
  origin: string;
}

/** A finding as scored: `exemption` set when a failing finding is exempt, so it does not count. */
export type ExemptableFinding = Finding & { exemption?: ApplicableExemption | null };

const NARROW_FIRST: Record<ExemptionScope, number> = { finding: 0, service: 1, team: 2, source: 3 };

/**
 * Marks each failing finding an exemption covers (same check; for a finding-scope exemption, the same
 * fingerprint) with the narrowest such exemption. Only failures are exempted: a passing check keeps counting,
 * and a waiver never lowers a score. Pure: which exemptions are in force (status, expiry) is decided by the
 * caller with the clock it was given.
 */
export function applyExemptions<F extends Finding>(opts: {
  findings: readonly F[];
  exemptions: readonly ApplicableExemption[];
}): (F & { exemption: ApplicableExemption | null })[] {
  const byRule = new Map<string, ApplicableExemption[]>();
  for (const e of [...opts.exemptions].sort((a, b) => NARROW_FIRST[a.scope] - NARROW_FIRST[b.scope] || a.id - b.id))
    (byRule.get(e.ruleId) ?? byRule.set(e.ruleId, []).get(e.ruleId)!).push(e);
  return opts.findings.map((f) => {
    const candidates = f.outcome === "fail" ? byRule.get(f.ruleId) : undefined;
    if (!candidates) return { ...f, exemption: null };
    const fingerprint = candidates.some((e) => e.fingerprint !== null) ? findingFingerprint(f) : null;
    const exemption = candidates.find((e) => e.fingerprint === null || e.fingerprint === fingerprint) ?? null;
    return { ...f, exemption };
  });
}
