import { perFacts } from "@/lib/rules/helpers/per-facts";
import { startCommands, type StartCommand } from "@/lib/rules/helpers/start-commands";

/**
 * Servers started from a command line, and how that command line gives their port: the value of the first
 * group of `port` that matched. Without a port option they take their own default or the environment's
 * (gunicorn binds $PORT, uvicorn reads UVICORN_PORT), which is not judged here.
 */
const SERVERS: { server: RegExp; port: RegExp }[] = [
  { server: /\buvicorn\s/, port: /\s--port[=\s]+(\S+)/ },
  { server: /\bgunicorn\s/, port: /\s(?:--bind|-b)[=\s]*["']?\S*:([^\s"']+)/ },
  { server: /\bhypercorn\s/, port: /\s(?:--bind|-b)[=\s]*["']?\S*:([^\s"']+)/ },
  { server: /\bdaphne\s/, port: /\s(?:--port|-p)[=\s]+(\S+)/ },
  { server: /\bwaitress-serve\s/, port: /\s--port[=\s]+(\S+)|\s--listen[=\s]+\S*:(\S+)/ },
  { server: /\buwsgi\s/, port: /\s--(?:http|http-socket|socket)[=\s]+\S*:(\S+)/ },
  { server: /\bflask\s+run\b/, port: /\s(?:--port|-p)[=\s]+(\S+)/ },
  { server: /\bmanage\.py\s+runserver\b/, port: /runserver\s+(?:\S*:)?(\d\S*|\$\S+)/ },
  { server: /\bpython3?\s+-m\s+http\.server\b/, port: /http\.server\s+(\S+)/ },
  { server: /\bnext\s+start\b/, port: /\s(?:--port|-p)[=\s]+(\S+)/ },
  { server: /\bphp\s+-S\s/, port: /-S\s+\S*:(\S+)/ },
  { server: /\b(?:rails\s+(?:server|s)|puma|rackup)\b/, port: /\s(?:--port|-p)[=\s]+(\S+)/ },
];

/** A start command that runs a server, with the port it gives, if any: a number, or an environment reference. */
export interface ServerCommand extends StartCommand {
  /** The port as written ("5001", "$PORT", "${PORT:-8080}"), or null when the command gives none. */
  port: string | null;
  /** The port is a number written into the command, not read from the environment. */
  literal: boolean;
}

/**
 * The service's start commands that run a server (uvicorn, gunicorn, flask run, next start...), each with its
 * port. A Kubernetes container's command or args replace the image's, so when a manifest starts a server the
 * Dockerfile's start commands are not listed.
 */
export const serverCommands = perFacts((facts): ServerCommand[] => {
  const found: ServerCommand[] = [];
  for (const start of startCommands(facts)) {
    const server = serverPort(start.command);
    if (server) found.push({ ...start, ...server });
  }
  return found.some((c) => c.from === "manifest") ? found.filter((c) => c.from !== "dockerfile") : found;
});

/** The port a command line starts a server on; null when it starts none of the servers above. */
export function serverPort(command: string): Pick<ServerCommand, "port" | "literal"> | null {
  const known = SERVERS.find((s) => s.server.test(command));
  if (!known) return null;
  const match = known.port.exec(command);
  const port =
    match
      ?.slice(1)
      .find((g) => g !== undefined)
      ?.replace(/^["']|["']$/g, "") ?? null;
  return { port, literal: port !== null && /^\d{2,5}$/.test(port) };
}
