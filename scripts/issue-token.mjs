// Issues a development token: `node scripts/issue-token.mjs …` after a build, or `npx -y pnpm@10.34.9 run token …`,
// which builds first (`run` is needed: `pnpm token` is npm's own token command).
//   node scripts/issue-token.mjs --role ORG_EDITOR --org 00000000-0000-4000-8000-000000000002
//   node scripts/issue-token.mjs --role BYDEL_INTEGRATOR --bydel 030102
//   npx -y pnpm@10.34.9 run token --demo            (one token for each demo user)
// Tokens are signed with the first key of AUTH_SIGNING_KEYS (the development key when unset).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const coreEntry = path.join(root, 'packages/core/dist/index.js');
const directoryEntry = path.join(root, 'packages/directory/dist/index.js');

function usage(defaultHours, maxHours) {
  return `Usage: node scripts/issue-token.mjs (--role ROLE [options] | --demo)

Prints a signed bearer token for trying Samspill (send it as "Authorization: Bearer <token>").

  --role ROLE       SHELTER_STAFF, ORG_EDITOR, BYDEL_INTEGRATOR or PLATFORM_ADMIN
  --org ID          the organisation (required for SHELTER_STAFF and ORG_EDITOR)
  --bydel CODE      the bydel of a BYDEL_INTEGRATOR, e.g. 030102
  --subject NAME    the token's subject (default: dev-<role>)
  --hours N         lifetime in hours (default ${defaultHours}, at most ${maxHours}: AUTH_MAX_TOKEN_LIFETIME_HOURS)
  --demo            one token for each demo user instead
  --help            this text

Examples:
  node scripts/issue-token.mjs --role ORG_EDITOR --org 00000000-0000-4000-8000-000000000002
  node scripts/issue-token.mjs --role BYDEL_INTEGRATOR --bydel 030102
  node scripts/issue-token.mjs --demo
`;
}

function fail(message, help) {
  process.stderr.write(`${message}\n\n${help}`);
  process.exit(2);
}

let parsed;
let parseError;
try {
  parsed = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      bydel: { type: 'string' },
      subject: { type: 'string' },
      hours: { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  parseError = error instanceof Error ? error.message : String(error);
}

if (!existsSync(coreEntry) || !existsSync(directoryEntry)) {
  process.stderr.write('The packages are not built yet: run "npx -y pnpm@10.34.9 build" first (or use "pnpm token -- …", which builds).\n');
  process.exit(1);
}
const core = require(coreEntry);
const directory = require(directoryEntry);
const config = core.loadConfigOrExit();
const help = usage(core.DEFAULT_TOKEN_LIFETIME_HOURS, config.auth.maxTokenLifetimeSeconds / 3600);

if (parseError) fail(parseError, help);
const { values } = parsed;
if (values.help) {
  process.stdout.write(help);
  process.exit(0);
}

const lifetimeHours = values.hours === undefined ? undefined : Number(values.hours);
if (lifetimeHours !== undefined && !Number.isFinite(lifetimeHours)) fail(`--hours must be a number, not "${values.hours}"`, help);

async function issue(request) {
  try {
    return await core.issueToken(config.auth, { ...request, lifetimeHours });
  } catch (error) {
    if (error instanceof core.TokenLifetimeError) fail(error.message, help);
    throw error;
  }
}

if (values.demo) {
  for (const user of directory.DEMO_USERS) console.log(`# ${user.role} — ${user.label}\n${await issue(user)}\n`);
} else {
  if (!core.ROLES.includes(values.role)) fail(`--role must be one of ${core.ROLES.join(', ')} (or use --demo)`, help);
  if ((values.role === 'SHELTER_STAFF' || values.role === 'ORG_EDITOR') && !values.org) {
    fail(`--org <organisation id> is required for ${values.role}`, help);
  }
  console.log(
    await issue({
      subject: values.subject ?? `dev-${values.role.toLowerCase()}`,
      role: values.role,
      organisationId: values.org,
      bydelCode: values.bydel,
    }),
  );
}
