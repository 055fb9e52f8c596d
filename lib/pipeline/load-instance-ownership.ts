import { readSmallFile } from "@/lib/collectors/local/read-small-file";
import { ownershipFile } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { parseOwnershipList } from "@/lib/ownership/parse-ownership-list";
import type { OwnerFacts } from "@/lib/ownership/types";

/**
 * The rules of the instance's ownership file (DOZEN_OWNERSHIP_FILE) in file order; none when unset. A file
 * that cannot be read or holds an invalid rule throws a ValidationError naming it: applying ownership
 * without the rules an admin wrote would move services silently.
 */
export async function loadInstanceOwnership(): Promise<NonNullable<OwnerFacts["sourceRules"]>> {
  const path = ownershipFile();
  if (!path) return [];
  const text = await readSmallFile({ path });
  if (text === null) throw new ValidationError(`ownership file ${path} (DOZEN_OWNERSHIP_FILE) cannot be read`);
  try {
    return parseOwnershipList({ text, source: path });
  } catch (error) {
    throw new ValidationError(error instanceof Error ? error.message : `ownership file ${path} is invalid`);
  }
}
