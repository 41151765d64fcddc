#!/usr/bin/env sh
# Run by `mvn verify` before the tests (process-test-classes): the browser tests drive a headless
# chromium through chromedriver. Finds them (CHROME_BIN / CHROMEDRIVER, else the PATH); when they
# are missing and the build runs as root on Debian or Ubuntu, installs the distribution's packages;
# otherwise stops at once with one line naming what to install. Skip with -Dbrowser.check.skip.
found() {
  { [ -n "${CHROME_BIN:-}" ] && [ -x "$CHROME_BIN" ]; } ||
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
    command -v google-chrome >/dev/null 2>&1 || return 1
  { [ -n "${CHROMEDRIVER:-}" ] && [ -x "$CHROMEDRIVER" ]; } || command -v chromedriver >/dev/null 2>&1
}
found && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium and chromium-driver for the browser tests (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -q && apt-get install -y -q chromium chromium-driver; } >/dev/null 2>&1 || true
  found && exit 0
fi
echo "The browser tests need chromium and chromedriver: install them (Debian/Ubuntu: sudo apt-get install chromium chromium-driver), or set CHROME_BIN and CHROMEDRIVER to their paths." >&2
exit 1
