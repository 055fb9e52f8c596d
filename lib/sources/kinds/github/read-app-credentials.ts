import { createPrivateKey } from "node:crypto";
import { namedVariable } from "@/lib/env";
import { DozenError } from "@/lib/errors";
import type { GitHubSourceConfig } from "@/lib/sources/kinds/github/config";

/** A GitHub App's credentials are missing or unusable; the message names the variable, never its value. */
export class GitHubAppCredentialsError extends DozenError {
  override name = "GitHubAppCredentialsError";
}

/**
 * Reads a GitHub App's id, private key and optional installation id from the environment variables a
 * source's `app` block names, and checks them before any request: a missing variable or a key that is not
 * an RSA private key in PEM is reported by name at once, instead of as an opaque 401 later. A key pasted
 * into a .env file on one line with `\n` escapes is accepted.
 */
export function readAppCredentials(opts: { app: NonNullable<GitHubSourceConfig["app"]> }): {
  appId: string;
  privateKey: string;
  installationId: number | null;
} {
  const { appIdEnv, privateKeyEnv, installationIdEnv } = opts.app;
  const appId = namedVariable({ name: appIdEnv })?.trim();
  if (!appId) throw new GitHubAppCredentialsError(`GitHub App id: environment variable ${appIdEnv} is not set`);
  if (!/^(\d+|Iv[0-9A-Za-z.]+)$/.test(appId))
    throw new GitHubAppCredentialsError(`GitHub App id: ${appIdEnv} must hold the app's numeric id or client id`);
  const raw = namedVariable({ name: privateKeyEnv });
  if (!raw) throw new GitHubAppCredentialsError(`GitHub App private key: environment variable ${privateKeyEnv} is not set`);
  const privateKey = raw.includes("\\n") && !raw.includes("\n") ? raw.replaceAll("\\n", "\n") : raw;
  if (!isRsaPrivateKey(privateKey))
    throw new GitHubAppCredentialsError(`GitHub App private key: ${privateKeyEnv} does not hold an RSA private key in PEM format`);
  if (!installationIdEnv) return { appId, privateKey, installationId: null };
  const installation = namedVariable({ name: installationIdEnv })?.trim();
  if (!installation) throw new GitHubAppCredentialsError(`GitHub App installation: environment variable ${installationIdEnv} is not set`);
  if (!/^\d+$/.test(installation))
    throw new GitHubAppCredentialsError(`GitHub App installation: ${installationIdEnv} must hold a numeric installation id`);
  return { appId, privateKey, installationId: Number(installation) };
}

function isRsaPrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === "rsa";
  } catch {
    return false;
  }
}
