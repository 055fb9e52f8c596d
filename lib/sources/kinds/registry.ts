import "server-only";
import type { SourceKind, SourceKindModule } from "@/lib/sources/kinds/types";
import { github } from "@/lib/sources/kinds/github";
import { kubernetes } from "@/lib/sources/kinds/kubernetes";
import { local } from "@/lib/sources/kinds/local";

/**
 * Every kind of source Dozen scans, keyed by the SourceKind enum (prisma/schema.prisma). A new kind is a
 * folder under lib/sources/kinds/ exporting its SourceKindModule, a line here, and the enum value.
 */
export const SOURCE_KINDS: Readonly<Record<SourceKind, SourceKindModule>> = { github, kubernetes, local };

/** The module of a kind by name; undefined for a kind this version does not know (an older row, a typo). */
export function findSourceKind(kind: string): SourceKindModule | undefined {
  return Object.hasOwn(SOURCE_KINDS, kind) ? SOURCE_KINDS[kind as SourceKind] : undefined;
}
