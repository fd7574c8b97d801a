import type { DirectoryContext } from '../../context.js';
import type { OrganisationEntity } from './organisation.entity.js';

/** `_entities` for Organisation: organisations are public, like `organisation(id)`. */
export function resolveOrganisationReference(reference: { id: string }, ctx: DirectoryContext): OrganisationEntity | null | Promise<OrganisationEntity | null> {
  return ctx.loaders.organisation.load(reference.id);
}
