import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

import { openOrm } from '@samspill/core';
import { createTestDatabase, RawHttpConnection, type TestDatabase } from '@samspill/core/testkit';

import { directoryOrmSettings } from '../orm.js';

const MAIN = path.resolve(__dirname, '../../dist/main.js');
const SECRET = 'graceful-shutdown-gateway-secret-0123456789';

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

/** The compiled production entry point of the directory subgraph, as a real process. */
class DirectoryProcess {
  private output = '';
  private waiters: Array<() => void> = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => this.take(chunk));
    child.stderr!.on('data', (chunk: Buffer) => this.take(chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(databaseUrl: string, env: Record<string, string> = {}): Promise<DirectoryProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        // As deployed: Apollo Server installs its own signal handlers unless NODE_ENV is test.
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        DATABASE_URL: databaseUrl,
        DIRECTORY_PORT: String(port),
        HOST: '127.0.0.1',
        AUTH_SIGNING_KEYS: 'k1=a-signing-secret-of-at-least-32-characters',
        GATEWAY_SHARED_SECRET: SECRET,
        IDEMPOTENCY_SECRET: 'an-idempotency-secret-of-at-least-32-characters',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new DirectoryProcess(child, port);
    await started.waitFor('directory subgraph ready');
    return started;
  }

  private take(chunk: Buffer): void {
    this.output += chunk.toString();
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves once the process has written `text` (its JSON log lines). */
  async waitFor(text: string): Promise<void> {
    while (!this.output.includes(text)) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`process ended before "${text}":\n${this.output}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        this.child.once('exit', () => resolve());
      });
    }
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

const QUERY = JSON.stringify({ query: '{ bydeler { code } }' });

/** The head of a complete keep-alive request (no 100-continue). */
function requestHead(port: number): string {
  return [
    'POST /graphql HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(QUERY)}`,
    `x-samspill-gateway: ${SECRET}`,
    'Connection: keep-alive',
    '',
    '',
  ].join('\r\n');
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/**
 * Whether new connections come to be refused. The listening socket closes on the event loop's next
 * turn after `server.close()`, and until then the kernel may still accept one: so a few tries.
 */
async function refusesConnections(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await refused(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('graceful shutdown of a real process (compiled directory subgraph)', () => {
  let database: TestDatabase;
  let running: DirectoryProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    const orm = await openOrm(directoryOrmSettings(database.url));
    await orm.close();
  });
  afterEach(() => running?.kill());
  afterAll(() => database.drop());

  it('on SIGTERM refuses new connections, closes idle ones, answers the request in progress in full, and exits 0', async () => {
    running = await DirectoryProcess.start(database.url);
    const { port } = running;

    // A keep-alive connection that has been answered once and now sits idle.
    const idle = await RawHttpConnection.open(port);
    await idle.write(requestHead(port) + QUERY);
    expect((await idle.response()).status).toBe(200);

    // A request in progress: its body arrives slowly, the second half only after the signal.
    const slow = await RawHttpConnection.open(port);
    const half = Math.floor(QUERY.length / 2);
    await slow.startPost(port, '/graphql', QUERY, half, { 'x-samspill-gateway': SECRET });

    running.child.kill('SIGTERM');
    await running.waitFor('stopping: no new connections');
    await idle.closed;
    expect(await refusesConnections(port)).toBe(true);

    await slow.write(QUERY.slice(half));
    const response = await slow.response();
    expect(response.status).toBe(200);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(response.body).data.bydeler).toContainEqual({ code: '030101' });
    expect(await running.exited).toEqual({ code: 0, signal: null });
  });

  it('cuts off a request that outlasts SHUTDOWN_GRACE_SECONDS, and still exits 0', async () => {
    running = await DirectoryProcess.start(database.url, { SHUTDOWN_GRACE_SECONDS: '0.5' });
    const stuck = await RawHttpConnection.open(running.port);
    await stuck.startPost(running.port, '/graphql', QUERY, 5, { 'x-samspill-gateway': SECRET });

    running.child.kill('SIGTERM');
    await running.waitFor('stopping: no new connections');
    await stuck.closed;
    await expect(stuck.response()).rejects.toThrow('connection closed before a full response');
    expect(await running.exited).toEqual({ code: 0, signal: null });
  });
});
