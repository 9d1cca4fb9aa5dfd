# Sourced by the window scripts: starts a virtual X server, sets DISPLAY and xvfb_pid, and waits until it
# answers. The caller kills "$xvfb_pid" on exit.
# -noreset: by default Xvfb resets when its last client leaves, and a window started during the reset cannot
# connect ("Failed to open connection to X server") — a race that busy cores make likely.
# -displayfd: Xvfb picks a free display itself, so a stale lock of an earlier run cannot get in the way.
start_xvfb() {
    local display_file
    display_file=$(mktemp)
    Xvfb -displayfd 3 -screen 0 1600x1000x24 -noreset 3>"$display_file" >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 50); do
        [ -s "$display_file" ] && break
        sleep 0.2
    done
    export DISPLAY=":$(head -1 "$display_file")"
    rm -f "$display_file"
    for _ in $(seq 1 50); do
        xdotool getdisplaygeometry >/dev/null 2>&1 && break
        sleep 0.2
    done
}
