import type { EntityManager } from '@mikro-orm/postgresql';

import { BydelEntity } from './bydel.entity.js';

/**
 * Oslo's bydeler as the directory serves them. They are reference data: a migration writes them and
 * nothing in the platform changes them, so each server reads them once when it starts and answers
 * `bydeler`, `bydel(code)` and every `bydel` field from memory, without a statement per request.
 * The rows are frozen: one request cannot change what the next one sees.
 */
export class BydelCatalogue {
  private readonly byCode: ReadonlyMap<string, BydelEntity>;
  private readonly administrativeOnes: readonly BydelEntity[];

  private constructor(private readonly all: readonly BydelEntity[]) {
    this.byCode = new Map(all.map((bydel) => [bydel.code, bydel]));
    this.administrativeOnes = Object.freeze(all.filter((bydel) => bydel.administrative));
  }

  static async load(em: EntityManager): Promise<BydelCatalogue> {
    const rows = await em.fork().find(BydelEntity, {}, { orderBy: { code: 'asc' } });
    if (rows.length === 0) throw new Error('The directory has no bydeler: run its migrations first');
    return new BydelCatalogue(Object.freeze(rows.map(({ code, name, administrative }) => Object.freeze({ code, name, administrative }) as BydelEntity)));
  }

  /** By code: the 15 administrative ones, then 16 Sentrum and 17 Marka unless left out. */
  list(includeStatistical: boolean): readonly BydelEntity[] {
    return includeStatistical ? this.all : this.administrativeOnes;
  }

  /** All 15 administrative bydeler: what a shelter serves. */
  administrative(): readonly BydelEntity[] {
    return this.administrativeOnes;
  }

  get(code: string): BydelEntity | null {
    return this.byCode.get(code) ?? null;
  }

  /** The bydeler with these codes, by code; codes that name none are left out. */
  many(codes: Iterable<string>): BydelEntity[] {
    const found: BydelEntity[] = [];
    for (const code of codes) {
      const bydel = this.byCode.get(code);
      if (bydel) found.push(bydel);
    }
    return found.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}
