#!/usr/bin/env bash
# Runs the test suite with the system clock moved, to prove that no test depends on today's date.
#
#   scripts/test-clock.sh                 # builds once, then the whole Jest suite at +5 years and at -1 year
#   scripts/test-clock.sh +30d -90d       # other offsets (libfaketime's syntax: +5y, -1y, +30d, +12h …)
#   JEST_ARGS='packages/gateway' scripts/test-clock.sh   # only some test files
#
# The clock is moved with libfaketime (`faketime`) for Jest and everything it starts: the workers,
# the embedded PostgreSQL and the scripts the tests run. Build, type-check and lint do not read the
# clock, so they run once, on the real one (`pnpm test` runs them too).
set -euo pipefail
cd "$(dirname "$0")/.."

offsets=("$@")
[ ${#offsets[@]} -gt 0 ] || offsets=(+5y -1y)

if ! command -v faketime >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-clock: installing faketime (apt-get install faketime)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
  else
    echo "test-clock: needs the faketime command (libfaketime). Install it, then run this again:" >&2
    echo "  Debian/Ubuntu: sudo apt-get install faketime" >&2
    echo "  Fedora:        sudo dnf install libfaketime" >&2
    echo "  macOS:         brew install libfaketime" >&2
    exit 2
  fi
fi

# A faked clock that does not reach Node would prove nothing: check that it does.
real_year=$(node -e 'process.stdout.write(String(new Date().getFullYear()))')
for offset in "${offsets[@]}"; do
  faked=$(faketime -f "$offset" node -e 'process.stdout.write(new Date().toISOString())')
  if [ "${faked:0:4}" = "$real_year" ] && [[ "$offset" == *y ]]; then
    echo "test-clock: faketime -f '$offset' did not move Node's clock (it says $faked); cannot test." >&2
    exit 2
  fi
done

npx -y pnpm@10.34.9 build

status=0
summary=()
for offset in "${offsets[@]}"; do
  faked=$(faketime -f "$offset" node -e 'process.stdout.write(new Date().toISOString())')
  echo
  echo "=== test-clock: the suite with the clock at $offset ($faked) ==="
  log=$(mktemp)
  # shellcheck disable=SC2086 # JEST_ARGS is a list of arguments
  if faketime -f "$offset" npx jest ${JEST_ARGS:-} 2>&1 | tee "$log"; then result=passed; else result=FAILED; status=1; fi
  summary+=("$offset ($faked): $result; $(grep -E '^Tests:' "$log" | tail -1)")
  rm -f "$log"
done

echo
echo "=== test-clock summary ==="
printf '  %s\n' "${summary[@]}"
exit $status
