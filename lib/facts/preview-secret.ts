/**
 * The only form in which a secret-looking literal may be stored: at most its first 4 characters, then
 * `****`. Short values keep nothing, because 4 characters of an 8-character password is half of it;
 * only long values (tokens with well-known prefixes such as `AKIA`, `ghp_`, `sk_live_`) keep a prefix,
 * which helps a reader recognise the kind of credential without revealing it.
 */
export function previewSecret(opts: { value: string; keepPrefix?: boolean }): string {
  const keep = opts.keepPrefix !== false && opts.value.length >= 16 ? 4 : 0;
  return `${opts.value.slice(0, keep)}****`;
}
