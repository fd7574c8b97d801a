/** The roles of design.md. Their scope travels in the token next to the role. */
export const ROLES = ['SHELTER_STAFF', 'ORG_EDITOR', 'BYDEL_INTEGRATOR', 'PLATFORM_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export type Principal =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      /** Stable id of the person or machine client (the token's `sub`). */
      readonly subject: string;
      readonly role: Role;
      /** The shelter (SHELTER_STAFF) or organisation (ORG_EDITOR) the role is scoped to. */
      readonly organisationId?: string;
      /** The bydel (BYDEL_INTEGRATOR) the role is scoped to; absent for a city-wide client. */
      readonly bydelCode?: string;
      /** The person's work e-mail (the token's `email` claim), where notifications about what they sent go; absent when the token has none. */
      readonly email?: string;
    };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });

export const isAuthenticated = (p: Principal): p is UserPrincipal => p.kind === 'user';
export const isAdmin = (p: Principal): boolean => p.kind === 'user' && p.role === 'PLATFORM_ADMIN';

/** Staff or editor of exactly this organisation (SHELTER_STAFF or ORG_EDITOR scope). */
export const belongsTo = (p: Principal, organisationId: string): boolean =>
  p.kind === 'user' && (p.role === 'SHELTER_STAFF' || p.role === 'ORG_EDITOR') && p.organisationId === organisationId;

/** May edit this organisation's offers: its own editors, and platform admins. */
export const mayEdit = (p: Principal, organisationId: string): boolean =>
  isAdmin(p) || (p.kind === 'user' && p.role === 'ORG_EDITOR' && p.organisationId === organisationId);
