import type { Logger } from '../logging/logger.js';

/** Time beyond the grace period for closing pools and the rest before the process gives up. */
const CLOSE_MARGIN_MS = 10_000;

/**
 * Stops the process gracefully on SIGTERM or SIGINT: runs `stop` (which drains the HTTP servers
 * within `graceMs`, then closes pools) and exits 0, or 1 when `stop` fails or hangs. A second
 * signal while stopping changes nothing (a terminal's Ctrl-C reaches every process of the group,
 * and a process manager may forward it again). Returns the function that stops, for other causes.
 */
export function stopOnSignals(logger: Logger, graceMs: number, stop: () => Promise<void>): (exitCode?: number) => Promise<void> {
  let stopping: Promise<void> | undefined;
  const shutdown = (exitCode = 0): Promise<void> => {
    stopping ??= (async () => {
      const giveUp = setTimeout(() => {
        logger.error({ graceMs }, 'did not stop in time: exiting');
        process.exit(1);
      }, graceMs + CLOSE_MARGIN_MS);
      giveUp.unref();
      try {
        await stop();
        logger.info('stopped');
        process.exit(exitCode);
      } catch (error) {
        logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      }
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info({ signal }, 'already stopping');
      return;
    }
    logger.info({ signal, graceMs }, 'stopping: no new connections; requests in progress may finish');
    void shutdown(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return shutdown;
}
