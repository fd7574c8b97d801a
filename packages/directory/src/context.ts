import type { BaseContext } from '@samspill/core';

import type { DirectoryLoaders } from './loaders.js';

/** What every directory resolver receives: the caller, one entity manager fork, one set of loaders. */
export interface DirectoryContext extends BaseContext {
  readonly loaders: DirectoryLoaders;
}
