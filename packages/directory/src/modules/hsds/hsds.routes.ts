import { type HttpRoute, isAuthenticated, isUuid, NotFoundError, ValidationError } from '@samspill/core';

import type { DirectoryContext } from '../../context.js';
import { HsdsExport, type HsdsListQuery, pageOf } from './hsds.export.js';
import { HSDS_TAXONOMIES, HSDS_TERMS } from './hsds-ids.js';

/** Where the HSDS API is served, through the gateway (forwarded to the directory). */
export const HSDS_PREFIX = '/hsds/';
export const HSDS_VERSION = '3.1';
const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 200;

/** The answer to `GET /hsds/`: the HSDS version and profile of this API (required by HSDS). */
export const HSDS_ROOT = {
  version: HSDS_VERSION,
  profile: 'https://docs.openreferral.org/en/3.1/',
  description:
    'Samspill: the directory of activities and help for people staying at Oslo crisis shelters, as HSDS 3.1. Anonymous callers get the public directory; a signed-in caller gets what their role may see.',
  publisher: { name: 'Samspill (Oslo kommune)' },
};

function integer(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw ValidationError.field(name, `must be a whole number from ${min} to ${max}`);
  return Number(raw);
}

function uuidParam(url: URL, name: string): string | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!isUuid(raw)) throw ValidationError.field(name, 'must be a UUID');
  return raw;
}

/** The list parameters of HSDS (`page`, `per_page`, `search`, `modified_after`, `taxonomy_term_id`, `organization_id`, `minimal`), checked. */
export function listQuery(url: URL): HsdsListQuery {
  const search = url.searchParams.get('search')?.trim() || undefined;
  if (search && search.length > 200) throw ValidationError.field('search', 'must be at most 200 characters');
  const modified = url.searchParams.get('modified_after');
  let modifiedAfter: Date | undefined;
  if (modified) {
    // An ISO 8601 date or date-time (with a zone or Z when it has a time).
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(modified) || Number.isNaN(Date.parse(modified))) {
      throw ValidationError.field('modified_after', 'must be an ISO 8601 date or date-time with a time zone, e.g. 2026-11-01T00:00:00Z');
    }
    modifiedAfter = new Date(modified);
  }
  const minimal = url.searchParams.get('minimal');
  if (minimal !== null && minimal !== 'true' && minimal !== 'false') throw ValidationError.field('minimal', 'must be true or false');
  return {
    page: integer(url, 'page', 1, 1, 1_000_000),
    perPage: integer(url, 'per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
    search,
    modifiedAfter,
    taxonomyTermId: uuidParam(url, 'taxonomy_term_id'),
    organizationId: uuidParam(url, 'organization_id'),
    minimal: minimal === 'true',
  };
}

function filtered<T extends { name: string; description: string }>(items: readonly T[], query: HsdsListQuery): T[] {
  const search = query.search?.toLocaleLowerCase('nb');
  return search ? items.filter((t) => `${t.name} ${t.description}`.toLocaleLowerCase('nb').includes(search)) : [...items];
}

/** One HSDS answer for a path below the prefix (`services`, `services/{id}`, …). */
export async function hsdsAnswer(ctx: DirectoryContext, path: string, url: URL): Promise<unknown> {
  const [resource, id, extra] = path.split('/').filter(Boolean);
  if (extra !== undefined) throw new NotFoundError('HSDS resource', path);
  const hsds = new HsdsExport(ctx);
  if (resource === undefined) return HSDS_ROOT;
  switch (resource) {
    case 'services':
      return id ? hsds.service(id) : hsds.services(listQuery(url));
    case 'organizations':
      return id ? hsds.organization(id) : hsds.organizations(listQuery(url));
    case 'service_at_locations':
      if (id) break;
      return hsds.serviceAtLocations(listQuery(url));
    case 'taxonomies': {
      if (id) return HSDS_TAXONOMIES.find((t) => t.id === id) ?? Promise.reject(new NotFoundError('Taxonomy', id));
      const query = listQuery(url);
      return pageOf(filtered(HSDS_TAXONOMIES, query), query, (items) => items.map((t) => ({ ...t })));
    }
    case 'taxonomy_terms': {
      if (id) return HSDS_TERMS.find((t) => t.id === id) ?? Promise.reject(new NotFoundError('Taxonomy term', id));
      const query = listQuery(url);
      const taxonomyId = uuidParam(url, 'taxonomy_id');
      const terms = filtered(HSDS_TERMS, query).filter((t) => !taxonomyId || t.taxonomy_id === taxonomyId);
      return pageOf(terms, query, (items) => items.map((t) => ({ ...t })));
    }
  }
  throw new NotFoundError('HSDS resource', path);
}

/**
 * The HSDS 3.1 API (Open Referral) under `/hsds/`: read through the request's context, so the
 * caller sees what the GraphQL API shows them (see HsdsExport). Anonymous answers may be cached
 * briefly by anyone; a signed-in caller's never.
 */
export const hsdsRoute: HttpRoute<DirectoryContext> = {
  prefix: HSDS_PREFIX,
  async handle({ res, url, context, principal, req }) {
    const path = url.pathname.length > HSDS_PREFIX.length ? url.pathname.slice(HSDS_PREFIX.length) : '';
    const body = JSON.stringify(await hsdsAnswer(await context(), path, url));
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': isAuthenticated(principal) ? 'private, no-store' : 'public, max-age=60',
      vary: 'authorization',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  },
};
