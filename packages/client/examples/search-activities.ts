/**
 * An integrator's program against the demo: search activities in a bydel, open one, and (with a
 * bydel integrator's token) list the bydel's organisations and its referral statistics.
 *
 *   npx -y pnpm@10.34.9 start                       # the demo, in one terminal
 *   export SAMSPILL_TOKEN=$(node scripts/issue-token.mjs --role BYDEL_INTEGRATOR --bydel 030102)   # optional
 *   node packages/client/dist/examples/search-activities.js [bydel code, default 030102]
 *
 * SAMSPILL_URL is the API (default http://127.0.0.1:4000, the demo's gateway).
 */
import { ActivityById, BydelStatistics, OrganisationsOfBydel, SamspillClient, SamspillError, SearchActivities } from '../src/index';

/** The program, with its output as lines (the test runs it against the real gateway). */
export async function run(client: SamspillClient, bydel: string, signedIn: boolean, today: Date): Promise<string[]> {
  const out: string[] = [];
  const found = await client.query(SearchActivities, { filter: { bydeler: [bydel] }, first: 5 });
  out.push(`${found.activities.totalCount} activities in bydel ${bydel}:`);
  for (const a of found.activities.nodes) {
    const next = a.nextOccurrences[0]?.startsAt;
    out.push(
      `- ${a.title} (${a.organisation.name}, ${a.venueLabel})${next ? ` next ${new Date(next).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo' })}` : ''}`,
    );
  }
  const first = found.activities.nodes[0];
  if (first) {
    const { activity } = await client.query(ActivityById, { id: first.id });
    out.push(`"${activity?.title}": ${activity?.schedule.weekly.length ?? 0} weekly, ${activity?.schedule.monthly.length ?? 0} monthly slots`);
    out.push(`calendar: ${client.origin}/calendar/activities/${first.id}.ics`);
  }
  if (signedIn) {
    const orgs = await client.query(OrganisationsOfBydel, { bydel, first: 5 });
    out.push(`${orgs.organisations.totalCount} organisations in bydel ${bydel}: ${orgs.organisations.nodes.map((o) => o.name).join(', ')}`);
    const month = today.toISOString().slice(0, 7);
    const year = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
    try {
      const stats = await client.query(BydelStatistics, { fromMonth: year, toMonth: month });
      out.push(`${stats.referralStatistics.length} statistics cells from ${year} to ${month}`);
    } catch (error) {
      // Only bydel integrators and admins may read statistics.
      if (!(error instanceof SamspillError && error.code === 'FORBIDDEN')) throw error;
      out.push(`statistics: ${error.message}`);
    }
  }
  return out;
}

if (require.main === module) {
  const token = process.env.SAMSPILL_TOKEN;
  const client = new SamspillClient({ url: process.env.SAMSPILL_URL ?? 'http://127.0.0.1:4000', token });
  run(client, process.argv[2] ?? '030102', Boolean(token), new Date())
    .then((lines) => console.log(lines.join('\n')))
    .catch((error: unknown) => {
      console.error(error instanceof SamspillError ? `Samspill said: ${error.message} [${error.code ?? error.status}]` : error);
      process.exitCode = 1;
    });
}
