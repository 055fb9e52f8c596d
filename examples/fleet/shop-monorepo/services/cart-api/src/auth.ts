import type { NextFunction, Request, Response } from "express";
import { createRemoteJWKSet, jwtVerify } from "jose";

const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL ?? "https://login.acme.example/realms/customers/protocol/openid-connect/certs"));

// Customer JWT required on every cart route; the subject becomes the cart owner.
export async function requireCustomer(req: Request, res: Response, next: NextFunction) {
  try {
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const { payload } = await jwtVerify(token, jwks, { audience: "cart-api" });
    res.locals.customerId = String(payload.sub);
    next();
  } catch {
    res.status(401).json({ error: "unauthorized" });
  }
}
