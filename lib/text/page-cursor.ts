/**
 * Cursors of the v1 API's pages: what a page needs to resume, as base64url JSON. Clients treat a cursor as
 * opaque (they pass `nextCursor` back); only Dozen's own code reads or builds one, so its content can change
 * without a new API version. Plain `btoa`/`atob`, so the browser's heatmap builds the same cursors.
 */
export function encodeCursor(position: Record<string, string | number>): string {
  const bytes = new TextEncoder().encode(JSON.stringify(position));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** The position a cursor holds, or null for anything that is not one of ours (a hand-made or damaged cursor). */
export function decodeCursor(cursor: string): Record<string, unknown> | null {
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The cursor of the page that starts `offset` rows in: how the heatmap asks for page N of the services list. */
export function offsetCursor(offset: number): string {
  return encodeCursor({ o: offset });
}
