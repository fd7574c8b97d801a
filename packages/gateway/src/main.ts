import { assertDeployable, createLogger, loadConfigOrExit } from '@samspill/core';

import { createGatewayServer } from './gateway.js';

/** The gateway for production: subgraph URLs and the shared secret from the configuration. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  assertDeployable(config, { database: false, gatewaySecret: true });
  const logger = createLogger(config.logLevel, 'gateway');
  const server = await createGatewayServer(config, logger);
  const url = await server.listen(config.http.gatewayPort, config.http.host);
  logger.info({ url }, 'gateway ready');
  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
