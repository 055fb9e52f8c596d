// What client-node's config.js takes from its generated barrel (see client-node-hooks.mjs), and nothing else.
export { createConfiguration } from "@kubernetes/client-node/dist/gen/configuration.js";
export { ServerConfiguration } from "@kubernetes/client-node/dist/gen/servers.js";
