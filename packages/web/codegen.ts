import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations, checked against the committed supergraph: an operation that the schema no longer
 * supports fails `pnpm build` here, before any bundle is made.
 */
const config: CodegenConfig = {
  schema: '../../schema/supergraph.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  // Quiet when all is well; a broken operation is named with the schema's complaint.
  errorsOnly: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: { DateTimeISO: 'string' },
      },
    },
  },
};

export default config;
