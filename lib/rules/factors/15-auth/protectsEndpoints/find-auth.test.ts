import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyFacts } from "@/test/support/empty-facts";
import type { ManifestObject, TextFile } from "@/lib/facts/types";
import { findAnonymousAdmin } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-anonymous-admin";
import { findAuth } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-auth";

const file = (path: string, language: TextFile["language"], ...lines: string[]): TextFile => ({ path, language, lines });

test("a pip-compile lockfile's auth library counts only when the service asked for it (and imports it)", () => {
  const lockfile = (...via: string[]) =>
    emptyFacts({
      textFiles: [
        file("requirements.txt", null, "authlib==1.3.1 \\", "    --hash=sha256:aa", ...via, "flask==3.0.3"),
        file("app.py", "python", "from authlib.integrations.flask_client import OAuth", "oauth = OAuth()"),
      ],
      dependencyManifests: [
        {
          path: "requirements.txt",
          ecosystem: "pip",
          lockfile: null,
          dependencies: [
            { name: "authlib", version: "1.3.1", line: 1, dev: false },
            { name: "flask", version: "3.0.3", line: 4, dev: false },
          ],
        },
      ],
    });
  assert.deepEqual(findAuth(lockfile("    # via mcp-tools")), [], "pulled in by another package");
  assert.deepEqual(findAuth(lockfile("    # via", "    #   mcp-tools", "    #   starlette")), [], "the multi-line form");
  assert.equal(
    findAuth(lockfile("    # via", "    #   -r requirements.in", "    #   mcp-tools")).length,
    1,
    "asked for, and pulled in too",
  );
  assert.equal(findAuth(lockfile()).length, 1, "a plain requirements file says nothing of why");
});

test("a mesh AuthorizationPolicy authenticates only when it names its callers", () => {
  const policy = (rules: unknown): ManifestObject => ({
    path: "k8s/policy.yaml",
    documentIndex: 0,
    lineStart: 1,
    lineEnd: 10,
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    name: "orders",
    namespace: "shop",
    object: { kind: "AuthorizationPolicy", spec: { rules } },
  });
  const byNamespace = [{ from: [{ source: { namespaces: ["shop"] } }] }];
  const byIdentity = [{ from: [{ source: { principals: ["cluster.local/ns/shop/sa/checkout"] } }] }];
  const byToken = [{ from: [{ source: { requestPrincipals: ["https://idp.example.com/*"] } }] }];
  assert.deepEqual(findAuth(emptyFacts({ manifests: [policy(byNamespace)] })), []);
  assert.equal(findAuth(emptyFacts({ manifests: [policy(byIdentity)] })).length, 1);
  assert.equal(findAuth(emptyFacts({ manifests: [policy(byToken)] })).length, 1);
});

test("a policy among the service's declarations in a shared chart counts, even behind an opt-in value", () => {
  const excerpt = (...lines: string[]) =>
    emptyFacts({
      service: { name: "ads", path: "src/ads", languages: [], owners: [] },
      deployExcerpts: [{ path: "chart/templates/ads.yaml", lineStart: 20, lines }],
    });
  const policy = ["{{- if .Values.authorizationPolicies.create }}", "---", "kind: AuthorizationPolicy", "spec:", "  rules:"];
  const found = findAuth(
    excerpt("kind: Deployment", ...policy, "  - from:", "    - source:", "        principals: [checkout]", "{{- end }}"),
  );
  assert.deepEqual(
    found.map((e) => [e.path, e.lineStart]),
    [["chart/templates/ads.yaml", 23]],
  );
  assert.deepEqual(findAuth(excerpt("kind: Deployment", ...policy, "  - from:", "    - source:", "        namespaces: [shop]")), []);
});

test("an edge proxy authenticates with auth_basic or an auth filter, not with auth_basic off", () => {
  const proxy = (...lines: string[]) =>
    emptyFacts({
      service: { name: "edge", path: "edge", languages: [], owners: [] },
      textFiles: [file("edge/nginx.conf", null, ...lines)],
    });
  assert.equal(findAuth(proxy("location /admin/ {", '  auth_basic "staff";', "  proxy_pass http://admin;", "}")).length, 1);
  assert.deepEqual(findAuth(proxy("location /admin/ {", "  auth_basic off;", "  proxy_pass http://admin;", "}")), []);
});

test("Grafana's anonymous access fails only with an editing or admin role, switched on", () => {
  const grafana = (...lines: string[]) =>
    emptyFacts({
      service: { name: "grafana", path: "grafana", languages: [], owners: [] },
      textFiles: [file("grafana/grafana.ini", null, ...lines)],
    });
  assert.deepEqual(
    findAnonymousAdmin(grafana("[auth.anonymous]", "enabled = true", "org_role = Admin")).map((e) => e.lineStart),
    [3],
  );
  assert.deepEqual(findAnonymousAdmin(grafana("[auth.anonymous]", "enabled = true", "org_role = Viewer")), [], "read-only dashboards");
  assert.deepEqual(findAnonymousAdmin(grafana("[auth.anonymous]", ";enabled = true", "org_role = Admin")), [], "commented out");
  assert.deepEqual(findAnonymousAdmin(grafana("[auth.anonymous]", "enabled = false", "org_role = Admin")), []);
  assert.deepEqual(findAnonymousAdmin(grafana("[auth.anonymous]", "enabled = true", "[users]", "org_role = Admin")), [], "another section");
});
