import type { Pool } from 'pg';

/** The demo directory's organisations in Grünerløkka (packages/directory/src/seeders/demo-ids.ts). */
const DEMO_ORGANISATIONS = {
  osloRodeKors: '00000000-0000-4000-8000-000000000002',
  grunerlokkaFrivilligsentral: '00000000-0000-4000-8000-000000000007',
};

/** Demo grants and the cooperation contact, for the walkthrough; loaded once (a second run changes nothing). */
export async function loadDemoData(pool: Pool, year: number): Promise<boolean> {
  const { rowCount } = await pool.query(
    `insert into grunerlokka.cooperation_contact (bydel_code, office, role, email, phone, opening_hours)
     values ('030102', 'Barneverntjenesten, mottak', 'Samarbeid med krisesentrene om barn og familier som flytter inn i bydelen',
             'postmottak.bga@oslo.kommune.no', '+47 21 80 21 80', 'Hverdager 08:00–15:30')
     on conflict (bydel_code) do nothing`,
  );
  if (!rowCount) return false;
  await pool.query(
    `insert into grunerlokka.funding_grant (organisation_id, year, amount_nok, purpose) values
       ($1, $3, 250000, 'Leksehjelp og språkkafé for barn og unge'),
       ($1, $3 - 1, 200000, 'Leksehjelp for barn og unge'),
       ($2, $3, 400000, 'Drift av frivilligsentralen og aktiviteter for nyankomne familier')`,
    [DEMO_ORGANISATIONS.osloRodeKors, DEMO_ORGANISATIONS.grunerlokkaFrivilligsentral, year],
  );
  return true;
}
