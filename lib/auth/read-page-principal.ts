import { headers } from "next/headers";
import { cache } from "react";
import type { Principal } from "@/lib/auth/principal";
import { resolvePrincipal } from "@/lib/auth/resolve-principal";

/**
 * The principal of the page being rendered (null: nobody signed in), looked up once per request however many
 * server components ask (the header, the page, its cards): what the UI hides controls by. The server actions
 * and routes behind those controls check the role again themselves.
 */
export const readPagePrincipal = cache(async (): Promise<Principal | null> => resolvePrincipal({ headers: await headers() }));
