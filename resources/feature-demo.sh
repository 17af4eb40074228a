#!/usr/bin/env bash
# Release Desk feature demo script: launches, inspects and tears down a throwaway instance of one
# branch on this server. Release Desk uploads it over SFTP to ~/.release-desk/feature-demo.sh and runs
#
#   bash feature-demo.sh <up|down|status|logs> -- <name>
#   bash feature-demo.sh list --
#
# The name is 1-40 characters of [a-z0-9-], not starting with a dash; it is checked here again even
# though the app and its main process already checked it. Everything else arrives on stdin as lines of
# KEY=base64(value), so no value (least of all a secret) is ever part of a command line:
#
#   BASE     base directory of the demos (default $HOME/.release-desk/demos)
#   REPO     clone URL                       BRANCH   branch to run
#   DEPLOY   deploy command (bash, run in the clone)
#   STOP     stop command (run in the clone by `down`)
#   URL      the demo's URL, already filled in (else a DEMO_URL=http... line of the deploy sets it)
#   OWNER    who launched it (user@machine)  EXPIRES  ISO time it expires
#   FROM     `logs`: the first line to print (default 1)
#   FOLLOW   `logs`: 1 (default) follows a live demo until it ends; 0 prints what is there and returns
#   ENV_KEY  an environment value the deploy command gets as KEY (secrets included)
#
# Layout: <BASE>/<name>.lock (flock), <BASE>/<name>/src (the clone), <BASE>/<name>/status.json (one
# line of DemoStatusFile JSON), fields/ (the same, one raw value per file, for rewriting it without a
# JSON parser), demo.log, runner.pid (the detached part, leader of the demo's process group).
#
# Exit codes:
#   0   done
#   1   the operation failed (the message on stderr says why)
#   64  usage: unknown action, bad name, malformed or unknown stdin line
#   66  no demo of that name (status, logs)
#   69  a program the script needs is missing (git, flock, setsid, base64)
#   75  already running: another `up` or a live demo holds the demo's lock
set -euo pipefail
# Bytes, not characters: the name and key patterns and the JSON escaping below rely on it.
export LC_ALL=C

readonly EXIT_FAILURE=1 EXIT_USAGE=64 EXIT_NO_DEMO=66 EXIT_UNAVAILABLE=69 EXIT_RUNNING=75
readonly NAME_PATTERN='^[a-z0-9][a-z0-9-]{0,39}$'
readonly KEY_PATTERN='^(BASE|REPO|BRANCH|DEPLOY|STOP|URL|OWNER|EXPIRES|FROM|FOLLOW|ENV_[A-Z_][A-Z0-9_]{0,63})$'
# Variables a demo may not override: they change how bash or the dynamic linker run the deploy.
readonly RESERVED_ENV=' PATH HOME BASH_ENV ENV SHELLOPTS BASHOPTS IFS PS4 LD_PRELOAD LD_LIBRARY_PATH '
# How long the detached part waits for the deploy to print DEMO_URL= or exit before calling it running.
readonly READY_LIMIT_SECONDS=900
# How long `down` waits for the demo's processes to end after SIGTERM before SIGKILL.
readonly STOP_GRACE_SECONDS=10
readonly MARK='[release-desk]'
# The end of a status.json whose demo never said how it ended (state and exitCode end every one).
readonly UNFINISHED_STATUS='"state":"(starting|running)","exitCode":null\}$'

fail() {
  local code=$1
  shift
  printf 'feature-demo: %s\n' "$*" >&2
  exit "$code"
}

# ---------------------------------------------------------------------------------------------------
# Input: KEY=base64 lines
# ---------------------------------------------------------------------------------------------------
declare -A INPUT=()
declare -a ENV_KEYS=()
# The stdin lines as they came, handed on to the detached part.
declare -a INPUT_LINES=()

# Decodes one KEY=base64 line into INPUT (ENV_ keys also into ENV_KEYS), refusing anything else.
take_line() {
  local line=$1 key encoded value
  [[ -z $line ]] && return 0
  [[ $line == *=* ]] || fail "$EXIT_USAGE" 'each stdin line must be KEY=base64(value)'
  key=${line%%=*}
  encoded=${line#*=}
  [[ $key =~ $KEY_PATTERN ]] || fail "$EXIT_USAGE" "unknown stdin key: ${key:0:70}"
  [[ $encoded =~ ^[A-Za-z0-9+/]*={0,2}$ ]] || fail "$EXIT_USAGE" "the value of $key is not base64"
  # The x keeps trailing newlines that command substitution would strip.
  value=$(base64 -d <<<"$encoded" 2>/dev/null && printf x) || fail "$EXIT_USAGE" "the value of $key is not base64"
  value=${value%x}
  if [[ $key == ENV_* ]]; then
    [[ $RESERVED_ENV == *" ${key#ENV_} "* ]] && fail "$EXIT_USAGE" "a demo may not set ${key#ENV_}"
    [[ -v "INPUT[$key]" ]] || ENV_KEYS+=("$key")
  fi
  INPUT[$key]=$value
}

read_input_from_stdin() {
  local line count=0
  # A terminal means a person ran the script by hand without input: use the defaults.
  [[ -t 0 ]] && return 0
  while IFS= read -r line || [[ -n $line ]]; do
    count=$((count + 1))
    ((count <= 200)) || fail "$EXIT_USAGE" 'too many stdin lines'
    take_line "$line"
    INPUT_LINES+=("$line")
  done
}

read_input_from_text() {
  local line
  while IFS= read -r line; do take_line "$line"; done <<<"$1"
}

# ---------------------------------------------------------------------------------------------------
# Status file
# ---------------------------------------------------------------------------------------------------

# Sets REPLY to the JSON string literal of $1: backslash, quote and every control character escaped.
json_string() {
  local s=$1 out='' char i
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  if [[ $s == *[$'\x01'-$'\x1f'$'\x7f']* ]]; then
    for ((i = 0; i < ${#s}; i++)); do
      char=${s:i:1}
      if [[ $char == [$'\x01'-$'\x1f'$'\x7f'] ]]; then
        printf -v char '\\u%04x' "'$char"
      fi
      out+=$char
    done
    s=$out
  fi
  REPLY="\"$s\""
}

# The fields of the status file, one file each under fields/ (raw values, read and written without a
# fork), so `down` and the detached part can rewrite status.json without a JSON parser.
readonly STATUS_KEYS='name branch sha url owner startedAt expiresAt state exitCode'
declare -A STATUS=()

load_status() {
  local dir=$1/fields key value
  STATUS=()
  [[ -d $dir ]] || return 1
  for key in $STATUS_KEYS; do
    value=''
    [[ -f $dir/$key ]] && { IFS= read -r -d '' value <"$dir/$key" || true; }
    STATUS[$key]=$value
  done
}

# Writes status.json (one line, the fields in a fixed order; atomically: temp file, then rename) and
# the fields from STATUS.
save_status() {
  local dir=$1 json='{' key exit_json
  for key in name branch sha url owner startedAt expiresAt state; do
    json_string "${STATUS[$key]-}"
    json+="\"$key\":$REPLY,"
  done
  exit_json=${STATUS[exitCode]-}
  [[ $exit_json =~ ^[0-9]{1,3}$ ]] || exit_json=null
  printf '%s"exitCode":%s}\n' "$json" "$exit_json" >"$dir/.status.json.$$"
  [[ -d $dir/fields ]] || mkdir -- "$dir/fields"
  for key in $STATUS_KEYS; do printf '%s' "${STATUS[$key]-}" >"$dir/fields/$key"; done
  mv -f -- "$dir/.status.json.$$" "$dir/status.json"
}

# Sets state (and optionally url and exitCode) under the demo's status lock, so the detached part and
# `down` never interleave their rewrites.
set_state() {
  local dir=$1 state=$2 url=${3-} exit_code=${4-}
  (
    flock -w 10 8 || exit 0
    load_status "$dir" || exit 0
    STATUS[state]=$state
    [[ -n $url ]] && STATUS[url]=$url
    [[ -n $exit_code ]] && STATUS[exitCode]=$exit_code
    save_status "$dir"
  ) 8>>"$dir/status.lock"
}

runner_alive() {
  local pid
  pid=$(cat -- "$1/runner.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

# Opens the demo's lock file ($1) on fd 9 and locks it with flock's options $2... (-n, or -w SECONDS).
# `down` removes the lock file while it holds it; a lock taken on a file removed meanwhile guards nothing,
# so the file is checked to be the one locked, and opened again when it is not.
take_lock() {
  local file=$1 attempt
  shift
  for attempt in 1 2 3; do
    exec 9>>"$file"
    flock "$@" 9 || return 1
    [[ /dev/fd/9 -ef $file ]] && return 0
  done
  return 1
}

# Whether nothing holds the demo's lock: no `up` is cloning and no process of the demo is alive (the
# detached part and everything the deploy started inherit the lock).
lock_free() {
  (flock -n 7) 7>>"$1.lock"
}

# A demo whose processes all died without saying how (killed, server rebooted) while it was starting or
# running in the foreground is reported as failed rather than as running forever. state and exitCode
# end every status.json, so its last characters say it without parsing JSON.
reconcile_status() {
  local dir=$1 json=''
  IFS= read -r json <"$dir/status.json" || true
  [[ $json =~ $UNFINISHED_STATUS ]] && lock_free "$dir" || return 0
  # Decide again under the status lock: the runner may have written its last word (a deploy that exited
  # 0 is running) and ended, freeing the demo's lock, between the read above and now. Its word wins.
  (
    flock -w 10 8 || exit 0
    IFS= read -r json <"$dir/status.json" || true
    [[ $json =~ $UNFINISHED_STATUS ]] || exit 0
    load_status "$dir" || exit 0
    STATUS[state]=failed
    save_status "$dir"
  ) 8>>"$dir/status.lock"
}

# ---------------------------------------------------------------------------------------------------
# Actions
# ---------------------------------------------------------------------------------------------------
# Sets BASE from the input, or its default.
set_base() {
  BASE=${INPUT[BASE]-}
  [[ -n $BASE ]] || BASE=$HOME/.release-desk/demos
  [[ $BASE == /* && $BASE != *$'\n'* && $BASE != / ]] || fail "$EXIT_USAGE" 'BASE must be an absolute directory'
}

require_programs() {
  local missing=() program
  for program in "$@"; do command -v "$program" >/dev/null 2>&1 || missing+=("$program"); done
  ((${#missing[@]} == 0)) || fail "$EXIT_UNAVAILABLE" "missing on this server: ${missing[*]}"
}

action_up() {
  local name=$1 base dir repo branch deploy owner expires log pid
  require_programs git flock setsid base64 nohup realpath
  set_base
  base=$BASE
  repo=${INPUT[REPO]-}
  branch=${INPUT[BRANCH]-}
  deploy=${INPUT[DEPLOY]-}
  owner=${INPUT[OWNER]-}
  expires=${INPUT[EXPIRES]-}
  # Every value is checked before anything is created.
  [[ -n $repo && $repo != -* && $repo != *[[:cntrl:]]* ]] || fail "$EXIT_USAGE" 'REPO must be a clone URL'
  [[ -n $branch && $branch != -* ]] && git check-ref-format --branch "$branch" >/dev/null 2>&1 ||
    fail "$EXIT_USAGE" 'BRANCH must be a branch name'
  [[ -n $deploy ]] || fail "$EXIT_USAGE" 'DEPLOY is empty: there is no deploy command to run'
  [[ -z $expires || $expires =~ ^[0-9T:.Z+-]{10,40}$ ]] || fail "$EXIT_USAGE" 'EXPIRES must be an ISO time'
  [[ ${#owner} -le 200 && $owner != *[[:cntrl:]]* ]] || fail "$EXIT_USAGE" 'OWNER must be one short line'
  [[ -n $owner ]] || owner="$(id -un)@$HOSTNAME"

  mkdir -p -m 700 -- "$base"
  dir=$base/$name
  take_lock "$base/$name.lock" -n || fail "$EXIT_RUNNING" "already running for $name"
  mkdir -p -m 700 -- "$dir"
  log=$dir/demo.log
  : >"$log"
  rm -f -- "$dir/runner.pid"

  # Hooks off and no prompts: the clone runs unattended and must not execute the repository's code
  # before the deploy command does.
  export GIT_TERMINAL_PROMPT=0
  local -a git_safe=(git -c core.hooksPath=/dev/null -c protocol.ext.allow=never)
  if [[ -d $dir/src/.git ]]; then
    printf '%s updating %s to %s\n' "$MARK" "$name" "$branch" >>"$log"
    "${git_safe[@]}" -C "$dir/src" fetch --no-tags origin -- "+refs/heads/$branch:refs/remotes/origin/$branch" 2>&1 |
      tee -a "$log" >&2 || fail "$EXIT_FAILURE" "git fetch of $branch failed (see above)"
    "${git_safe[@]}" -C "$dir/src" checkout -q --force -B "$branch" "refs/remotes/origin/$branch" -- 2>&1 |
      tee -a "$log" >&2 || fail "$EXIT_FAILURE" "git checkout of $branch failed (see above)"
  else
    rm -rf -- "$dir/src"
    printf '%s cloning %s\n' "$MARK" "$branch" >>"$log"
    "${git_safe[@]}" clone -q --single-branch --branch "$branch" -- "$repo" "$dir/src" 2>&1 | tee -a "$log" >&2 ||
      fail "$EXIT_FAILURE" "git clone of $branch failed (see above)"
  fi

  STATUS=(
    [name]=$name [branch]=$branch [sha]="$(git -C "$dir/src" rev-parse HEAD)" [url]="${INPUT[URL]-}"
    [owner]=$owner [startedAt]="$(date -u +%Y-%m-%dT%H:%M:%SZ)" [expiresAt]=$expires [state]=starting [exitCode]=''
  )
  save_status "$dir"

  # The detached part: its own session (a dropped SSH connection sends it no SIGHUP), stdin from
  # /dev/null, output to the log, and the lock (fd 9) inherited so it stays held while the demo runs.
  # The input travels in the environment, never on its command line.
  local payload script
  script=$(realpath -- "${BASH_SOURCE[0]}")
  printf -v payload '%s\n' "${INPUT_LINES[@]}"
  RD_DEMO_INPUT=$payload nohup setsid bash "$script" __run -- "$name" </dev/null >>"$log" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$dir/runner.pid"
  printf 'started %s\n' "$pid"
}

# Runs the deploy command and records how it went: running once it printed DEMO_URL= (or exited 0, as
# `docker compose up -d` does), failed when it exited non-zero.
action_run() {
  local name=$1 base dir url template line partial='' state=starting started key code
  read_input_from_text "${RD_DEMO_INPUT-}"
  unset RD_DEMO_INPUT
  set_base
  base=$BASE
  dir=$base/$name
  template=${INPUT[URL]-}
  # A trapped TERM interrupts `read -t` at once; untrapped, `down` would wait for its timeout.
  trap 'exit 143' TERM
  cd -- "$dir/src"
  for key in "${ENV_KEYS[@]}"; do export "${key#ENV_}=${INPUT[$key]}"; done
  export DEMO_NAME=$name DEMO_BRANCH
  DEMO_BRANCH=${INPUT[BRANCH]-}
  printf '%s deploying %s (%s)\n' "$MARK" "$DEMO_BRANCH" "$(git rev-parse --short HEAD)"

  started=$SECONDS
  shopt -s lastpipe
  set +e +o pipefail
  bash -c "${INPUT[DEPLOY]-}" 2>&1 </dev/null | while true; do
    # read -t keeps a partial line in `line` on timeout; it is joined with the rest on the next read.
    IFS= read -r -t 1 line
    code=$?
    if ((code > 128)); then
      partial+=$line
      if [[ $state == starting ]] && ((SECONDS - started >= READY_LIMIT_SECONDS)); then
        state=running
        set_state "$dir" running "$template"
        printf '%s state=running url=%s\n' "$MARK" "$template"
      fi
      continue
    fi
    ((code == 0)) || [[ -n $partial$line ]] || break
    line=$partial$line
    partial=''
    printf '%s\n' "$line"
    # The cheap prefix and length tests go first: bash compiles a regex each time it meets one, and a
    # bounded repeat like {1,2000} is slow to compile, which throttled every line of the log.
    if [[ $state == starting && $line == DEMO_URL=http* ]] && ((${#line} <= 2020)) &&
      [[ $line =~ ^DEMO_URL=(https?://[^[:space:]]+)$ ]]; then
      url=${template:-${BASH_REMATCH[1]}}
      state=running
      set_state "$dir" running "$url"
      printf '%s state=running url=%s\n' "$MARK" "$url"
    fi
    ((code == 0)) || break
  done
  code=${PIPESTATUS[0]}
  if ((code != 0)); then
    set_state "$dir" failed '' "$code"
    printf '%s state=failed exit=%s\n' "$MARK" "$code"
  elif [[ $state == starting ]]; then
    set_state "$dir" running "$template" 0
    printf '%s state=running url=%s\n' "$MARK" "$template"
  else
    set_state "$dir" stopped '' 0
    printf '%s state=stopped exit=0\n' "$MARK"
  fi
}

action_down() {
  local name=$1 base dir stop pid
  set_base
  base=$BASE
  dir=$base/$name
  if [[ ! -d $dir ]]; then
    printf 'nothing to remove for %s\n' "$name"
    return 0
  fi
  set_state "$dir" stopping
  stop=${INPUT[STOP]-}
  if [[ -n $stop && -d $dir/src ]]; then
    (cd -- "$dir/src" && DEMO_NAME=$name bash -c "$stop" </dev/null) >>"$dir/demo.log" 2>&1 ||
      printf 'feature-demo: the stop command of %s exited with %s; removing it anyway\n' "$name" "$?" >&2
  fi
  # The detached part leads its own process group: end the deploy and everything it started. Every
  # process of the demo holds the lock (inherited fd 9), so the lock coming free means they are gone;
  # this also holds where exited processes linger unreaped, as zombies still answer `kill -0`. A free
  # lock means nothing runs, and then no signal is sent at all (the recorded pid may be reused by now).
  local locked=no
  pid=$(cat -- "$dir/runner.pid" 2>/dev/null) || pid=''
  if [[ $pid =~ ^[0-9]+$ ]] && ! lock_free "$dir"; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    if take_lock "$base/$name.lock" -w "$STOP_GRACE_SECONDS"; then
      locked=yes
    else
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    # Whatever closed its copy of the lock (a daemon closing every descriptor) is ended all the same.
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  # An `up` still cloning holds the lock too: wait for it rather than pull its directory away.
  if [[ $locked == no ]]; then
    take_lock "$base/$name.lock" -w 30 || fail "$EXIT_RUNNING" "$name is still starting; try again in a minute"
  fi
  rm -rf -- "$dir"
  rm -f -- "$base/$name.lock"
  printf 'removed %s\n' "$name"
}

action_status() {
  local name=$1 dir
  set_base
  dir=$BASE/$name
  [[ -f $dir/status.json ]] || fail "$EXIT_NO_DEMO" "no demo named $name"
  reconcile_status "$dir"
  cat -- "$dir/status.json"
}

action_logs() {
  local name=$1 dir from pid
  set_base
  dir=$BASE/$name
  [[ -f $dir/demo.log ]] || fail "$EXIT_NO_DEMO" "no demo named $name"
  from=${INPUT[FROM]-}
  [[ -n $from ]] || from=1
  [[ $from =~ ^[1-9][0-9]{0,9}$ ]] || fail "$EXIT_USAGE" 'FROM must be a line number'
  if [[ ${INPUT[FOLLOW]-1} != 0 ]] && runner_alive "$dir"; then
    pid=$(cat -- "$dir/runner.pid")
    # Follows until the detached part ends (or the caller hangs up and the next write fails).
    exec tail -n "+$from" -F --pid="$pid" -- "$dir/demo.log" 2>/dev/null
  fi
  exec tail -n "+$from" -- "$dir/demo.log"
}

action_list() {
  local base dir
  set_base
  base=$BASE
  [[ -d $base ]] || return 0
  for dir in "$base"/*/; do
    dir=${dir%/}
    [[ ${dir##*/} =~ $NAME_PATTERN && -f $dir/status.json ]] || continue
    reconcile_status "$dir"
    cat -- "$dir/status.json"
  done
}

# ---------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------
usage() { fail "$EXIT_USAGE" "usage: feature-demo.sh <up|down|status|logs> -- <name> | feature-demo.sh list --${1:+ ($1)}"; }

(($# >= 2)) || usage
action=$1
[[ $2 == -- ]] || usage 'the name must follow --'
case $action in
  list)
    (($# == 2)) || usage 'list takes no name'
    read_input_from_stdin
    action_list
    ;;
  up | down | status | logs | __run)
    (($# == 3)) || usage 'one name after --'
    name=$3
    [[ $name =~ $NAME_PATTERN ]] ||
      fail "$EXIT_USAGE" 'a demo name is 1-40 characters of a-z, 0-9 and -, not starting with -'
    case $action in
      __run) action_run "$name" ;;
      *)
        read_input_from_stdin
        "action_$action" "$name"
        ;;
    esac
    ;;
  *) usage "unknown action" ;;
esac
