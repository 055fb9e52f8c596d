import type { z } from "zod";
import { getSource } from "@/lib/sources/get-source";
import { withSourceConfigs } from "@/lib/api/with-source-configs";
import type { sourceSchema } from "@/lib/api/schemas/sources";

/** `GET /api/v1/sources/{id}`: one source with its config; NotFoundError for an unknown or deleted one. */
export async function getSourceById(opts: { id: number }): Promise<z.input<typeof sourceSchema>> {
  const [source] = await withSourceConfigs({ sources: [await getSource({ id: opts.id })] });
  return source!;
}
