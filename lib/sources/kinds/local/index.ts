import path from "node:path";
import { stat } from "node:fs/promises";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import type { SourceKindModule } from "@/lib/sources/kinds/types";
import { sourceName, sourceSchedule } from "@/lib/sources/source-input";

/** What adding a local checkout takes (UI form, API): a directory on the workers' file system. */
const input = z.object({
  name: sourceName,
  /** Absolute, or relative to the adding process's working directory (stored absolute). */
  directory: z.string().trim().min(1).max(4096),
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
