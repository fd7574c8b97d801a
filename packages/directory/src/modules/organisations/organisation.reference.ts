import type { DirectoryContext } from '../../context.js';
import type { OrganisationRow } from './organisation.row.js';

/** `_entities` for Organisation: organisations are public, like `organisation(id)`. */
export function resolveOrganisationReference(reference: { id: string }, ctx: DirectoryContext): OrganisationRow | null | Promise<OrganisationRow | null> {
  return ctx.loaders.organisation.load(reference.id);
}
