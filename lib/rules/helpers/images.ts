import type { ManifestObject, ServiceFacts } from "@/lib/facts/types";
import { perFacts } from "@/lib/rules/helpers/per-facts";

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

/** The tag of an image reference: null when it has none (implicit `latest`); the digest is ignored. */
export function imageTag(image: string): string | null {
  const withoutDigest = image.split("@")[0] ?? image;
  const name = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
  return name.includes(":") ? name.slice(name.indexOf(":") + 1) : null;
}

/** `@sha256:<64 hex>`: the one reference a registry cannot move. */
export function hasDigest(image: string): boolean {
  return /@sha256:[0-9a-f]{64}$/.test(image.trim());
}

// Tag words that name a channel or a branch, not a release: whatever was pushed last under that name.
const MOVING_TAG_WORDS = new Set([
  "latest",
  "stable",
  "mainline",
  "lts",
  "edge",
  "current",
  "rolling",
  "nightly",
  "canary",
  "snapshot",
  "main",
  "master",
  "develop",
  "dev",
  "head",
  "trunk",
]);

// Distribution release names: `debian:bookworm-slim` is Debian 12, `ubuntu:jammy` is 22.04.
const RELEASE_CODENAMES = new Set([
  "jessie",
  "stretch",
  "buster",
  "bullseye",
  "bookworm",
  "trixie",
  "xenial",
  "bionic",
  "focal",
  "jammy",
  "noble",
]);

/** A tag that names a moving channel or branch (`latest`, `stable-alpine`, `latest-cart`, `main`). */
export function isMovingTag(tag: string): boolean {
  return tag.split(/[-_.]/).some((word) => MOVING_TAG_WORDS.has(word.toLowerCase()));
}

/**
 * A tag that names a release: a version anywhere in it (`20`, `3.12-slim`, `2023-minimal`, `v2.4.2`,
 * `pg17-0.112.0`), a distribution codename (`bookworm-slim`) or a commit SHA, and no channel word. A major
 * version (`node:20`) counts: it is the usual way to pin a base image and moves only within a compatible line.
 * `alpine`, `slim`, `nonroot` or no tag at all name no release.
 */
export function isVersionedTag(tag: string | null): boolean {
  if (tag === null || tag === "" || isMovingTag(tag)) return false;
  if (/\d/.test(tag)) return true;
  return RELEASE_CODENAMES.has(tag.split(/[-_.]/)[0]?.toLowerCase() ?? "");
}

// Languages whose major version is not a compatibility line: `python:3` spans 3.6 to 3.13 and `golang:1` every Go
// release, so only major.minor (`python:3.12`, `golang:1.22`) names one.
const MINOR_IS_THE_LINE = new Set(["python", "pypy", "golang", "rust", "ruby", "php", "perl"]);

/**
 * Pinned: a version fixed elsewhere (`${TAG}`, `$(IMAGE)`, Helm `{{ }}`), a digest, or a tag naming a release
 * (`isVersionedTag`). A variant tag (`nonroot`) of a repository that carries the version in its name
 * (`distroless/static-debian12:nonroot`) pins the release line the same way.
 */
export function isPinnedImage(image: string): boolean {
  const trimmed = image.trim();
  if (trimmed.includes("$") || isTemplatedImage(trimmed)) return true;
  if (trimmed.includes("@sha256:")) return true;
  const tag = imageTag(trimmed);
  const repository = imageRepository(trimmed).toLowerCase();
  if (tag !== null && MINOR_IS_THE_LINE.has(repository) && /^v?\d+(?![.\d])/.test(tag)) return false;
  if (isVersionedTag(tag)) return true;
  return tag !== null && tag !== "" && !isMovingTag(tag) && /\d/.test(repository);
}

// Docker Hub official images: `image: redis` is a real pull of redis:latest, never a build placeholder.
const OFFICIAL_IMAGES = new Set([
  "alpine",
  "busybox",
  "ubuntu",
  "debian",
  "centos",
  "fedora",
  "nginx",
  "httpd",
  "haproxy",
  "traefik",
  "redis",
  "valkey",
  "memcached",
  "postgres",
  "mysql",
  "mariadb",
  "mongo",
  "cassandra",
  "couchdb",
  "elasticsearch",
  "rabbitmq",
  "zookeeper",
  "nats",
  "consul",
  "vault",
  "registry",
  "node",
  "python",
  "golang",
  "openjdk",
  "ruby",
  "php",
  "influxdb",
  "telegraf",
]);

/**
 * An image a build tool fills in at deploy time rather than a pull: a skaffold or Tilt artifact name (the bare
 * name the repository's build produces, `image: cartservice`, replaced by `registry/cartservice:<tag>@sha256:…`
 * when deployed) or a ko reference (`ko://…`). `artifacts` are the image names the build config lists; without
 * one, a bare untagged name that is the workload's or the service's own name and not an official
 * Docker Hub image is taken as such a placeholder.
 */
export function isBuildReference(image: string, opts: { names: readonly string[]; artifacts?: ReadonlySet<string> }): boolean {
  const trimmed = image.trim();
  if (trimmed.startsWith("ko://")) return true;
  const repository = trimmed.split("@")[0]?.replace(/:[^/:]*$/, "") ?? trimmed;
  if (opts.artifacts?.has(repository)) return true;
  if (/[/:@]/.test(trimmed) || OFFICIAL_IMAGES.has(trimmed.toLowerCase())) return false;
  return opts.names.some((name) => name.toLowerCase() === trimmed.toLowerCase());
}

/** Image names the service's skaffold configs build (`build.artifacts[].image`, profiles included). */
export const skaffoldArtifacts = perFacts((facts: ServiceFacts): ReadonlySet<string> => {
  const names = new Set<string>();
  for (const m of facts.manifests.filter((m: ManifestObject) => m.apiVersion.startsWith("skaffold/"))) {
    const profiles = Array.isArray(m.object.profiles) ? (m.object.profiles as unknown[]) : [];
    for (const config of [m.object, ...profiles]) {
      const build = isRecord(config) ? config.build : undefined;
      const artifacts = isRecord(build) && Array.isArray(build.artifacts) ? (build.artifacts as unknown[]) : [];
      for (const a of artifacts) if (isRecord(a) && typeof a.image === "string") names.add(a.image);
    }
  }
  return names;
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
