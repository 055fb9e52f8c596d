// Module resolve hook (node:module register), plain JS because it runs on Node's loader thread with or
// without tsx. client-node's config.js (KubeConfig) imports its generated API barrel, gen/index.js, only for
// createConfiguration and ServerConfiguration (used by makeApiClient, which Dozen never calls). That barrel
// loads 2,742 model and 225 API files: ≈80 MB under plain node, ≈130 MB under tsx, more than the audit's data.
// For that one import from that one file we hand over a barrel with just those two exports. If a future
// client-node imports something else from gen/index.js, loading fails loudly (missing export), never silently.
const SUBSET = new URL("./client-node-gen-subset.mjs", import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === "./gen/index.js" && context.parentURL?.endsWith("/@kubernetes/client-node/dist/config.js")) {
    return { url: SUBSET, shortCircuit: true };
  }
  return next(specifier, context);
}
