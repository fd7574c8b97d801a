import { type Config, GATEWAY_SECRET_HEADER, issueToken, type OrganisationContact, type OrganisationContacts } from '@samspill/core';

const QUERY = 'query($id: ID!) { organisation(id: $id) { name notificationSettings { referralEmail webhookUrl } } }';

/** The subject of the tokens the notification worker asks the directory with (it shows in the directory's logs). */
export const NOTIFIER_SUBJECT = 'samspill-notifications';

/**
 * An organisation's notification addresses, asked of the directory when a message is delivered
 * (so an address changed meanwhile is the one used, and no address is copied into the outbox).
 * The worker asks as a platform admin, with a short-lived token of its own signed with the
 * platform's key: only admins and the organisation's own editors may read these settings.
 */
export class HttpOrganisationContacts implements OrganisationContacts {
  constructor(
    private readonly directoryUrl: string,
    private readonly auth: Config['auth'],
    private readonly gatewaySecret: string | undefined,
  ) {}

  async organisation(id: string): Promise<OrganisationContact | null> {
    const token = await issueToken(this.auth, { subject: NOTIFIER_SUBJECT, role: 'PLATFORM_ADMIN', lifetimeHours: 0.1 });
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    if (this.gatewaySecret) headers[GATEWAY_SECRET_HEADER] = this.gatewaySecret;
    const response = await fetch(this.directoryUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: QUERY, variables: { id } }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`directory look-up of an organisation's notification settings failed with HTTP ${response.status}`);
    const body = (await response.json()) as {
      data?: { organisation?: { name: string; notificationSettings?: { referralEmail?: string | null; webhookUrl?: string | null } | null } | null };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    const organisation = body.data?.organisation;
    if (!organisation) {
      const code = body.errors?.[0]?.extensions?.code;
      if (code && code !== 'NOT_FOUND') throw new Error(`directory look-up of an organisation's notification settings failed: ${code}`);
      return null;
    }
    return {
      name: organisation.name,
      email: organisation.notificationSettings?.referralEmail ?? null,
      webhookUrl: organisation.notificationSettings?.webhookUrl ?? null,
    };
  }
}
