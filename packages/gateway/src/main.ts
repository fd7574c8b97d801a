import { assertDeployable, createLogger, loadConfigOrExit, stopOnSignals } from '@samspill/core';

import { createGatewayServer } from './gateway.js';

/** The gateway for production: subgraph URLs and the shared secret from the configuration. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  assertDeployable(config, { database: false, gatewaySecret: true });
  const logger = createLogger(config.logLevel, 'gateway');
  const server = await createGatewayServer(config, logger);
  const url = await server.listen(config.http.gatewayPort, config.http.host, 'GATEWAY_PORT');
  logger.info({ url }, 'gateway ready');
  stopOnSignals(logger, config.http.shutdownGraceMs, () => server.stop());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
