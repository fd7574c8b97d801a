// Bundles GraphiQL (React, Monaco and its workers) into dist/graphiql, served by the web server at
// /graphiql: every file from this origin, nothing from a CDN.
import path from 'node:path';

import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: '/graphiql/',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(here, '../dist/graphiql'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
    rollupOptions: {
      // framer-motion's "use client" markers mean nothing outside React Server Components.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
