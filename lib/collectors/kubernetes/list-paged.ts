import { KubeApiError, type KubeClient } from "@/lib/collectors/kubernetes/request-kube";

/** The most objects one list request may ask for. */
export const PAGE_LIMIT = 500;

/**
 * Lists `path` page by page (limit ≤ 500 with continue) folding each item into an accumulator, so a big
 * cluster is never held in memory at once. An expired continue token (410 Gone) restarts the list from a
 * fresh accumulator, so the result is always one complete list.
 */
export async function listPaged<T>(opts: {
  client: KubeClient;
  path: string;
  accept?: string;
  labelSelector?: string;
  init: () => T;
  add: (acc: T, item: Record<string, unknown>) => void;
  /** Page size, capped at PAGE_LIMIT (tests page small lists with tiny pages). */
  pageLimit?: number;
  /** Restarts allowed after 410 before giving up (a cluster churning faster than we can page). */
  maxRestarts?: number;
}): Promise<T> {
  const maxRestarts = opts.maxRestarts ?? 3;
  for (let attempt = 0; ; attempt += 1) {
    const acc = opts.init();
    let cont: string | undefined;
    try {
      do {
        const query = new URLSearchParams({ limit: String(Math.min(opts.pageLimit ?? PAGE_LIMIT, PAGE_LIMIT)) });
        if (cont) query.set("continue", cont);
        if (opts.labelSelector) query.set("labelSelector", opts.labelSelector);
        const page = (await opts.client.get(`${opts.path}?${query}`, opts.accept)) as {
          items?: Record<string, unknown>[];
          metadata?: { continue?: string };
        };
        for (const item of page.items ?? []) opts.add(acc, item);
        cont = page.metadata?.continue || undefined;
      } while (cont);
      return acc;
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 410 && attempt < maxRestarts) continue;
      throw error;
    }
  }
}
