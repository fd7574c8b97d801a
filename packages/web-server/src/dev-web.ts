import { randomBytes } from 'node:crypto';

import { type Config, DEFAULT_OIDC_CLAIMS, type Logger, openOrm } from '@samspill/core';

import { type DevIssuerUser, startDevIssuer } from './dev-issuer/dev-issuer.js';
import { webOrmSettings } from './orm.js';
import { createWebServer } from './web-server.js';

/**
 * The configuration of the development start: unless an issuer is configured, the development
 * issuer (on DEV_OIDC_PORT) signs users in, and the gateway and subgraphs accept its tokens.
 */
export function withDevelopmentIssuer(config: Config): Config {
  const devIssuer = `http://${config.http.host}:${config.web.devIssuerPort}`;
  return {
    ...config,
    auth: { ...config.auth, oidc: config.auth.oidc ?? { issuer: config.web.oidc.issuer ?? devIssuer, claims: DEFAULT_OIDC_CLAIMS } },
    web: {
      ...config.web,
      oidc: {
        ...config.web.oidc,
        issuer: config.web.oidc.issuer ?? devIssuer,
        clientSecret: config.web.oidc.clientSecret ?? randomBytes(24).toString('base64url'),
      },
    },
  };
}

/** Starts the development issuer (unless WEB_OIDC_ISSUER names another) and the web server. */
export async function startDevelopmentWeb(config: Config, databaseUrl: string, users: readonly DevIssuerUser[], logger: Logger) {
  const orm = await openOrm(webOrmSettings(databaseUrl));
  const external = config.web.oidc.issuer !== `http://${config.http.host}:${config.web.devIssuerPort}`;
  const issuer = external
    ? undefined
    : await startDevIssuer({
        host: config.http.host,
        port: config.web.devIssuerPort,
        audience: config.auth.audience,
        users,
        clients: [{ clientId: config.web.oidc.clientId, clientSecret: config.web.oidc.clientSecret!, webUrl: config.web.publicUrl }],
      });
  const web = createWebServer({ config, orm, logger });
  await web.listen(config.web.port, config.http.host);
  return {
    webUrl: config.web.publicUrl,
    issuerUrl: config.web.oidc.issuer!,
    async stop() {
      await web.stop();
      await issuer?.stop();
      await orm.close();
    },
  };
}
