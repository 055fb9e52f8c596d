import type { FastifyReply, FastifyRequest } from "fastify";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { Config } from "./config.js";

// OIDC bearer-token verification against the issuer's JWKS; applied to every /v1 route.
export function requireUser(config: Config) {
  const jwks = createRemoteJWKSet(new URL(`${config.OIDC_ISSUER_URL}/protocol/openid-connect/certs`));
  return async function verify(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization ?? "";
    if (!header.startsWith("Bearer ")) {
      await reply.code(401).send({ error: "missing bearer token" });
      return;
    }
    try {
      const { payload } = await jwtVerify(header.slice(7), jwks, {
        issuer: config.OIDC_ISSUER_URL,
        audience: config.OIDC_AUDIENCE,
      });
      request.user = { id: String(payload.sub), scopes: String(payload.scope ?? "").split(" ") };
    } catch {
      await reply.code(401).send({ error: "invalid token" });
    }
  };
}

declare module "fastify" {
  interface FastifyRequest {
    user?: { id: string; scopes: string[] };
  }
}
