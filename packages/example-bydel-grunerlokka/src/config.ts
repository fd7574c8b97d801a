import { z } from 'zod';

/**
 * The one setting of its own; the rest (tokens, the gateway secret, the database, limits) is
 * Samspill's configuration (`@samspill/core`), so that both verify the same tokens.
 */
const schema = z.object({ GRUNERLOKKA_PORT: z.coerce.number().int().min(1).max(65535).default(4010) });

export function grunerlokkaPort(env: Record<string, string | undefined>): number {
  const parsed = schema.safeParse({ GRUNERLOKKA_PORT: env.GRUNERLOKKA_PORT || undefined });
  if (!parsed.success) throw new Error(`GRUNERLOKKA_PORT: ${parsed.error.issues[0]?.message}`);
  return parsed.data.GRUNERLOKKA_PORT;
}
