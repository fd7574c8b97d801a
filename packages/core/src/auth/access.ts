import type { EntityManager } from '@mikro-orm/postgresql';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { Extensions, Field, type FieldOptions } from 'type-graphql';

import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors.js';
import { isAuthenticated, type Principal, type Role } from './principal.js';

type ReturnTypeFunc = Extract<Parameters<typeof Field>[0], (...args: never[]) => unknown>;

/** What every resolver of every subgraph receives; subgraphs add their loaders. */
export interface BaseContext {
  readonly principal: Principal;
  readonly em: EntityManager;
  readonly requestId: string;
}

/**
 * An explicit authorization decision for one GraphQL field. Every field of every object and
 * interface type carries one (a test walks the schema to make sure); a rule with a `check` is
 * enforced around the field's resolver (see `enforceAccess`), so it holds on root fields, nested
 * fields and `_entities` alike.
 */
export interface AccessRule {
  /** Recorded on the field as `extensions.access`, e.g. `roles:ORG_EDITOR,PLATFORM_ADMIN`. */
  readonly name: string;
  readonly check?: (root: unknown, context: BaseContext) => void;
}

function requireUser(principal: Principal): asserts principal is Extract<Principal, { kind: 'user' }> {
  if (!isAuthenticated(principal)) throw new UnauthenticatedError();
}

export const Access = {
  /** Anyone, signed in or not. On a root field the service still filters what each caller sees. */
  anyone: { name: 'anyone' } satisfies AccessRule,
  /**
   * Whoever may see the object may see this field. The object itself is only ever handed out by
   * services that filter by the caller (lists, single reads and `_entities` alike).
   */
  withParent: { name: 'with-parent' } satisfies AccessRule,
  /** Any signed-in role; anonymous callers get UNAUTHENTICATED. */
  authenticated: {
    name: 'authenticated',
    check: (_root, { principal }) => requireUser(principal),
  } satisfies AccessRule,
  /** One of these roles; other roles get FORBIDDEN. Scope on the data is checked by the service. */
  roles(...roles: Role[]): AccessRule {
    return {
      name: `roles:${roles.join(',')}`,
      check: (_root, { principal }) => {
        requireUser(principal);
        if (!roles.includes(principal.role)) throw new ForbiddenError(`This needs one of the roles ${roles.join(', ')}`);
      },
    };
  },
};

type AnyDecorator = (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => void;

/** Records the decision on the field and enforces it when it has a check. */
export function Allow(rule: AccessRule): MethodDecorator & PropertyDecorator {
  const decorator: AnyDecorator = (target, key, descriptor) => {
    // The check itself travels with the field (`extensions.accessCheck`), for `enforceAccess`.
    (Extensions(rule.check ? { access: rule.name, accessCheck: rule.check } : { access: rule.name }) as AnyDecorator)(target, key, descriptor);
  };
  return decorator as MethodDecorator & PropertyDecorator;
}

/** A field that whoever sees the object may see: `@Field` plus `@Allow(Access.withParent)`. */
export function VisibleField(returnType?: ReturnTypeFunc | FieldOptions, options?: FieldOptions): PropertyDecorator & MethodDecorator {
  const decorator: AnyDecorator = (target, key, descriptor) => {
    const field = typeof returnType === 'function' ? Field(returnType, options) : Field(returnType ?? options ?? {});
    (field as AnyDecorator)(target, key, descriptor);
    (Allow(Access.withParent) as AnyDecorator)(target, key, descriptor);
  };
  return decorator as PropertyDecorator & MethodDecorator;
}

type Resolvers = Record<string, Record<string, unknown>>;

/**
 * Puts each field's access check in front of its resolver, in the resolver map the executable
 * schema is built from: every field of every object type whose rule has a check (recorded by
 * `Allow` as `extensions.accessCheck`). The check runs synchronously before the resolver, so a
 * field that is synchronous stays synchronous (type-graphql's middlewares would make every checked
 * field a promise).
 */
export function enforceAccess(schema: GraphQLSchema, resolvers: Resolvers): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const check = field.extensions?.accessCheck as AccessRule['check'];
      if (typeof check !== 'function') continue;
      const fields = (resolvers[type.name] ??= {});
      const own = fields[field.name];
      if (own !== undefined && typeof own !== 'function') throw new Error(`${type.name}.${field.name}: only plain field resolvers can carry an access check`);
      const resolve = (own as GraphQLFieldResolver<unknown, BaseContext> | undefined) ?? defaultFieldResolver;
      const checked: GraphQLFieldResolver<unknown, BaseContext> = (root, args, context, info) => {
        check(root, context);
        return resolve(root, args, context, info);
      };
      fields[field.name] = checked;
    }
  }
}
