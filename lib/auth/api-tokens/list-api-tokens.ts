import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/principal";

export interface ApiTokenSummary {
  id: number;
  name: string;
  role: Role;
  teams: string[];
  /** The secret's first characters, e.g. `dzn_AbCd1234`. */
  prefix: string;
  createdAt: Date;
  createdBy: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedFrom: string | null;
}

/** Every API token, newest first, revoked ones included (marked): never a secret, never a hash. */
export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  return db().apiToken.findMany({
    orderBy: { id: "desc" },
    select: {
      id: true,
      name: true,
      role: true,
      teams: true,
      prefix: true,
      createdAt: true,
      createdBy: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      lastUsedFrom: true,
    },
  });
}
