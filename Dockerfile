# syntax=docker/dockerfile:1
# Multi-stage: dependencies (with the generated Prisma client) are built once, then the Mini App's page
# and the engine's build (what `npm install`'s postinstall makes; its scripts need the sources, which this
# stage does not have yet); the runtime runs as a non-root user, applies migrations at start, then the bot.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npx --no-install prisma generate

FROM deps AS build
COPY tsconfig.json ./
COPY client ./client
COPY scripts ./scripts
COPY src ./src
RUN npm run build:client && npm run build:engine

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production DATA_DIR=/data PORT=8080
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown node:node /data
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY --chown=node:node prisma ./prisma
COPY --chown=node:node bin ./bin
COPY --chown=node:node src ./src
COPY --from=deps --chown=node:node /app/src/generated ./src/generated
# After the sources, so that the engine's build is newer than every source it lists (worker-entry.ts).
COPY --from=build --chown=node:node /app/dist ./dist
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
CMD ["sh", "-c", "node bin/seimbang.js migrate && exec node --import tsx src/main.ts"]
