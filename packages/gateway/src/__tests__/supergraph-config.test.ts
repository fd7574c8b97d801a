import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { createLogger, parseConfig } from '@samspill/core';

import { createGatewayServer } from '../gateway.js';
import { COMMITTED_SUBGRAPHS, COMMITTED_SUPERGRAPH_PATH, composeSupergraph, supergraphSubgraphs } from '../supergraph.js';

/*
 * The gateway serves a supergraph composed beforehand, for the subgraphs in GATEWAY_SUBGRAPHS, and
 * imports none of the subgraphs' code. A supergraph that does not hold exactly the configured
 * subgraphs, or a list without the subgraph a forwarded route needs, stops the start with a reason.
 */
const root = path.resolve(__dirname, '../../../..');
const run = promisify(execFile);
const logger = createLogger('silent', 'supergraph-config-test');
const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const committed = () => Promise.all(COMMITTED_SUBGRAPHS.map(async (s) => ({ ...s, sdl: await readFile(path.join(root, s.sdlFile), 'utf8') })));
const EXTRA_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Bydel @key(fields: "code") { code: String! extraNote: String }`;

describe('the gateway and its configured subgraphs', () => {
  it('loads no subgraph code at run time: the built gateway and its entry point require neither directory nor referrals', async () => {
    const probe = `require(${JSON.stringify(path.join(root, 'packages/gateway/dist/gateway.js'))});
      require(${JSON.stringify(path.join(root, 'packages/gateway/dist/supergraph.js'))});
      console.log(JSON.stringify(Object.keys(require.cache)))`;
    const { stdout } = await run(process.execPath, ['-e', probe], { cwd: root });
    const loaded: string[] = JSON.parse(stdout);
    expect(loaded.some((file) => file.includes(`${path.sep}gateway${path.sep}dist${path.sep}gateway.js`))).toBe(true);
    expect(loaded.filter((file) => /packages[/\\](directory|referrals|web-server)[/\\]/.test(file))).toEqual([]);
    const main = await readFile(path.join(root, 'packages/gateway/src/main.ts'), 'utf8');
    expect([...main.matchAll(/from '([^']+)'/g)].map((m) => m[1])).toEqual(['@samspill/core', './gateway.js']);
  });

  it('serves the committed supergraph by default, each subgraph at its configured URL', async () => {
    const server = await createGatewayServer(config, logger, [
      { name: 'directory', url: 'http://127.0.0.1:1/graphql' },
      { name: 'referrals', url: 'http://127.0.0.1:2/graphql' },
    ]);
    await server.listen(0, '127.0.0.1');
    await server.stop();
    expect(supergraphSubgraphs(await readFile(COMMITTED_SUPERGRAPH_PATH, 'utf8')).map((s) => s.name)).toEqual(['directory', 'referrals']);
  });

  it('refuses to start when the supergraph lacks a configured subgraph, or holds one that is not configured', async () => {
    const three = [...config.federation.subgraphs, { name: 'grunerlokka', url: 'http://127.0.0.1:4010/graphql' }];
    await expect(createGatewayServer(config, logger, three)).rejects.toThrow(
      /supergraph .*schema\/supergraph\.graphql \(subgraphs: directory, referrals\) does not match GATEWAY_SUBGRAPHS \(directory, referrals, grunerlokka\)[^]*- grunerlokka is in GATEWAY_SUBGRAPHS but not in the supergraph/,
    );
    const supergraphSdl = composeSupergraph([...(await committed()), { name: 'grunerlokka', url: 'http://127.0.0.1:4010/graphql', sdl: EXTRA_SDL }]);
    await expect(createGatewayServer(config, logger, config.federation.subgraphs, { supergraphSdl })).rejects.toThrow(
      /- grunerlokka is in the supergraph but not in GATEWAY_SUBGRAPHS/,
    );
    const server = await createGatewayServer(config, logger, three, { supergraphSdl });
    await server.listen(0, '127.0.0.1');
    await server.stop();
  });

  it('refuses to start without the subgraph a forwarded route (/hsds/, /calendar/) goes to', async () => {
    await expect(createGatewayServer(config, logger, [{ name: 'referrals', url: 'http://127.0.0.1:2/graphql' }])).rejects.toThrow(
      /GATEWAY_SUBGRAPHS: the gateway forwards plain HTTP routes to subgraphs it does not list[^]*\/hsds\/ is served by the directory subgraph; add directory=<its URL>/,
    );
  });

  it('reads GATEWAY_SUPERGRAPH_FILE, and says which file it cannot read', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'samspill-supergraph-'));
    const file = path.join(dir, 'supergraph.graphql');
    await writeFile(file, composeSupergraph([...(await committed()), { name: 'extra', url: 'http://127.0.0.1:4010/graphql', sdl: EXTRA_SDL }]));
    const withFile = parseConfig({ NODE_ENV: 'test', GATEWAY_SUPERGRAPH_FILE: file });
    await expect(createGatewayServer(withFile, logger)).rejects.toThrow(/- extra is in the supergraph but not in GATEWAY_SUBGRAPHS/);
    const missing = parseConfig({ NODE_ENV: 'test', GATEWAY_SUPERGRAPH_FILE: path.join(dir, 'nowhere.graphql') });
    await expect(createGatewayServer(missing, logger)).rejects.toThrow(/GATEWAY_SUPERGRAPH_FILE: cannot read the supergraph .*nowhere\.graphql/);
    await writeFile(file, 'type Query { hello: String }');
    await expect(createGatewayServer(withFile, logger)).rejects.toThrow(/not a supergraph Apollo Gateway can serve/);
  });

  it('the compose CLI composes the committed SDL files into the committed supergraph, and lists composition errors', async () => {
    const cli = path.join(root, 'packages/gateway/dist/cli/compose-supergraph.js');
    const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'test', GATEWAY_SUBGRAPHS: COMMITTED_SUBGRAPHS.map((s) => `${s.name}=${s.url}`).join(',') };
    const sdlArgs = COMMITTED_SUBGRAPHS.flatMap((s) => ['--sdl', `${s.name}=${s.sdlFile}`]);
    const { stdout } = await run(process.execPath, [cli, ...sdlArgs], { cwd: root, env });
    const withoutBanner = (text: string) => text.replace(/^(#.*\n)+\n/, '');
    expect(withoutBanner(stdout)).toBe(withoutBanner(await readFile(COMMITTED_SUPERGRAPH_PATH, 'utf8')));
    expect(stdout).toMatch(/^# Composed by .*\n# {3}directory http:\/\/127\.0\.0\.1:4001\/graphql \(SDL from schema\/directory\.graphql\)/);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'samspill-compose-'));
    const clash = path.join(dir, 'clash.graphql');
    await writeFile(
      clash,
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Bydel @key(fields: "code") { code: String! name: Int }`,
    );
    const failed = await run(process.execPath, [cli, ...sdlArgs, '--sdl', `clash=${clash}`], {
      cwd: root,
      env: { ...env, GATEWAY_SUBGRAPHS: `${env.GATEWAY_SUBGRAPHS},clash=http://127.0.0.1:4010/graphql` },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^The subgraphs do not compose:\n {2}- .*Bydel\.name/) });
  });
});
