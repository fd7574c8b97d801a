import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * Which columns the read path loads for an entity. Every column is always loaded except the
 * entity's display-only ones: columns that no rule reads (no visibility, scope, audience or type
 * decision), each loaded only when the operation selects a field that shows it. Forgetting a
 * column here only costs time; a column a rule needs can never be left out. Each feature declares
 * its own beside its row type (`<feature>.row.ts`) and lists it in its module manifest.
 */
export interface ReadModel<T> {
  /** The entity class (its key among the read models). */
  readonly entity: unknown;
  /** Display-only properties, loaded when a selected field of the same name (or in `needs`) asks. */
  readonly displayOnly: ReadonlyArray<keyof T & string>;
  /** GraphQL fields computed from display-only properties of other names. */
  readonly needs?: Readonly<Record<string, ReadonlyArray<keyof T & string>>>;
}

/** A many-to-one relation as a row holds it: the target's key only. */
type RefOf<V> = V extends null | undefined ? V : V extends { id: infer I } ? { readonly id: I } : V extends { code: infer C } ? { readonly code: C } : never;
type CollectionKeys<E> = { [K in keyof E]: E[K] extends { getItems(): unknown } ? K : never }[keyof E];

/**
 * What a feature's field resolvers receive: the entity's columns, its many-to-one relations
 * (`R`) as `{ id }` (or `{ code }`), no collections. A lean row from a loader is one, and so is a
 * managed entity (a service's result), so resolvers never depend on which of the two they got.
 */
export type Row<E, R extends keyof E = never> = {
  readonly [K in keyof E as K extends R | CollectionKeys<E> | symbol ? never : K]: E[K];
} & { readonly [K in R]: RefOf<E[K]> };

/** The read models of a set of features, by entity. */
export type ReadModels = ReadonlyMap<unknown, ReadModel<never>>;

export function readModelsOf(models: Iterable<ReadModel<never>>): ReadModels {
  return new Map([...models].map((model) => [model.entity as unknown, model]));
}

/** Which display-only properties to load: the ones named, or all of them. */
export type Selection = ReadonlySet<string> | 'all';

/** The display-only properties the fields selected under `info` need, for an entity's read model. */
export function selectionFor(model: ReadModel<never> | undefined, info: GraphQLResolveInfo | undefined): Selection {
  if (!info || !model) return 'all';
  const tree = parseResolveInfo(info) as ResolveTree | null;
  return tree ? selectionOfTree(model, tree) : 'all';
}

/**
 * For each place the fields selected under `info` select `field` (a relation shown as an object,
 * e.g. an activity's `contactPerson`; aliases count apart), what `target`'s loader would be asked
 * for there: the same selection `selectionFor(target, infoOfThatField)` gives when it resolves.
 */
export function nestedSelectionsFor(info: GraphQLResolveInfo, field: string, target: ReadModel<never> | undefined): Selection[] {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  if (!tree) return [];
  const found: Selection[] = [];
  for (const fields of Object.values(tree.fieldsByTypeName)) {
    for (const nested of Object.values(fields)) if (nested.name === field) found.push(selectionOfTree(target, nested));
  }
  return found;
}

function selectionOfTree(model: ReadModel<never> | undefined, tree: ResolveTree): Selection {
  if (!model) return 'all';
  const names = new Set<string>();
  // Every possible type of an abstract field counts (`... on Activity`, `... on PetCareOffer`).
  for (const fields of Object.values(tree.fieldsByTypeName)) for (const field of Object.values(fields)) names.add(field.name);
  const selected = new Set<string>();
  for (const property of model.displayOnly) if (names.has(property)) selected.add(property);
  for (const [field, properties] of Object.entries(model.needs ?? {})) if (names.has(field)) for (const property of properties) selected.add(property);
  return selected;
}

/** Several selections at once (one batch of a loader): everything any of them needs. */
export function unionOf(selections: Iterable<Selection>): Selection {
  const union = new Set<string>();
  for (const selection of selections) {
    if (selection === 'all') return 'all';
    for (const property of selection) union.add(property);
  }
  return union;
}

const signatures = new WeakMap<ReadonlySet<string>, string>();

/** A selection as a cache key; worked out once per selection (they are shared per field and request). */
export function signatureOf(selection: Selection): string {
  if (selection === 'all') return '*';
  let signature = signatures.get(selection);
  if (signature === undefined) signatures.set(selection, (signature = [...selection].sort().join(',')));
  return signature;
}

/** A lean row's columns for one selection, and the mapping from a row to the lean object. */
export interface LeanView<T> {
  /** The columns as `alias."column"`, or `alias."column" as "<prefix>column"` for a prefixed view. */
  columns: (alias: string) => string;
  map: (row: Record<string, unknown>) => T;
}

interface PlanItem {
  readonly name: string;
  readonly field: string;
  /** For a many-to-one relation: the target's primary key (the row holds `{ [key]: id }`). */
  readonly key: string | null;
  /** For a date-time: MikroORM's driver hands timestamps over as text; the entity holds a Date. */
  readonly date: boolean;
}

/**
 * The read path's rows: plain objects shaped like the entity (same property names; a many-to-one
 * relation as `{ id }`), built from a row without hydrating a managed entity. What field
 * resolvers read never changes, so it needs no identity map or change-tracking snapshot — which
 * were most of a list's cost. Services load managed entities of their own.
 */
export class LeanRows<T> {
  private static readonly plans = new Map<unknown, PlanItem[]>();

  private readonly plan: PlanItem[];
  private readonly displayOnly: ReadonlySet<string>;
  private readonly parseDate: (value: string) => unknown;

  /**
   * @param strict  reading a property the selection left out throws (tests), instead of giving
   *                `undefined`: a field that needs a column its read model does not declare fails
   *                loudly in the suite.
   * @param model   the entity's read model; without one every column is always loaded.
   */
  constructor(
    em: EntityManager,
    entity: EntityName<T>,
    private readonly strict: boolean,
    model?: ReadModel<T>,
  ) {
    this.displayOnly = new Set<string>(model?.displayOnly ?? []);
    const platform = em.getPlatform();
    this.parseDate = (value) => platform.parseDate(value);
    let plan = LeanRows.plans.get(entity);
    if (!plan) {
      // Built once per entity class: the metadata does not change while the process runs.
      const meta = em.getMetadata().find(entity as never)!;
      plan = meta.props
        .filter((p) => !p.lazy && p.persist !== false && p.fieldNames?.length === 1 && (p.kind === 'scalar' || p.kind === 'm:1'))
        .map((p) => ({
          name: p.name,
          field: p.fieldNames[0]!,
          key: p.kind === 'm:1' ? p.targetMeta!.primaryKeys[0]! : null,
          date: p.kind === 'scalar' && p.runtimeType === 'Date',
        }));
      LeanRows.plans.set(entity, plan);
    }
    this.plan = plan;
  }

  /**
   * @param prefix  the columns are selected as `"<prefix><column>"` and read back by those names
   *                (a joined table's columns beside the main one's).
   */
  view(selection: Selection, prefix = ''): LeanView<T> {
    const items = selection === 'all' ? this.plan : this.plan.filter((p) => !this.displayOnly.has(p.name) || selection.has(p.name));
    const { parseDate } = this;
    const as = items.map((p) => prefix + p.field);
    const map = (row: Record<string, unknown>): T => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < items.length; i++) {
        const p = items[i]!;
        const value = row[as[i]!];
        if (value == null) out[p.name] = null;
        else if (p.key !== null) out[p.name] = { [p.key]: value };
        else out[p.name] = p.date && typeof value === 'string' ? parseDate(value) : value;
      }
      return out as T;
    };
    const left = this.strict && items.length < this.plan.length ? new Set(this.plan.filter((p) => !items.includes(p)).map((p) => p.name)) : null;
    return {
      columns: (alias) => items.map((p) => (prefix ? `${alias}."${p.field}" as "${prefix}${p.field}"` : `${alias}."${p.field}"`)).join(', '),
      map: left ? (row) => guard(map(row) as object, left) as T : map,
    };
  }
}

function guard(row: object, left: ReadonlySet<string>): object {
  return new Proxy(row, {
    get(target, property, receiver) {
      if (typeof property === 'string' && left.has(property)) {
        throw new Error(`Lean row read "${property}", which its selection left out: declare it in the read model's needs (<feature>.row.ts)`);
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
