/**
 * A glob as a RegExp over service-relative POSIX paths: `**` spans directories, `*` and `?` stay within one name,
 * `{a,b}` picks one. A glob without `/` matches a file name at any depth (`.env*` finds `config/.env.local`).
 */
export function globToRegExp(glob: string): RegExp {
  const anywhere = !glob.includes("/");
  let source = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === "*" && glob[i + 1] === "*") {
      source += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "{") {
      braces += 1;
      source += "(?:";
    } else if (c === "}" && braces > 0) {
      braces -= 1;
      source += ")";
    } else if (c === "," && braces > 0) source += "|";
    else source += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${anywhere ? "(?:.*/)?" : ""}${source.replace(/^\//, "")}$`);
}
