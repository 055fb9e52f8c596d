import { KINDS, apiVersionOf } from "@/test/kubernetes/kinds";

const AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

/**
 * Answers the discovery paths kubectl calls first: /version, /api, /apis (aggregated discovery v2 when the
 * client asks for it, the legacy lists otherwise) and each group version's resource list. Null: not discovery.
 */
export function serveDiscovery(opts: { path: string; accept: string }): { contentType: string; body: unknown } | null {
  const json = "application/json";
  if (opts.path === "/version") {
    return { contentType: json, body: { major: "1", minor: "32", gitVersion: "v1.32.0-dozen-stand-in", platform: "linux/amd64" } };
  }
  const wantsAggregated = opts.accept.includes("as=APIGroupDiscoveryList");
  if (opts.path === "/api") {
    if (wantsAggregated) return { contentType: AGGREGATED, body: aggregated([""]) };
    return { contentType: json, body: { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [] } };
  }
  if (opts.path === "/apis") {
    const groups = [...new Set(KINDS.map((k) => k.group).filter(Boolean))];
    if (wantsAggregated) return { contentType: AGGREGATED, body: aggregated(groups) };
    return {
      contentType: json,
      body: {
        kind: "APIGroupList",
        apiVersion: "v1",
        groups: groups.map((name) => {
          const gv = `${name}/${KINDS.find((k) => k.group === name)!.version}`;
          return {
            name,
            versions: [{ groupVersion: gv, version: gv.split("/")[1] }],
            preferredVersion: { groupVersion: gv, version: gv.split("/")[1] },
          };
        }),
      },
    };
  }
  const gv = /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))$/.exec(opts.path);
  if (!gv) return null;
  const groupVersion = gv[1] ?? gv[2]!;
  const kinds = KINDS.filter((k) => apiVersionOf(k) === groupVersion);
  if (kinds.length === 0) return null;
  return {
    contentType: json,
    body: {
      kind: "APIResourceList",
      apiVersion: "v1",
      groupVersion,
      resources: kinds.map((k) => ({
        name: k.resource,
        singularName: k.singular,
        namespaced: true,
        kind: k.kind,
        ...(k.shortNames ? { shortNames: k.shortNames } : {}),
        verbs: ["get", "list"],
      })),
    },
  };
}

function aggregated(groups: string[]): unknown {
  return {
    kind: "APIGroupDiscoveryList",
    apiVersion: "apidiscovery.k8s.io/v2",
    metadata: {},
    items: groups.map((group) => {
      const kinds = KINDS.filter((k) => k.group === group);
      return {
        metadata: { name: group },
        versions: [
          {
            version: kinds[0]!.version,
            freshness: "Current",
            resources: kinds.map((k) => ({
              resource: k.resource,
              responseKind: { group, version: k.version, kind: k.kind },
              scope: "Namespaced",
              singularResource: k.singular,
              ...(k.shortNames ? { shortNames: k.shortNames } : {}),
              verbs: ["get", "list"],
            })),
          },
        ],
      };
    }),
  };
}
