import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphQLResponse<TData = any> {
  readonly status: number;
  /** `errors` is loosely typed so that tests can read what they expect without guards. */
  readonly body: { data?: TData | null; errors?: any };
}

/** Serves a request handler on an ephemeral loopback port and posts GraphQL operations to it. */
export class TestGraphQLClient {
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async serve(handler: http.RequestListener): Promise<TestGraphQLClient> {
    const server = http.createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestGraphQLClient(server, `http://127.0.0.1:${port}/graphql`);
  }

  async request<TData = any>(
    query: string,
    options: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponse<TData>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables }) });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<TData>['body'] };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
