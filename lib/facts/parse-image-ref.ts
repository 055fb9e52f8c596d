/**
 * Splits an image reference into tag and digest: `registry:5000/team/api:1.2@sha256:ab..` →
 * tag "1.2", digest "sha256:ab..". A colon before the last slash is a registry port, not a tag.
 * `vars` resolves `$NAME` / `${NAME}` from ARGs declared before the first FROM, as Docker does.
 */
export function parseImageRef(opts: { ref: string; vars?: ReadonlyMap<string, string> }): {
  tag: string | null;
  digest: string | null;
} {
  const ref = opts.ref.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (whole, name: string) => opts.vars?.get(name) ?? whole);
  const at = ref.indexOf("@");
  const digest = at >= 0 ? ref.slice(at + 1) || null : null;
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const colon = name.lastIndexOf(":");
  const tag = colon > name.lastIndexOf("/") ? name.slice(colon + 1) || null : null;
  return { tag, digest };
}
