import net from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * One HTTP/1.1 connection whose request a test writes piece by piece, e.g. to keep a request in
 * progress while the server is told to stop.
 */
export class RawHttpConnection {
  private received = Buffer.alloc(0);
  readonly closed: Promise<void>;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => (this.received = Buffer.concat([this.received, chunk])));
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawHttpConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host, () => resolve(new RawHttpConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(text: string): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(text, (error) => (error ? reject(error) : resolve())));
  }

  /**
   * Writes a POST's head with `Expect: 100-continue` and the first `sent` bytes of its body, and
   * resolves once the server has answered "100 Continue": it is then handling the request.
   */
  async startPost(port: number, path: string, body: string, sent: number, headers: Record<string, string> = {}): Promise<void> {
    const lines = [
      `POST ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Expect: 100-continue',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    await this.write(`${lines.join('\r\n')}\r\n\r\n`);
    await this.until(() => this.received.toString().startsWith('HTTP/1.1 100 Continue\r\n\r\n'));
    this.received = this.received.subarray('HTTP/1.1 100 Continue\r\n\r\n'.length);
    await this.write(body.slice(0, sent));
  }

  /** The first complete response on this connection. */
  async response(): Promise<RawResponse> {
    let parsed: RawResponse | undefined;
    await this.until(() => (parsed = this.parse()) !== undefined);
    return parsed!;
  }

  private async until(done: () => boolean): Promise<void> {
    while (!done()) {
      if (this.socket.destroyed || this.socket.readableEnded) throw new Error(`connection closed before a full response (${this.received.length} bytes)`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.socket.off('data', wake);
          this.socket.off('close', wake);
          resolve();
        };
        this.socket.on('data', wake);
        this.socket.on('close', wake);
      });
    }
  }

  private parse(): RawResponse | undefined {
    const end = this.received.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine, ...lines] = this.received.subarray(0, end).toString().split('\r\n');
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const rest = this.received.subarray(end + 4);
    const body = headers['transfer-encoding'] === 'chunked' ? dechunk(rest) : rest.subarray(0, Number(headers['content-length']));
    if (body === undefined || (headers['content-length'] && body.length < Number(headers['content-length']))) return undefined;
    return { status: Number(statusLine!.split(' ')[1]), headers, body: body.toString() };
  }
}

/** A chunked body, or undefined while its last chunk has not arrived. */
function dechunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.subarray(at, lineEnd).toString(), 16);
    if (size === 0) return Buffer.concat(parts);
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
