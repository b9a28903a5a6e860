#!/bin/bash
# Runs a benchmark in its own session at nice -15, the session's scheduler group included. With the kernel's
# autogroup on (/proc/sys/kernel/sched_autogroup_enabled = 1, as on these machines), each session is one group and
# `nice` only ranks a process against its own session's: `nice -n -15 dotnet ...` alone gets a benchmark no more CPU
# than any other session's build. Needs root (or CAP_SYS_NICE). Usage: setsid bench/prioritized.sh dotnet ... (setsid:
# a session of its own, so that the group's nice value is the benchmark's alone).
echo -15 > /proc/self/autogroup
exec nice -n -15 "$@"
