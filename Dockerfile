# syntax=docker/dockerfile:1
# prfaq-sim: one image for the API (`serve`, the default) and the worker (`worker`); see docs/deploy.md.
# Every path below is relative to WORKDIR: scripts/dockerfile-steps.sh runs these same steps in a clean
# directory where CI has no Docker engine, and starts the result.

# Production dependencies only (no TypeScript, tsx or esbuild); the npm cache stays in this stage.
# --omit=optional too: bull-board's valibot names TypeScript as an optional peer, which npm would keep
# (and msgpackr's native accelerator is only that).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund

# Build: all dependencies, compile to dist/, then pack exactly what `npm publish` would ship.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs scripts/
COPY bin/ bin/
COPY personas/ personas/
COPY src/ src/
RUN npm run build && npm pack --silent && mkdir -p pkg && tar -xzf prfaq-sim-*.tgz -C pkg

# Runtime: the packed package and the production dependencies, run as the image's unprivileged user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/pkg/package/ ./
COPY --from=deps /app/node_modules/ node_modules/
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/prfaq.js"]
CMD ["serve"]
