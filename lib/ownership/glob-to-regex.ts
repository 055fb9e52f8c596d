/**
 * A glob as ownership rules write it, case-insensitive: `*` and `?` stay within a `/` segment, `**` crosses
 * segments, and a trailing `/**` also matches the folder itself (`services/pay/**` matches `services/pay`).
 */
export function globToRegex(opts: { glob: string }): RegExp {
  let glob = opts.glob.trim();
  let suffix = "";
  if (glob.endsWith("/**")) {
    glob = glob.slice(0, -3);
    suffix = "(?:/.*)?";
  }
  const body = glob
    .split(/(\*\*|\*|\?)/)
    .map((part) => {
      if (part === "**") return ".*";
      if (part === "*") return "[^/]*";
      if (part === "?") return "[^/]";
      return part.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${body}${suffix}$`, "i");
}
