# syntax=docker/dockerfile:1
# Recon's production image: one image for every role (api, worker, migrate,
# one-off CLI commands); the compose file picks the command.
#
#   docker build -t recon .
#   docker run --rm recon --help
#
# Stage 1 installs every dependency and builds the web app; stage 2 keeps the
# runtime dependencies only (tsx included: the sources are TypeScript run
# through it, there is no compile step) plus the built web app.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    RECON_DATA_DIR=/data \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --chown=root:root . .
COPY --from=build --chown=root:root /app/web/dist ./web/dist
# The sources stay owned by root and read-only to the process; only the data
# folder (embedded mode, dropped files) is writable by the unprivileged user.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only: the process answers. Readiness (the database answers) is
# /api/health/ready; the worker's compose service replaces this check with its
# metrics port's /livez.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/recon.mjs"]
CMD ["serve"]
