import type { Metadata } from "next";
import { listOwnershipRules } from "@/lib/persistence/list-ownership-rules";
import { listTeamNames } from "@/lib/teams/list-team-names";
import { adminRefusal } from "@/components/settings/admin-refusal";
import { CreateTeamForm } from "@/components/settings/create-team-form";
import { MoveRuleButtons } from "@/components/settings/move-rule-buttons";
import { OwnershipRuleForm } from "@/components/settings/ownership-rule-form";
import { RemoveRuleButton } from "@/components/settings/remove-rule-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ownership" };

export default async function OwnershipPage() {
  const refusal = await adminRefusal({ title: "Ownership", what: "Ownership rules" });
  if (refusal) return refusal;
  const [{ rules, fileError }, teams] = await Promise.all([listOwnershipRules(), listTeamNames()]);
  const uiRules = rules.filter((r) => r.origin === "ui").length;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Ownership</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Who owns a service, first that applies: a person&apos;s choice on its page; its own catalog-info.yaml or dozen.yaml owner; its
          source&apos;s dozen.yaml <code>ownership:</code> rules; the rules below, in order; a team label on its workloads; its CODEOWNERS
          group, only while no rule exists. Otherwise it is unowned. A change applies at once.
        </p>
      </div>
      {fileError ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {fileError}
        </p>
      ) : null}
      <section aria-labelledby="rules-heading" className="space-y-2">
        <h2 id="rules-heading" className="text-lg font-semibold">
          Rules
        </h2>
        {rules.length === 0 ? (
          <p className="text-sm">No rules yet: CODEOWNERS groups are taken as team names.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-xs text-slate-600 uppercase dark:text-slate-300">
                  {["Rule", "Matches", "Team", "Services", "From"].map((label) => (
                    <th key={label} scope="col" className="py-1 pr-3">
                      {label}
                    </th>
                  ))}
                  <th scope="col" className="py-1">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules.map((r) => (
                  <tr key={r.label} data-testid="rule-row" className="border-t border-slate-200 align-top dark:border-slate-800">
                    <th scope="row" className="py-2 pr-3 text-left font-medium whitespace-nowrap">
                      {r.label}
                    </th>
                    <td className="py-2 pr-3">
                      {r.kind} <code className="break-all">{r.pattern}</code>
                    </td>
                    <td className="py-2 pr-3">{r.team.slug ? <a href={`/teams/${r.team.slug}`}>{r.team.name}</a> : r.team.name}</td>
                    <td className="py-2 pr-3 tabular-nums">{r.services}</td>
                    <td className="py-2 pr-3">{r.origin === "file" ? "instance file" : `UI, ${r.createdBy ?? "?"}`}</td>
                    <td className="py-2">
                      {r.id !== null ? (
                        <div className="flex flex-wrap items-center gap-2">
                          <MoveRuleButtons id={r.id} position={r.position} count={uiRules} />
                          <RemoveRuleButton id={r.id} label={r.label} />
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="new-rule" className="space-y-3 rounded border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="new-rule" className="text-lg font-semibold">
          Add a rule
        </h2>
        <OwnershipRuleForm teams={teams} rules={uiRules} />
      </section>
      <section aria-labelledby="new-team" className="space-y-3 rounded border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="new-team" className="text-lg font-semibold">
          New team
        </h2>
        <CreateTeamForm />
      </section>
    </div>
  );
}
