#!/usr/bin/env bash
# A throw-away Asterisk for Hotline's real-Asterisk tests, built from this directory's files: the installed asterisk
# binary runs with a config tree of its own under DIR (asterisk -C), so /etc/asterisk is left as it is. Everything
# listens on 127.0.0.1 only. The IVR's prompts are generated into DIR with ../prompts/generate.sh.
#
#   asterisk-sandbox.sh start DIR [AGI_PORT]   build DIR, start Asterisk, print the HOTLINE_IT_* settings for the tests
#                                              (eval its output to set them)
#   asterisk-sandbox.sh stop DIR               stop that Asterisk
#
# Environment: AMI_PORT (5038), SIP_PORT (5060). A SIP endpoint "caller" (password "caller-test", RFC 4733 DTMF)
# calls into [hotline-inbound], for a softphone such as baresip.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
cmd="${1:?usage: $0 start|stop DIR [AGI_PORT]}"
dir="${2:?usage: $0 start|stop DIR [AGI_PORT]}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
conf="$dir/etc/asterisk.conf"

if [[ "$cmd" == stop ]]; then
  asterisk -C "$conf" -rx 'core stop now' >/dev/null 2>&1 || true
  for _ in $(seq 50); do [[ -S "$dir/run/asterisk.ctl" ]] || exit 0; sleep 0.1; done
  echo "Asterisk of $dir did not stop" >&2; exit 1
fi
[[ "$cmd" == start ]] || { echo "unknown command $cmd" >&2; exit 2; }

agi_port="${3:-4573}"
ami_port="${AMI_PORT:-5038}"
sip_port="${SIP_PORT:-5060}"
secret="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
mkdir -p "$dir"/{etc,run,log,spool,lib,data}
ln -sfn /var/lib/asterisk/documentation "$dir/data/documentation"

cat > "$conf" <<EOF
[directories]
astetcdir => $dir/etc
astmoddir => /usr/lib/asterisk/modules
astvarlibdir => $dir/lib
astdbdir => $dir/lib
astkeydir => $dir/lib
astdatadir => $dir/data
astagidir => $dir/data/agi-bin
astspooldir => $dir/spool
astrundir => $dir/run
astlogdir => $dir/log
[options]
verbose = 3
EOF
cat > "$dir/etc/modules.conf" <<'EOF'
[modules]
autoload = yes
; nothing that would listen beyond 127.0.0.1 or probe a database
noload = chan_iax2.so
noload = chan_skinny.so
noload = chan_mgcp.so
noload = chan_unistim.so
noload = pbx_dundi.so
noload = res_config_pgsql.so
noload = cdr_pgsql.so
noload = cel_pgsql.so
noload = res_hep.so
EOF
cat > "$dir/etc/logger.conf" <<'EOF'
[logfiles]
messages.log => notice,warning,error,verbose(3)
EOF
printf '[general]\nrtpstart=20000\nrtpend=20100\n' > "$dir/etc/rtp.conf"
printf '[default]\nmode=files\ndirectory=moh\n' > "$dir/etc/musiconhold.conf"

sed -e "s/^port = .*/port = $ami_port/" \
    -e "s/^secret = .*/secret = $secret/" "$here/manager.conf.sample" > "$dir/etc/manager.conf"
sed -e "s/^HOTLINE_AGI_PORT=.*/HOTLINE_AGI_PORT=$agi_port/" "$here/extensions_hotline.conf" > "$dir/etc/extensions_hotline.conf"
printf '#include extensions_hotline.conf\n' > "$dir/etc/extensions.conf"
cp "$here/queues_hotline.conf" "$dir/etc/"
printf '[general]\npersistentmembers = no\n#include queues_hotline.conf\n' > "$dir/etc/queues.conf"
sed -e "s/^bind = 127.0.0.1:5060/bind = 127.0.0.1:$sip_port/" "$here/pjsip_agents.conf.sample" > "$dir/etc/pjsip.conf"
cat >> "$dir/etc/pjsip.conf" <<'EOF'

; The test caller (a softphone on this machine) dials into the hotline.
[caller](hotline-agent)
context = hotline-inbound
auth = caller
aors = caller
media_address = 127.0.0.1
bind_rtp_to_media_address = yes
callerid = "Test caller" <13912345678>

[caller](hotline-agent-auth)
username = caller
password = caller-test

[caller](hotline-agent-aor)
EOF

"$here/prompts/generate.sh" "$dir/data" >/dev/null
asterisk -C "$conf"
for _ in $(seq 100); do [[ -S "$dir/run/asterisk.ctl" ]] && break; sleep 0.1; done
asterisk -C "$conf" -rx 'core waitfullybooted' >/dev/null
echo "export HOTLINE_IT_ASTERISK=127.0.0.1:$ami_port,hotline,$secret"
echo "export HOTLINE_IT_SIP=127.0.0.1:$sip_port,caller,caller-test"
echo "export HOTLINE_IT_RECORDINGS_DIR=$dir/spool/monitor"
echo "export HOTLINE_IT_ASTERISK_CLI='asterisk -C $conf'"
echo "# FastAGI is expected on 127.0.0.1:$agi_port" >&2
