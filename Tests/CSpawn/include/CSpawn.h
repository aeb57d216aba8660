#ifndef STEPPE_CSPAWN_H
#define STEPPE_CSPAWN_H
#include <sys/types.h>

/// A pipe whose two ends close on exec: fds[0] reads, fds[1] writes.
int cspawn_pipe(int fds[2]);

/// Starts `argv[0]` (looked up on PATH) with stdin and stderr on /dev/null,
/// stdout on `stdout_fd`, and no other descriptor inherited, so nothing it
/// leaves running (a daemon) holds one of the caller's files open.
/// Returns 0 and sets *pid, or an errno value.
int cspawn_start(char *const argv[], int stdout_fd, pid_t *pid);

#endif
