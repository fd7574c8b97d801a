import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The client's typed operations, checked against the committed supergraph: an operation that the
 * schema no longer supports fails `pnpm build` here (as in packages/web), before anything is compiled.
 */
const config: CodegenConfig = {
  schema: '../../schema/supergraph.graphql',
  documents: ['src/operations.ts'],
  ignoreNoDocuments: false,
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
