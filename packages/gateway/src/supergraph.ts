import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { GATEWAY_SECRET_HEADER, type SubgraphEndpoint } from '@samspill/core';
import { parse } from 'graphql';

/** The committed supergraph (directory and referrals), relative to the repository root. */
export const SUPERGRAPH_SDL_FILE = 'schema/supergraph.graphql';

/** The committed supergraph's absolute path: the same from `src/` (tests) and `dist/` (built). */
export const COMMITTED_SUPERGRAPH_PATH = path.resolve(__dirname, '../../..', SUPERGRAPH_SDL_FILE);

/** The subgraphs `schema/supergraph.graphql` is composed from, with the development URLs it records. */
export const COMMITTED_SUBGRAPHS: ReadonlyArray<SubgraphEndpoint & { readonly sdlFile: string }> = [
  { name: 'directory', url: 'http://127.0.0.1:4001/graphql', sdlFile: 'schema/directory.graphql' },
  { name: 'referrals', url: 'http://127.0.0.1:4002/graphql', sdlFile: 'schema/referrals.graphql' },
];

/** A subgraph to compose: its name and URL, and its SDL (`_service { sdl }`, or a committed file). */
export interface SubgraphSdl extends SubgraphEndpoint {
  readonly sdl: string;
}

/** The subgraphs' SDL do not compose, or a supergraph is not one; `problems` lists each reason. */
export class SupergraphError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length ? `${message}:\n${problems.map((p) => `  - ${p}`).join('\n')}` : message);
    this.name = 'SupergraphError';
  }
}

/**
 * Composes the supergraph from the subgraphs' SDL with @apollo/composition (Rover is a downloaded
 * binary and is not used). Fails with every composition error at once.
 */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): string {
  const typeDefs = subgraphs.map(({ name, url, sdl }) => {
    try {
      return { name, url, typeDefs: parse(sdl) };
    } catch (error) {
      throw new SupergraphError(`The SDL of subgraph ${name} is not GraphQL`, [(error as Error).message]);
    }
  });
  const result = composeServices(typeDefs);
  if (result.errors)
    throw new SupergraphError(
      'The subgraphs do not compose',
      result.errors.map((e) => e.message),
    );
  return result.supergraphSdl;
}

/** The supergraph as committed: with its "generated" banner, trimmed, one final newline. */
export function printSupergraphSdl(subgraphs: readonly SubgraphSdl[], banner: string): string {
  return `${banner}${composeSupergraph(subgraphs).trim()}\n`;
}

/**
 * A running subgraph's SDL, as federation publishes it (`{ _service { sdl } }`), asked with the
 * gateway secret (the subgraphs answer only the gateway).
 */
export async function fetchSubgraphSdl(subgraph: SubgraphEndpoint, secret: string | undefined): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret) headers[GATEWAY_SECRET_HEADER] = secret;
  const ask = () =>
    fetch(subgraph.url, { method: 'POST', headers, body: JSON.stringify({ query: '{ _service { sdl } }' }), signal: AbortSignal.timeout(10_000) });
  // A kept-alive connection the subgraph closed as it was reused fails at once (ECONNRESET); the question is a read, so once more.
  const response = await ask()
    .catch(ask)
    .catch((error: unknown) => {
      const cause = (error as Error & { cause?: Error }).cause;
      throw new SupergraphError(`Subgraph ${subgraph.name} cannot be reached at ${subgraph.url}`, [
        [(error as Error).message, cause?.message].filter(Boolean).join(': '),
      ]);
    });
  const body = (await response.json().catch(() => undefined)) as { data?: { _service?: { sdl?: string } } } | undefined;
  const sdl = body?.data?._service?.sdl;
  if (!response.ok || typeof sdl !== 'string') {
    const hint = response.status === 403 ? ' (it refused the gateway secret: set the same GATEWAY_SHARED_SECRET)' : '';
    throw new SupergraphError(`Subgraph ${subgraph.name} at ${subgraph.url} did not give its SDL: HTTP ${response.status}${hint}`);
  }
  return sdl;
}

/** Composes the supergraph from running subgraphs (development, tests, and the compose CLI). */
export async function composeFromRunningSubgraphs(subgraphs: readonly SubgraphEndpoint[], secret: string | undefined): Promise<string> {
  const sdls = await Promise.all(subgraphs.map(async (subgraph) => ({ ...subgraph, sdl: await fetchSubgraphSdl(subgraph, secret) })));
  return composeSupergraph(sdls);
}

/** The subgraphs a supergraph was composed from (its `join__Graph` values), in its order. */
export function supergraphSubgraphs(supergraphSdl: string): SubgraphEndpoint[] {
  try {
    return Supergraph.build(supergraphSdl)
      .subgraphsMetadata()
      .map(({ name, url }) => ({ name, url }));
  } catch (error) {
    throw new SupergraphError('This is not a supergraph Apollo Gateway can serve', [(error as Error).message]);
  }
}

/** The supergraph file the gateway serves: GATEWAY_SUPERGRAPH_FILE (relative to the working directory), else the committed one. */
export async function readSupergraphFile(file: string | undefined): Promise<{ readonly file: string; readonly sdl: string }> {
  const resolved = file ? path.resolve(file) : COMMITTED_SUPERGRAPH_PATH;
  try {
    return { file: resolved, sdl: await readFile(resolved, 'utf8') };
  } catch (error) {
    throw new SupergraphError(`GATEWAY_SUPERGRAPH_FILE: cannot read the supergraph ${resolved}`, [(error as Error).message]);
  }
}

/**
 * The served supergraph must hold exactly the configured subgraphs: one configured but not
 * composed would never be asked, one composed but not configured would have nowhere to go. The
 * URLs the supergraph records are not used: each subgraph is reached at its configured URL, so one
 * supergraph file serves every environment (as the Apollo Router's `override_subgraph_url`).
 * Returns the subgraphs whose recorded URL differs, for the log.
 */
export function checkSupergraphSubgraphs(supergraphSdl: string, configured: readonly SubgraphEndpoint[], source: string): SubgraphEndpoint[] {
  const composed = supergraphSubgraphs(supergraphSdl);
  const composedNames = new Set(composed.map((s) => s.name));
  const configuredNames = new Set(configured.map((s) => s.name));
  const problems = [
    ...configured.filter((s) => !composedNames.has(s.name)).map((s) => `${s.name} is in GATEWAY_SUBGRAPHS but not in the supergraph`),
    ...composed.filter((s) => !configuredNames.has(s.name)).map((s) => `${s.name} is in the supergraph but not in GATEWAY_SUBGRAPHS`),
  ];
  if (problems.length) {
    throw new SupergraphError(
      `The supergraph ${source} (subgraphs: ${[...composedNames].join(', ')}) does not match GATEWAY_SUBGRAPHS (${[...configuredNames].join(', ')}); ` +
        'compose it again from the configured subgraphs (packages/gateway/dist/cli/compose-supergraph.js) or correct GATEWAY_SUBGRAPHS',
      problems,
    );
  }
  const urls = new Map(configured.map((s) => [s.name, s.url]));
  return composed.filter((s) => urls.get(s.name) !== s.url).map((s) => ({ name: s.name, url: urls.get(s.name)! }));
}
