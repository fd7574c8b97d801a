// The platform as the benchmark measures it: the directory and referrals subgraphs and the
// gateway, each in a process of its own as production runs them (docker/compose.yaml), on
// DATABASE_URL. Started by run.mjs; its stats port reports the three processes' CPU time and RSS,
// summed and each, and the directory subgraph's URL (the benchmark also calls it directly).
//   env: DATABASE_URL, GATEWAY_PORT, STATS_PORT, GATEWAY_SHARED_SECRET, AUTH_SIGNING_KEYS,
//        PROFILE_DIR (optional: each service writes <service>.cpuprofile there when it stops)
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

const env = process.env;
const children = [];

function start(service, extraEnv = {}) {
  const profile = env.PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', env.PROFILE_DIR, '--cpu-prof-name', `${service}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...profile, path.join(import.meta.dirname, 'serve-service.mjs'), service], {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${service} exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      const ready = String(chunk).match(/ready (\S+)/);
      if (ready) resolve(ready[1]);
    });
  });
}

function stats(child) {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send('stats');
  });
}

const directoryUrl = await start('directory');
const referralsUrl = await start('referrals', { DIRECTORY_URL: directoryUrl });
const gatewayUrl = await start('gateway', { DIRECTORY_URL: directoryUrl, REFERRALS_URL: referralsUrl, PORT: env.GATEWAY_PORT });

http
  .createServer(async (_req, res) => {
    const all = await Promise.all(children.map(stats));
    const sum = (key) => all.reduce((total, s) => total + s[key], 0);
    res.end(
      JSON.stringify({
        url: gatewayUrl,
        directoryUrl,
        cpuUserMicros: sum('cpuUserMicros'),
        cpuSystemMicros: sum('cpuSystemMicros'),
        rss: sum('rss'),
        services: all,
      }),
    );
  })
  .listen(Number(env.STATS_PORT), '127.0.0.1', () => process.stdout.write(`ready ${gatewayUrl}\n`));

async function stop() {
  await Promise.all(children.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
  process.exit(0);
}
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, stop);
// Gone with run.mjs, however it ends.
process.once('disconnect', stop);
