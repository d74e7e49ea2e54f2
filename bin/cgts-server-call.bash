# Sourced by the fast paths of bin/cgts-rustc-wrapper and bin/cgts-link:
# one request to the compile server of a `cargo cgts` build over its
# named-pipe channel (the protocol is in src/driver/rewrite-channel.ts).
#
# server_call KIND PATH   sends `<pid>\tKIND\tPATH`, shows the progress lines
#                         that come back on the descriptor $progress (default
#                         2), and sets `answer` to what follows `=` in the
#                         last line; returns 1 when the server is gone.
# The caller removes "$reply" and its .args/.out/.err files (an EXIT trap).

reply=${CGTS_SERVER_FIFO%/*}/reply-$$

server_call() {
  local pipe request part rc buf=''
  mkfifo -m 600 "$reply" || return 1
  # Both pipes are opened for reading and writing, so neither open waits
  # for the other side; a server that is gone is noticed by its process id.
  exec {pipe}<>"$reply" {request}<>"$CGTS_SERVER_FIFO"
  printf '%s\t%s\t%s\n' "$$" "$1" "$2" >&"$request"
  answer=''
  while :; do
    if IFS= read -r -t 2 part <&"$pipe"; then
      part=$buf$part
      buf=''
      case $part in
        +*) printf '%s\n' "${part#+}" >&"${progress:-2}" ;;
        =*)
          answer=${part#=}
          break
          ;;
      esac
    else
      rc=$?
      # a timeout (status above 128) keeps what it had read of the line
      buf=$buf$part
      if [ $rc -le 128 ] || ! kill -0 "$CGTS_SERVER_PID" 2>/dev/null; then
        exec {pipe}<&- {request}>&-
        echo "cgts: error: the compile server of this build is gone" >&2
        return 1
      fi
    fi
  done
  exec {pipe}<&- {request}>&-
}
