import { randomBytes } from 'node:crypto';
import path from 'node:path';

import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type Config,
  createLogger,
  DEFAULT_TOKEN_LIFETIME_HOURS,
  ensureDatabase,
  issueToken,
  loadConfigOrExit,
  openOrm,
  scheduleIdempotencyPurge,
  startDatabase,
  stopOnSignals,
} from '@samspill/core';
import { startMailCatcher } from '@samspill/core/testkit';
import { createDirectoryServer, DEMO_USERS, directoryOrmSettings, scheduleOfferReminders, seedDemoData } from '@samspill/directory';
import { createReferralsNotifier, createReferralsServer, referralsOrmSettings, scheduleReferralJobs } from '@samspill/referrals';
import { startDevelopmentWeb, withDevelopmentIssuer } from '@samspill/web-server';

import { seedDemoReferrals } from './demo/demo-referrals.js';
import { createGatewayServer } from './gateway.js';

const DATABASE_NAME = 'samspill';

function step(message: string): void {
  process.stdout.write(`• ${message}\n`);
}

/**
 * The whole platform on one machine: an embedded PostgreSQL (or DATABASE_URL), both subgraphs'
 * migrations, demo data, the directory and referrals subgraphs and the gateway in front of them,
 * and a token per demo role to try it with.
 */
async function main(): Promise<void> {
  const loaded = loadConfigOrExit();
  // The subgraphs answer only the gateway: a secret made for this run unless one is configured.
  const config: Config = withDevelopmentIssuer({
    ...loaded,
    federation: { ...loaded.federation, gatewaySharedSecret: loaded.federation.gatewaySharedSecret ?? randomBytes(24).toString('base64url') },
  });
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'samspill');

  // What has been started, stopped in reverse on SIGINT/SIGTERM (also during the start): the
  // gateway first, so that the requests it still runs reach the subgraphs; the database last.
  const started: Array<() => unknown> = [];
  const shutdown = stopOnSignals(logger, config.http.shutdownGraceMs, async () => {
    step('Stopping: letting requests in progress finish');
    for (const stop of started.reverse()) await stop();
    step('Stopped');
  });

  step(config.database.url ? 'Connecting to the PostgreSQL in DATABASE_URL' : `Starting the embedded PostgreSQL (data in ${config.database.embeddedDir})`);
  const database = await startDatabase(config.database, logger);
  started.push(() => database.stop());
  database.onUnexpectedExit((reason) => {
    process.stderr.write(
      `\nThe embedded PostgreSQL stopped unexpectedly (${reason}), so Samspill cannot answer any request: stopping. ` + 'Start it again with "pnpm start".\n',
    );
    void shutdown(1);
  });
  if (!config.database.url) await ensureDatabase(database.serverUrl, DATABASE_NAME);
  const url = config.database.url ?? database.urlFor(DATABASE_NAME);

  step('Applying migrations (directory, referrals)');
  const directoryOrm = await openOrm(directoryOrmSettings(url));
  started.push(() => directoryOrm.close());
  const referralsOrm = await openOrm(referralsOrmSettings(url));
  started.push(() => referralsOrm.close());

  step((await seedDemoData(directoryOrm.em.fork())) ? 'Loaded the demo directory' : 'Demo directory already present');
  const seeded = await seedDemoReferrals(referralsOrm.em.fork() as EntityManager, directoryOrm.em.fork() as EntityManager, config.referrals);
  step(seeded ? 'Loaded the demo referrals' : 'Demo referrals already present');

  step('Starting the subgraphs and the gateway');
  const directory = await createDirectoryServer(directoryOrm, config, logger);
  started.push(() => directory.stop());
  const referrals = await createReferralsServer(referralsOrm, config, logger);
  started.push(() => referrals.stop());
  const directoryUrl = await directory.listen(config.http.directoryPort, config.http.host, 'DIRECTORY_PORT');
  const referralsUrl = await referrals.listen(config.http.referralsPort, config.http.host, 'REFERRALS_PORT');
  started.push(scheduleReferralJobs(referralsOrm, config.referrals, config.referrals.jobIntervalSeconds, logger));
  started.push(scheduleIdempotencyPurge(directoryOrm, logger));
  // Notifications: through SMTP_URL when set, else into an SMTP server of this run that keeps every message as a file.
  const maildir = path.resolve(path.dirname(config.database.embeddedDir), 'mail');
  const mail = config.notifications.smtpUrl ? null : await startMailCatcher({ host: '127.0.0.1', maildir });
  if (mail) started.push(() => mail.close());
  const notifier = createReferralsNotifier(referralsOrm, config, logger, { smtpUrl: mail?.url, workerId: 'dev' });
  if (notifier) {
    started.push(notifier.close);
    started.push(notifier.worker.schedule(Math.min(config.notifications.intervalSeconds, 5) * 1000));
  }
  // The directory's reminders to re-verify offers that are due, into the same mail.
  const reminders = scheduleOfferReminders(directoryOrm, config, logger, { smtpUrl: mail?.url });
  if (reminders) started.push(reminders.stop);
  // The committed supergraph (schema/supergraph.graphql), its subgraphs reached where they listen now.
  const gateway = await createGatewayServer(config, logger, { directory: directoryUrl, referrals: referralsUrl });
  started.push(() => gateway.stop());
  const gatewayUrl = await gateway.listen(config.http.gatewayPort, config.http.host, 'GATEWAY_PORT');
  const web = await startDevelopmentWeb(config, url, DEMO_USERS, logger);
  started.push(() => web.stop());

  const lifetimeHours = Math.min(DEFAULT_TOKEN_LIFETIME_HOURS, config.auth.maxTokenLifetimeSeconds / 3600);
  const lines = [
    `\nSamspill is running.\n\n  Web app: ${web.webUrl}  (GraphiQL: ${web.webUrl}/graphiql)`,
    `  Sign in there; the development issuer (${web.issuerUrl}) lists the demo users:`,
    ...DEMO_USERS.map((user) => `    ${user.role.padEnd(16)} ${user.label}`),
    `\n  GraphQL (gateway): ${gatewayUrl}`,
    `  subgraphs (answer only the gateway): ${directoryUrl}, ${referralsUrl}`,
    !notifier
      ? '\n  Notifications: off (NOTIFICATIONS_ENABLED=false).'
      : mail
        ? `\n  Notification e-mail: caught by the SMTP server at ${mail.url}, one file per message in ${path.join(maildir, 'new')}\n  (read the newest: ls -t ${path.join(maildir, 'new')} | head -1)`
        : `\n  Notification e-mail: sent through SMTP_URL.`,
    `\nDemo tokens (valid ${lifetimeHours} hours; send as "Authorization: Bearer <token>"):`,
  ];
  for (const user of DEMO_USERS) lines.push(`\n  ${user.role} — ${user.label}\n  ${await issueToken(config.auth, { ...user, lifetimeHours })}`);
  lines.push(
    `\nTry:\n  curl -s ${gatewayUrl} -H 'content-type: application/json' -d '{"query":"{ bydeler { code name } }"}'`,
    `\nMore examples are in the README. Press Ctrl+C to stop.\n`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : `an unexpected ${error === undefined ? 'failure without a reason' : `value: ${String(error)}`}`;
  process.stderr.write(`\nSamspill could not start: ${reason}\n`);
  process.exit(1);
});
