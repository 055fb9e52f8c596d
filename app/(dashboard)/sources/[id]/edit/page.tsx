import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { fillSourceForm } from "@/lib/sources/fill-source-form";
import { getSourceInput } from "@/lib/sources/get-source-input";
import { SOURCE_KINDS } from "@/lib/sources/kinds/registry";
import { SourceForm } from "@/components/sources/source-form";
import { BackLink } from "@/components/ui/back-link";
import { NeedsRole } from "@/components/auth/needs-role";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit a source" };

const params = z.object({ id: z.coerce.number().int().positive() });

// The add form of the source's kind, filled with what the source has: one description of the fields, two uses.
export default async function EditSourcePage(props: { params: Promise<{ id: string }> }) {
  const parsed = params.safeParse(await props.params);
  if (!parsed.success) notFound();
  const principal = await readPagePrincipal();
  if (!principal || !allows(principal, "admin")) return <NeedsRole role="admin" what="Editing a source" />;
  const source = await getSourceInput({ id: parsed.data.id }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const kind = SOURCE_KINDS[source.kind];
  const values = fillSourceForm({ fields: kind.form.fields, input: source.input });
  return (
    <div className="space-y-4">
      <BackLink href="/sources" label="Sources" />
      <h1 className="text-2xl font-semibold">
        Edit {values.name} <span className="text-base font-normal text-slate-600 dark:text-slate-300">({kind.label})</span>
      </h1>
      <SourceForm kind={kind.kind} {...kind.form} defaultSchedule={env().DOZEN_DEFAULT_SCHEDULE} edit={{ sourceId: source.id, values }} />
    </div>
  );
}
