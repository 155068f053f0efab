#!/usr/bin/env bash
# Makes sure Debian's Chromium (and a CJK font, so that Chinese is legible in screenshots) is installed for the browser
# tests. Playwright's own browser download cannot work on these machines; Debian's package can.
set -euo pipefail
if command -v chromium > /dev/null 2>&1 && fc-list 2> /dev/null | grep -qi "cjk\|wqy"; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium missing: run as root, or: apt-get install -y chromium fonts-noto-cjk" >&2
  exit 1
fi
echo "安装 Chromium 与中文字体（Debian 软件包）…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-noto-cjk > /dev/null
