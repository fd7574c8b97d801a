import type { Pool } from 'pg';

/** What a grant row holds (the schema's `GrunerlokkaGrant`). */
export interface Grant {
  readonly year: number;
  readonly amountNok: number;
  readonly purpose: string;
}

/** What a contact row holds (the schema's `GrunerlokkaCooperationContact`). */
export interface CooperationContact {
  readonly office: string;
  readonly role: string;
  readonly email: string;
  readonly phone: string;
  readonly openingHours: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The subgraph's own data, in its own PostgreSQL schema (`grunerlokka`). Reads are one statement per batch. */
export class GrunerlokkaStore {
  constructor(private readonly pool: Pool) {}

  /** Each organisation's grants, newest year first; an id that is no UUID has none. */
  async grantsByOrganisation(ids: readonly string[]): Promise<Map<string, Grant[]>> {
    const grants = new Map<string, Grant[]>(ids.map((id) => [id, []]));
    const wellFormed = ids.filter((id) => UUID.test(id));
    if (!wellFormed.length) return grants;
    const { rows } = await this.pool.query<Grant & { organisationId: string }>(
      `/* grunerlokkaGrantsByOrganisation */ select organisation_id as "organisationId", year, amount_nok as "amountNok", purpose
         from grunerlokka.funding_grant where organisation_id = any($1::uuid[]) order by year desc, amount_nok desc, id`,
      [wellFormed],
    );
    for (const { organisationId, ...grant } of rows) grants.get(organisationId)?.push(grant);
    return grants;
  }

  async cooperationContacts(bydelCodes: readonly string[]): Promise<Map<string, CooperationContact>> {
    const { rows } = await this.pool.query<CooperationContact & { bydelCode: string }>(
      `/* grunerlokkaCooperationContacts */ select bydel_code as "bydelCode", office, role, email, phone, opening_hours as "openingHours"
         from grunerlokka.cooperation_contact where bydel_code = any($1::text[])`,
      [bydelCodes],
    );
    return new Map(rows.map(({ bydelCode, ...contact }) => [bydelCode, contact]));
  }

  /** For `/ready`: the database answers. */
  async ping(): Promise<void> {
    await this.pool.query('/* grunerlokkaReady */ select 1');
  }
}
