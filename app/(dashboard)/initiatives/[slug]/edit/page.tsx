import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NeedsRole } from "@/components/auth/needs-role";
import { InitiativeForm } from "@/components/initiatives/initiative-form";
import { BackLink } from "@/components/ui/back-link";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { getInitiativeFormOptions } from "@/lib/initiatives/get-initiative-form-options";
import { getInitiativePage } from "@/lib/initiatives/get-initiative-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit initiative" };

type Props = { params: Promise<{ slug: string }> };

/** Changing an initiative: admins only (the server action checks again); its progress is re-judged on save. */
export default async function EditInitiativePage({ params }: Props) {
  const { slug } = await params;
  const [page, principal] = await Promise.all([getInitiativePage({ slug }), readPagePrincipal()]);
  if (!page) notFound();
  const { summary: i } = page;
  const g = i.goal;
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href={`/initiatives/${i.slug}`} label={i.name} />
      <h1 className="text-2xl font-semibold">Edit {i.name}</h1>
      {principal && allows(principal, "admin") ? (
        <InitiativeForm
          slug={i.slug}
          options={await getInitiativeFormOptions()}
          initial={{
            name: i.name,
            description: i.description,
            owner: i.owner,
            goalKind: g.kind,
            checkId: g.kind === "check" ? g.checkId : "",
            factor: g.kind === "factor" ? g.factor : "",
            min: g.kind === "factor" || g.kind === "score" ? String(g.min) : "",
            grade: g.kind === "grade" ? g.min : "",
            teams: i.scope.teams.join(", "),
            kinds: i.scope.kinds.join(","),
            sources: i.scope.sources.join(", "),
            tiers: i.scope.tiers.join(","),
            startsOn: i.startsOn,
            deadline: i.deadline,
          }}
        />
      ) : (
        <NeedsRole role="admin" what="Changing an initiative" />
      )}
    </div>
  );
}
