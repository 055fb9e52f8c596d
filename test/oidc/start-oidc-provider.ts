// A real OpenID Provider (oidc-provider, the certified Node implementation) on 127.0.0.1 for tests: discovery,
// authorization code + PKCE, ID tokens signed with its own keys, userinfo. Its login page is a tiny form
// (one field: who you are) that a browser or a test's fetch fills in; consent is given with the login.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** The people the provider knows: `login` is what the form takes. */
export interface TestUser {
  login: string;
  name: string;
  email: string;
  groups: string[];
}

export const TEST_USERS: TestUser[] = [
  { login: "ada", name: "Ada Admin", email: "ada@acme.test", groups: ["platform-admins", "everyone"] },
  { login: "max", name: "Max Maintainer", email: "max@acme.test", groups: ["eng-leads", "everyone"] },
  { login: "tea", name: "Tea Teamlead", email: "tea@acme.test", groups: ["payments-leads", "everyone"] },
  { login: "vic", name: "Vic Viewer", email: "vic@acme.test", groups: ["everyone"] },
];

/** DOZEN_ROLE_GROUPS for TEST_USERS: Ada is an admin, Max a maintainer, Tea one of team payments, Vic a viewer. */
export const TEST_ROLE_GROUPS = "admin=platform-admins;maintainer=eng-leads;maintainer:payments=payments-leads";

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** Starts the provider on a free loopback port, with one confidential client allowed to redirect to `redirectUris`. */
export async function startOidcProvider(opts: { redirectUris: string[] }): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "dozen-test";
  const clientSecret = "dozen-test-secret-0123456789abcdef";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    pkce: { required: () => true },
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email"], profile: ["name"], groups: ["groups"] },
    async findAccount(_ctx, sub) {
      const user = TEST_USERS.find((u) => u.login === sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, name: user.name, email: user.email, groups: user.groups }) };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["dozen-test-cookie-key"] },
  });
  provider.on("server_error", () => {});
  const callback = provider.callback();
  server.on("request", (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? "");
    if (!match) return void callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === "GET") {
          res.setHeader("content-type", "text/html; charset=utf-8");
          return void res.end(
            `<!doctype html><title>Test identity provider</title><h1>Sign in to the test provider</h1>` +
              `<form method="post" action="/interaction/${details.uid}"><label>Login <input name="login" autocomplete="off"></label>` +
              `<button type="submit">Sign in</button></form>`,
          );
        }
        const login = new URLSearchParams(await readBody(req)).get("login") ?? "";
        if (!TEST_USERS.some((u) => u.login === login)) {
          return void (await provider.interactionFinished(req, res, { error: "access_denied", error_description: "unknown user" }));
        }
        const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: login }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch {
        res.statusCode = 400;
        res.end("interaction failed");
      }
    })();
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

/**
 * What a browser does at the provider, with fetch: open the authorization URL, fill the login form as
 * `login`, and follow redirects until the provider sends the browser back to Dozen. Answers that URL (the
 * redirect URI with `code` and `state`, or `error`).
 */
export async function loginAtProvider(opts: { authorizationUrl: string; login: string; redirectUri: string }): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(opts.authorizationUrl);
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url);
      if (url.href.startsWith(opts.redirectUri)) return url;
      init = {};
      continue;
    }
    if (/^\/interaction\//.test(url.pathname) && init.method !== "POST") {
      init = {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `login=${encodeURIComponent(opts.login)}`,
      };
      continue;
    }
    throw new Error(`the provider answered ${response.status} at ${url.pathname}`);
  }
  throw new Error("too many redirects at the provider");
}
