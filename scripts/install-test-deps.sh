#!/bin/sh
# Installs the Debian packages the tests need: for the integration servers (test/support/servers) OpenSSH's sshd
# and ssh-keygen, vsftpd, openssl, and useradd/chpasswd. Idempotent: installs only what is missing,
# and runs `apt-get update` once, only when something is missing. Needs root; `npm test` runs it first.
set -eu

# python3, make and g++ compile sqlite3 for the n8n runtime (scripts/n8n-runtime.mjs); chromium renders
# the n8n editor in browser tests. redis-server backs the integration test of the Billit pacing shared
# across n8n queue-mode workers (lib/billit/pacing/redis-pacing-store.ts).
PACKAGES="openssh-server openssh-client vsftpd openssl passwd python3 make g++ chromium redis-server"
# Where Debian's invoke-rc.d looks for the policy that keeps package installs from starting services.
POLICY_RC_D=${POLICY_RC_D:-/usr/sbin/policy-rc.d}

missing=""
for package in $PACKAGES; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
	if [ "$status" != "installed" ]; then
		missing="$missing $package"
	fi
done

if [ -z "$missing" ]; then
	echo "Test packages already installed:$(printf ' %s' $PACKAGES)"
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "Test packages missing:$missing. Installing them needs root: sudo sh scripts/install-test-deps.sh" >&2
	exit 1
fi

# The tests start their own sshd and vsftpd on free ports; keep Debian from starting the system
# services during the install, unless the machine already has a policy of its own.
if [ ! -e "$POLICY_RC_D" ]; then
	printf '#!/bin/sh\nexit 101\n' >"$POLICY_RC_D"
	chmod 755 "$POLICY_RC_D"
	trap 'rm -f "$POLICY_RC_D"' EXIT
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y -q --no-install-recommends $missing
