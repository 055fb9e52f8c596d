/** `postgres` from `docker.io/library/postgres:16.3-alpine@sha256:...`. */
export function imageRepository(image: string): string {
  const withoutDigest = image.split("@")[0] ?? image;
  const name = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
  return name.split(":")[0] ?? name;
}

/** `16` from `postgres:16.3-alpine`; null when the tag names no version. */
export function imageMajorVersion(image: string): string | null {
  const withoutDigest = image.split("@")[0] ?? image;
  const name = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
  const tag = name.includes(":") ? name.slice(name.indexOf(":") + 1) : "";
  return /^v?(\d+)/.exec(tag)?.[1] ?? null;
}

/** `ghcr.io/acme/api` from `ghcr.io/acme/api:1.2.0@sha256:...`: registry and path, no tag or digest. */
export function imageWithoutVersion(image: string): string {
  return (image.split("@")[0] ?? image).replace(/:[^/:]*$/, "");
}

/** Images that Helm or Kustomize fill in at render time: nothing to judge in the source. */
export function isTemplatedImage(image: string): boolean {
  return image.includes("{{") || image.includes("$(");
}
