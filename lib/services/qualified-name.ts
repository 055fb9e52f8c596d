/**
 * A service's name that tells it apart from a same-named one elsewhere: `<repository>:<name>` (`acme/shop:api`),
 * or `<source>:<path>` for a service without a repository (one a cluster saw: `prod:payments/api`).
 */
export function qualifiedName(opts: { repository: string | null; source: string; name: string; path: string }): string {
  return opts.repository ? `${opts.repository}:${opts.name}` : `${opts.source}:${opts.path}`;
}
