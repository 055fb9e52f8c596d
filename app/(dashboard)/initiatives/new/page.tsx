import type { Metadata } from "next";
import { NeedsRole } from "@/components/auth/needs-role";
import { InitiativeForm } from "@/components/initiatives/initiative-form";
import { BackLink } from "@/components/ui/back-link";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { getInitiativeFormOptions } from "@/lib/initiatives/get-initiative-form-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New initiative" };

/** Starting an initiative: admins only (the server action checks again). */
export default async function NewInitiativePage() {
  const principal = await readPagePrincipal();
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href="/initiatives" label="Initiatives" />
      <h1 className="text-2xl font-semibold">New initiative</h1>
      {principal && allows(principal, "admin") ? (
        <InitiativeForm options={await getInitiativeFormOptions()} />
      ) : (
        <NeedsRole role="admin" what="Starting an initiative" />
      )}
    </div>
  );
}
