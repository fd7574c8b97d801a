import { cpSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
const assetsDist = join(dirname(require.resolve('@oslokommune/punkt-assets/package.json')), 'dist');
const assetsVersion = (require('@oslokommune/punkt-assets/package.json') as { version: string }).version;

/** Where the bundled app serves Punkt's icons and animations (see src/punkt-offline.ts). */
export const PUNKT_ASSET_BASE = `/assets/punkt-${assetsVersion}/`;

/**
 * Punkt without a single request to Oslo's CDN: its CSS points fonts at a `../fonts/` folder it does
 * not ship and icons at the CDN, so both are rewritten to the files of `@oslokommune/punkt-assets`
 * (Vite then bundles them with hashed names); the icons and animations that Punkt's components fetch
 * at run time are copied into the build under PUNKT_ASSET_BASE.
 */
function punktOffline(): Plugin {
  let outDir = 'dist';
  return {
    name: 'samspill-punkt-offline',
    enforce: 'pre',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    transform(code, id) {
      if (!/punkt-css[\\/].*\.css$/.test(id.split('?')[0])) return null;
      const from = dirname(id.split('?')[0]);
      const fonts = relative(from, join(assetsDist, 'fonts')).split('\\').join('/');
      const icons = relative(from, join(assetsDist, 'icons')).split('\\').join('/');
      return code
        .replace(/url\((["']?)\.\.\/fonts\//g, `url($1${fonts}/`)
        .replace(/url\((["']?)https:\/\/punkt-cdn\.oslo\.kommune\.no\/[^/]+\/icons\//g, `url($1${icons}/`);
    },
    configureServer(server) {
      server.middlewares.use(PUNKT_ASSET_BASE, (req, res, next) => {
        const file = join(assetsDist, (req.url ?? '').split('?')[0]);
        if (!file.startsWith(assetsDist) || !existsSync(file)) return next();
        res.setHeader('Content-Type', file.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream');
        res.end(require('node:fs').readFileSync(file));
      });
    },
    writeBundle() {
      for (const folder of ['icons', 'animations']) {
        cpSync(join(assetsDist, folder), join(outDir, PUNKT_ASSET_BASE, folder), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  plugins: [punktOffline(), react()],
  define: { __PUNKT_ASSET_BASE__: JSON.stringify(PUNKT_ASSET_BASE) },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Small icons in Punkt's CSS become data: URIs (allowed by the CSP's img-src); the rest are files.
    assetsInlineLimit: 4096,
  },
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:4100',
      '/auth': 'http://127.0.0.1:4100',
    },
  },
});
