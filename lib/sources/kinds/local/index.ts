import path from "node:path";
import { stat } from "node:fs/promises";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { refuseLocalDirectory, refuseRealDirectory } from "@/lib/sources/kinds/local/local-roots";
import type { SourceKindModule } from "@/lib/sources/kinds/types";
import { sourceName, sourceSchedule } from "@/lib/sources/source-input";

/** What adding a local checkout takes (UI form, API): a directory on the workers' file system. */
const input = z.object({
  name: sourceName,
  /** Absolute, or relative to the adding process's working directory (stored absolute); below DOZEN_LOCAL_ROOTS. */
  directory: z
    .string()
    .trim()
    .min(1)
    .max(4096)
    .superRefine((directory, ctx) => {
      const refused = refuseLocalDirectory({ directory });
      if (refused) ctx.addIssue({ code: "custom", message: refused });
    }),
  schedule: sourceSchedule,
});

/** A directory on the workers' machine: one service per project discovered in it. */
export const local: SourceKindModule<typeof input> = {
  kind: "local",
  label: "Local checkout",
  shortLabel: "Local checkout",
  input,
  // Stored absolute, so workers started from another directory scan the same tree.
  toSource: (i) => ({ location: path.resolve(i.directory), config: null }),
  fromSource: (s) => ({ name: s.name, schedule: s.schedule, directory: s.location }),
  async validate(i) {
    const info = await stat(path.resolve(i.directory)).catch(() => null);
    if (!info?.isDirectory()) throw new ValidationError(`"${i.directory}" is not a directory`);
    const refused = await refuseRealDirectory({ directory: i.directory });
    if (refused) throw new ValidationError(`"${i.directory}": ${refused}`);
  },
  refusedField: "directory",
  describeCredentials: () => null,
  form: {
    namePlaceholder: "platform-monorepo",
    submitLabel: "Add local checkout",
    fields: [
      {
        type: "text",
        name: "directory",
        label: "Directory",
        required: true,
        mono: true,
        placeholder: "/srv/checkouts/platform",
        hint: "An absolute path on the workers' machine.",
      },
    ],
  },
  // Never bundled into the web process, which only adds and lists sources; workers and the CLI load it.
  async worker() {
    const { scanLocal } = await import(/* turbopackIgnore: true */ "@/lib/sources/kinds/local/scan-source");
    return { scan: scanLocal, jobs: [] };
  },
};
