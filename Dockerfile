# syntax=docker/dockerfile:1
# ln-node-intelligence for self-hosters (docker-compose.yml) and for registries a Hostinger VPS pulls from
# (scripts/deploy-hostinger.sh). Build: docker build -t ln-node-intelligence:$(git rev-parse --short HEAD) .

# --- build: dev dependencies, nest build, then drop the dev dependencies ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV CI=true
COPY package.json package-lock.json ./
# --engine-strict: fail here, not at runtime, if this Node does not satisfy a package's engines (throttler needs >=20.19).
RUN npm ci --no-audit --no-fund --engine-strict
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: compiled code, production dependencies and the embedded graph, as the unprivileged `node` user ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8000
WORKDIR /app
# Owned by root and read-only to the app: the process needs to write nothing but stdout.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY data ./data
USER node
EXPOSE 8000
# Degraded answers 200 (the API still serves), unhealthy 503. 127.0.0.1 is let through the Host allow-list for
# health probes only. Node's fetch: the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=10s --retries=3 --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node itself as PID 1 receives SIGTERM from `docker stop` and shuts down gracefully (SHUTDOWN_TIMEOUT_MS).
CMD ["node", "dist/main"]
