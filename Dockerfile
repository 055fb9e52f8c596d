# Dozen's container image: one build for every process type (twelve-factor V and VIII), chosen by the argument
# bin/dozen-process takes; config comes from the environment only (README "Configuration", DATABASE_URL at least).
#   docker run IMAGE              web: the Next.js standalone server on $PORT (3000), bound to $HOST
#   docker run IMAGE worker       takes scan jobs from pg-boss
#   docker run IMAGE migrate      admin step: Prisma migrations and pg-boss's schema, then exits
#   docker run IMAGE seed-demo    admin step: registers the bundled demo fleet on an empty database
# Kubernetes manifests: deploy/kubernetes (deploy/README.md). Build with BuildKit (Docker 25 or later), linux/amd64:
#   docker build -t dozen:0.1.0 .
# test/deploy/dockerfile.test.ts asserts what this file promises; e2e/ops/image.spec.ts runs the final stage's
# files and entrypoint, as the image lays them out, against a real PostgreSQL.

# Node 20.20.2 on Debian bookworm: the version package.json's engines (>=20.19) admit and development and CI run.
# Pinned by the digest of the tag's multi-platform index. It was not resolved from the machine this file was
# written on, which reaches no registry: it is the digest public build logs and pinned Dockerfiles record for
# node:20.20.2-bookworm-slim. Check it before the first release:
#   docker buildx imagetools inspect node:20.20.2-bookworm-slim
FROM node:20.20.2-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS base
WORKDIR /app
# No telemetry or update checks from Next.js or the Prisma CLI.
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

# Production dependencies only, as the lockfile pins them. `npm install`, not `npm ci`: the lockfile lacks other
# platforms' optional packages (README). No install scripts: the Prisma client is generated in the build stage,
# and the embedded PostgreSQL's script serves `npm start` on a workstation, never this image.
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm install --omit=dev --ignore-scripts --no-audit --no-fund

# Every dependency, the Prisma client, then the standalone build (next.config.ts: output "standalone").
FROM base AS build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm install --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx prisma generate && npm run build
# Tests and their fixtures (some hold fake credentials on purpose) stay out of the image.
RUN find lib workers scripts -name '*.test.ts' -delete && find lib -type d -name fixtures -prune -exec rm -rf {} +

FROM base AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
# kubectl renders the Kustomize directories of the repositories a worker scans, offline. The release binary,
# checked against the sha256 dl.k8s.io publishes beside it (recorded from public pins, not fetched from here).
ADD --checksum=sha256:10d739e9af8a59c9e7a730a2445916e04bc9cbb44bc79d22ce460cd329fa076c --chmod=755 \
    https://dl.k8s.io/release/v1.32.4/bin/linux/amd64/kubectl /usr/local/bin/kubectl
# worker, migrate and seed-demo run from source with tsx, like `npm run worker` does (tsconfig.json maps `@/`).
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/tsconfig.json /app/prisma.config.ts ./
COPY --from=build /app/lib ./lib
COPY --from=build /app/workers ./workers
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/examples/fleet ./examples/fleet
# web: the standalone server with the node_modules it traced, plus what it serves but does not copy itself.
COPY --from=build /app/.next/standalone ./web
COPY --from=build /app/.next/static ./web/.next/static
COPY --from=build /app/public ./web/public
# /api/readyz compares the applied migrations with these (the server's working directory is web/).
COPY --from=build /app/prisma/migrations ./web/prisma/migrations
COPY --chmod=755 bin/dozen-process ./bin/dozen-process
# The base image's `node` user, by number so Kubernetes can verify runAsNonRoot. Everything above stays
# root-owned and read-only to it; the pods mount emptyDirs where it writes (deploy/kubernetes).
USER 1000:1000
EXPOSE 3000
ENTRYPOINT ["/app/bin/dozen-process"]
CMD ["web"]
