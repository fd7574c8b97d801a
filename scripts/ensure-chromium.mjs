// Makes sure a Chromium is there for the end-to-end tests (playwright-core drives the system's
// Chromium: browser downloads do not work on every machine). Uses CHROMIUM_PATH or /usr/bin/chromium;
// when neither exists and we run as root on Debian or Ubuntu, installs Debian's `chromium` package;
// otherwise says exactly what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = () => candidates.find((path) => existsSync(path));

if (found()) {
  console.log(`Chromium for the end-to-end tests: ${found()}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('No Chromium found: installing Debian\'s "chromium" package (apt-get install -y chromium) …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
      process.exit(1);
    }
  }
  if (found()) {
    console.log(`Chromium for the end-to-end tests: ${found()}`);
    process.exit(0);
  }
}

console.error(
  [
    'The end-to-end tests need Chromium, and none was found.',
    '  Debian/Ubuntu: sudo apt-get install -y chromium',
    '  Fedora:        sudo dnf install -y chromium',
    '  macOS:         brew install --cask chromium',
    'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  ].join('\n'),
);
process.exit(1);
