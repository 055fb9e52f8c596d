import { db } from "@/lib/db";

/** Every team by name, with or without services: what an owner can be set to (never a new name typed in). */
export async function listTeamNames(): Promise<{ slug: string; name: string }[]> {
  return db().team.findMany({ select: { slug: true, name: true }, orderBy: [{ name: "asc" }, { slug: "asc" }] });
}
