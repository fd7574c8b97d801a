import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import { temporaryDataDir } from '@samspill/core';
import { RawHttpConnection } from '@samspill/core/testkit';

const DEV = path.resolve(__dirname, '../../dist/dev.js');
/** A start on a busy machine: initdb, migrations and demo data. */
const START_TIMEOUT_MS = 240_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `node packages/gateway/dist/dev.js` (what `pnpm start` runs after building) as a real process. */
class DevStart {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    env: Record<string, string>,
    readonly child: ChildProcess = spawn(process.execPath, [DEV], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }),
  ) {
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Resolves when the output holds `text`; rejects if the process ends first. */
  async waitFor(text: string): Promise<void> {
    let ended = false;
    void this.exited.then(() => (ended = true));
    while (!this.output.includes(text)) {
      if (ended) throw new Error(`the start ended before "${text}":\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

describe('the development start (compiled dev.js, embedded PostgreSQL)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  const starts: DevStart[] = [];
  const start = (overrides: Record<string, string> = {}) => {
    const dev = new DevStart({ ...env, ...overrides });
    starts.push(dev);
    return dev;
  };

  beforeAll(async () => {
    dataDir = await temporaryDataDir('samspill-dev-start-');
    env = {
      EMBEDDED_POSTGRES_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      GATEWAY_PORT: String(await freePort()),
      DIRECTORY_PORT: String(await freePort()),
      REFERRALS_PORT: String(await freePort()),
      // Other starts on the same machine (another checkout's test run) must not meet these either.
      WEB_PORT: String(await freePort()),
      DEV_OIDC_PORT: String(await freePort()),
    };
  });
  afterEach(() => starts.forEach((dev) => dev.kill()));
  afterAll(async () => {
    await Promise.all(starts.map((dev) => dev.exited));
    if (dataDir) await rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  it(
    'says which folder is in use when a second start shares it, and stops (exit 1) when its PostgreSQL dies',
    async () => {
      const first = start();
      await first.waitFor('Samspill is running.');
      expect(first.output).toContain('Demo tokens (valid 8 hours;');
      // Notification e-mail goes to the start's own SMTP server, into a folder beside the database's.
      expect(first.output).toContain(`one file per message in ${path.join(path.dirname(dataDir), 'mail', 'new')}`);

      // The port advice followed, the folder not: the message says what else to set.
      const second = start({ EMBEDDED_POSTGRES_PORT: String(await freePort()) });
      expect(await second.exited).toEqual({ code: 1, signal: null });
      expect(second.output).toContain(`The embedded PostgreSQL cannot start: another one is already using the data folder ${dataDir}.`);
      expect(second.output).toContain('set EMBEDDED_POSTGRES_DIR to another folder');
      expect(second.output).not.toContain('undefined');

      const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      expect(await first.exited).toEqual({ code: 1, signal: null });
      expect(first.output).toContain('The embedded PostgreSQL stopped unexpectedly (killed by SIGKILL)');
      expect(first.output).toContain('• Stopped');
    },
    START_TIMEOUT_MS,
  );

  it(
    'names the variable to set when a service port is taken',
    async () => {
      const holder = net.createServer();
      await new Promise<void>((resolve) => holder.listen(Number(env.DIRECTORY_PORT), '127.0.0.1', resolve));
      try {
        const dev = start();
        expect(await dev.exited).toEqual({ code: 1, signal: null });
        expect(dev.output).toContain(
          `Samspill could not start: Port ${env.DIRECTORY_PORT} is already in use: stop what uses it, or set DIRECTORY_PORT to a free port`,
        );
      } finally {
        await new Promise((resolve) => holder.close(resolve));
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    'on SIGINT (Ctrl-C) answers the request in progress, stops its PostgreSQL and exits 0',
    async () => {
      const dev = start();
      await dev.waitFor('Samspill is running.');
      const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

      // A request whose body the test sends in two parts, the second after the signal.
      const query = JSON.stringify({ query: '{ bydeler { code } }' });
      const port = Number(env.GATEWAY_PORT);
      const slow = await RawHttpConnection.open(port);
      await slow.startPost(port, '/graphql', query, 10);

      dev.child.kill('SIGINT');
      await dev.waitFor('• Stopping');
      await slow.write(query.slice(10));
      const response = await slow.response();
      expect(response.status).toBe(200);
      expect((JSON.parse(response.body) as { data: { bydeler: unknown[] } }).data.bydeler).toContainEqual({ code: '030101' });

      expect(await dev.exited).toEqual({ code: 0, signal: null });
      expect(dev.output).toContain('• Stopped');
      expect(() => process.kill(postmaster, 0)).toThrow();
    },
    START_TIMEOUT_MS,
  );
});
