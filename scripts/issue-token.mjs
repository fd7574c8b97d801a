// Issues a development token: `node scripts/issue-token.mjs …` after a build, or `npx -y pnpm@10.34.9 run token …`,
// which builds first (`run` is needed: `pnpm token` is npm's own token command).
//   node scripts/issue-token.mjs --role ORG_EDITOR --org 00000000-0000-4000-8000-000000000002
//   node scripts/issue-token.mjs --role BYDEL_INTEGRATOR --bydel 030102
//   npx -y pnpm@10.34.9 run token --demo            (one token for each demo user)
// Tokens are signed with the first key of AUTH_SIGNING_KEYS (the development key when unset).
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const core = require(path.join(root, 'packages/core/dist/index.js'));
const directory = require(path.join(root, 'packages/directory/dist/index.js'));

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    org: { type: 'string' },
    bydel: { type: 'string' },
    subject: { type: 'string' },
    expires: { type: 'string', default: '8h' },
    demo: { type: 'boolean', default: false },
  },
});

const config = core.loadConfigOrExit();
if (values.demo) {
  for (const user of directory.DEMO_USERS) {
    console.log(`# ${user.role} — ${user.label}\n${await core.issueToken(config.auth, { ...user, expiresIn: values.expires })}\n`);
  }
} else {
  if (!core.ROLES.includes(values.role)) {
    console.error(`--role must be one of ${core.ROLES.join(', ')} (or use --demo)`);
    process.exit(2);
  }
  if ((values.role === 'SHELTER_STAFF' || values.role === 'ORG_EDITOR') && !values.org) {
    console.error(`--org <organisation id> is required for ${values.role}`);
    process.exit(2);
  }
  const token = await core.issueToken(config.auth, {
    subject: values.subject ?? `dev-${values.role.toLowerCase()}`,
    role: values.role,
    organisationId: values.org,
    bydelCode: values.bydel,
    expiresIn: values.expires,
  });
  console.log(token);
}
