import { readFile } from 'node:fs/promises';

import type { HsdsObject } from './hsds.export.js';
import type { HsdsDataset } from './hsds.import.js';

/** Every item of an HSDS API's paginated list (`{base}/{resource}?page=N`), page by page. */
async function allPages(base: string, resource: string, headers: Record<string, string>, progress: (line: string) => void): Promise<HsdsObject[]> {
  const items: HsdsObject[] = [];
  for (let page = 1; page <= 10_000; page++) {
    const url = `${base.replace(/\/$/, '')}/${resource}?page=${page}&per_page=100`;
    const response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const body = (await response.json()) as { contents?: HsdsObject[]; last_page?: boolean; total_pages?: number };
    if (!Array.isArray(body.contents)) throw new Error(`${url} is not an HSDS page (no contents)`);
    items.push(...body.contents);
    progress(`${resource}: page ${page}${body.total_pages ? ` of ${body.total_pages}` : ''}, ${items.length} read`);
    if (body.last_page !== false || body.contents.length === 0) break;
  }
  return items;
}

/**
 * An HSDS dataset from an HSDS API's base URL (its `/organizations` and `/services` lists, then
 * each service in full from `/services/{id}`), or from a JSON file: `{ organizations, services }`
 * of the HSDS full shapes, or a list of services (each with its `organization`).
 */
export async function readHsdsDataset(source: string, options: { token?: string; progress?: (line: string) => void } = {}): Promise<HsdsDataset> {
  const progress = options.progress ?? (() => {});
  if (/^https?:\/\//.test(source)) {
    const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
    const organizations = await allPages(source, 'organizations', headers, progress);
    const listed = await allPages(source, 'services', headers, progress);
    const services: HsdsObject[] = [];
    for (const item of listed) {
      const url = `${source.replace(/\/$/, '')}/services/${encodeURIComponent(String(item.id))}`;
      const response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      services.push((await response.json()) as HsdsObject);
      if (services.length % 50 === 0) progress(`services: ${services.length}/${listed.length} read in full`);
    }
    return { organizations, services };
  }
  const parsed = JSON.parse(await readFile(source, 'utf8')) as unknown;
  if (Array.isArray(parsed)) return { organizations: [], services: parsed as HsdsObject[] };
  if (parsed && typeof parsed === 'object' && Array.isArray((parsed as HsdsDataset).services)) {
    return { organizations: (parsed as HsdsDataset).organizations ?? [], services: (parsed as HsdsDataset).services };
  }
  throw new Error(`${source}: expected { "organizations": [...], "services": [...] } or a list of services`);
}
