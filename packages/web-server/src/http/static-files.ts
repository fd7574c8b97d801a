import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The file for a URL path under `root`, or undefined: no escaping the folder (`..`, encoded
 * slashes, NUL), no dot-files, regular files only.
 */
export async function findStaticFile(root: string, urlPath: string): Promise<{ file: string; size: number } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${decoded}`);
  if (!file.startsWith(base + path.sep)) return undefined;
  try {
    const info = await stat(file);
    return info.isFile() ? { file, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends a file. Files under an `assets/` folder have content hashes in their names (Vite) and are
 * cached for a year; HTML is never stored (it may show who is signed in); the rest is revalidated.
 */
export function sendStaticFile(res: ServerResponse, found: { file: string; size: number }, headOnly: boolean): void {
  const extension = path.extname(found.file).toLowerCase();
  const cacheControl = extension === '.html' ? 'no-store' : found.file.split(path.sep).includes('assets') ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'content-type': TYPES[extension] ?? 'application/octet-stream', 'content-length': found.size, 'cache-control': cacheControl });
  if (headOnly) {
    res.end();
    return;
  }
  createReadStream(found.file).pipe(res);
}
