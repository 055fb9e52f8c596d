"use client";

import { useActionState } from "react";
import { addOwnershipRule } from "@/lib/actions/add-ownership-rule";
import type { OwnershipFormState } from "@/lib/actions/run-ownership-action";
import { SubmitWithStatus } from "@/components/ui/submit-with-status";
import { FIELD_CLASS as FIELD, FormField as Field } from "@/components/ui/form-field";

const KINDS = [
  ["repository", "Repository", "acme/pay-*"],
  ["path", "Path in the source", "services/payments/**"],
  ["codeowners", "CODEOWNERS group", "@acme/payments"],
  ["namespace", "Kubernetes namespace", "payments-*"],
  ["label", "Kubernetes label", "team=payments"],
] as const;

/** Settings → Ownership's "Add rule": a kind, a glob and an existing team (admins; the action checks again). */
export function OwnershipRuleForm({ teams, rules }: { teams: { slug: string; name: string }[]; rules: number }) {
  const [state, action, pending] = useActionState<OwnershipFormState, FormData>(addOwnershipRule, { message: "" });
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field id="rule-kind" label="Matches" hint="What the pattern is compared with.">
        <select id="rule-kind" name="kind" className={FIELD} aria-describedby="rule-kind-hint">
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="rule-pattern" label="Pattern" hint="A glob: * within a segment, ** across; a label as key=value.">
        <input id="rule-pattern" name="pattern" required placeholder={KINDS[0][2]} className={FIELD} aria-describedby="rule-pattern-hint" />
      </Field>
      <Field id="rule-team" label="Team" hint="An existing team; make a new one below.">
        <select id="rule-team" name="team" required className={FIELD} aria-describedby="rule-team-hint">
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="rule-position" label="Place" hint={`1 is tried first; empty: after the ${rules} rule${rules === 1 ? "" : "s"} there.`}>
        <input id="rule-position" name="position" type="number" min={1} className={FIELD} aria-describedby="rule-position-hint" />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <SubmitWithStatus text="Add rule" busyText="Adding…" pending={pending} state={state} />
      </div>
    </form>
  );
}
