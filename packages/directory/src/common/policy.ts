import type { FilterQuery } from '@mikro-orm/core';
import type { Principal } from '@samspill/core';

/**
 * A rule about rows, written once and read three ways: as a MikroORM filter (lists), as SQL over a
 * table alias (hand-written loader statements) and as a predicate over a row in memory (single
 * reads, `_entities`, edits). The forms cannot drift apart, because each is derived from the same
 * condition; `__tests__/policy-agreement.int.test.ts` proves it on generated rows and callers.
 */
export type Condition<R> =
  | { readonly kind: 'always' }
  | { readonly kind: 'never' }
  | { readonly kind: 'is'; readonly field: PolicyField<R>; readonly value: string }
  /** The column holds a moment not before `value` (e.g. verified since the stale cut-off). */
  | { readonly kind: 'notBefore'; readonly field: PolicyField<R>; readonly value: Date }
  | { readonly kind: 'and' | 'or'; readonly of: ReadonlyArray<Condition<R>> };

/** A column a rule reads: its property (for MikroORM), its column (for SQL) and how a row holds it. */
export interface PolicyField<R> {
  readonly property: string;
  readonly column: string;
  readonly of: (row: R) => unknown;
}

export const ALWAYS: { readonly kind: 'always' } = { kind: 'always' };
export const NEVER: { readonly kind: 'never' } = { kind: 'never' };
export const is = <R>(field: PolicyField<R>, value: string): Condition<R> => ({ kind: 'is', field, value });
export const notBefore = <R>(field: PolicyField<R>, value: Date): Condition<R> => ({ kind: 'notBefore', field, value });

/**
 * The moment a rule is read at, for rules that depend on time (an offer not verified since
 * `staleBefore` is stale and left out for anonymous callers). One per request, from the server's
 * clock and the freshness settings (`policyTimeOf`), so that a list, its loaders and its single
 * reads decide alike.
 */
export interface PolicyTime {
  readonly now: Date;
  readonly staleBefore: Date;
}

export function policyTimeOf(now: Date, freshness: { readonly offerStaleAfterDays: number }): PolicyTime {
  return { now, staleBefore: new Date(now.getTime() - freshness.offerStaleAfterDays * 24 * 60 * 60 * 1000) };
}

/** For a rule that reads the time: the caller's site must pass it (a missing one is a programming error, and fails closed). */
export function requireTime(time: PolicyTime | undefined): PolicyTime {
  if (!time) throw new Error('this visibility rule depends on the time: pass the request’s policy time (ctx.policyTime)');
  return time;
}
export const and = <R>(...of: Condition<R>[]): Condition<R> => ({ kind: 'and', of });
export const or = <R>(...of: Condition<R>[]): Condition<R> => ({ kind: 'or', of });

/** A rule's three forms (see `Condition`). */
export interface Policy<R, E = R> {
  /** The rule for this caller, as a condition (`time` for rules that depend on it). */
  readonly condition: (principal: Principal, time?: PolicyTime) => Condition<R>;
  /** A MikroORM filter; `null` when the caller may see no row at all. */
  where(principal: Principal, time?: PolicyTime): FilterQuery<E> | null;
  /** SQL over `alias` with its parameters; `false` when the caller may see no row at all. */
  sql(principal: Principal, alias: string, time?: PolicyTime): { readonly sql: string; readonly params: unknown[] };
  allows(principal: Principal, row: R, time?: PolicyTime): boolean;
}

export function policy<R, E = R>(rule: (principal: Principal, time: PolicyTime | undefined) => Condition<R>): Policy<R, E> {
  const condition = (principal: Principal, time?: PolicyTime) => simplified(rule(principal, time));
  return {
    condition,
    where: (principal, time) => toFilter(condition(principal, time)) as FilterQuery<E> | null,
    sql: (principal, alias, time) => toSql(condition(principal, time), alias),
    allows: (principal, row, time) => test(condition(principal, time), row),
  };
}

/** `always` and `never` folded away, so that no form carries `{}` or `false` inside an `or`. */
function simplified<R>(condition: Condition<R>): Condition<R> {
  if (condition.kind !== 'and' && condition.kind !== 'or') return condition;
  const [absorbing, neutral] = condition.kind === 'and' ? (['never', 'always'] as const) : (['always', 'never'] as const);
  const parts = condition.of.map(simplified).filter((part) => part.kind !== neutral);
  if (parts.some((part) => part.kind === absorbing)) return { kind: absorbing };
  if (!parts.length) return { kind: neutral };
  return parts.length === 1 ? parts[0]! : { kind: condition.kind, of: parts };
}

function toFilter<R>(condition: Condition<R>): object | null {
  switch (condition.kind) {
    case 'always':
      return {};
    case 'never':
      return null;
    case 'is':
      return { [condition.field.property]: condition.value };
    case 'notBefore':
      return { [condition.field.property]: { $gte: condition.value } };
    case 'and': {
      const parts = condition.of.map(toFilter);
      if (parts.includes(null)) return null;
      return parts.length === 1 ? parts[0]! : { $and: parts };
    }
    case 'or': {
      const parts = condition.of.map(toFilter).filter((part): part is object => part !== null);
      if (!parts.length) return null;
      return parts.length === 1 ? parts[0]! : { $or: parts };
    }
  }
}

function toSql<R>(condition: Condition<R>, alias: string): { sql: string; params: unknown[] } {
  switch (condition.kind) {
    case 'always':
      return { sql: 'true', params: [] };
    case 'never':
      return { sql: 'false', params: [] };
    case 'is':
      return { sql: `${alias}."${condition.field.column}" = ?`, params: [condition.value] };
    case 'notBefore':
      return { sql: `${alias}."${condition.field.column}" >= ?`, params: [condition.value] };
    case 'and':
    case 'or': {
      if (!condition.of.length) return { sql: condition.kind === 'and' ? 'true' : 'false', params: [] };
      const parts = condition.of.map((part) => toSql(part, alias));
      return { sql: `(${parts.map((part) => part.sql).join(` ${condition.kind} `)})`, params: parts.flatMap((part) => part.params) };
    }
  }
}

function test<R>(condition: Condition<R>, row: R): boolean {
  switch (condition.kind) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'is':
      return condition.field.of(row) === condition.value;
    case 'notBefore': {
      const value = condition.field.of(row);
      return value != null && new Date(value as Date | string).getTime() >= condition.value.getTime();
    }
    case 'and':
      return condition.of.every((part) => test(part, row));
    case 'or':
      return condition.of.some((part) => test(part, row));
  }
}
