#ifndef CLINUXIO_SHIM_H
#define CLINUXIO_SHIM_H
/* Linux file calls that Swift's Glibc module leaves out (glibc declares them only under
   _GNU_SOURCE). Declared here as glibc defines them; nothing extra to link. */
#ifdef __linux__
int sync_file_range(int fd, long long offset, long long nbytes, unsigned int flags);
enum {
    CLINUXIO_SYNC_FILE_RANGE_WAIT_BEFORE = 1,
    CLINUXIO_SYNC_FILE_RANGE_WRITE = 2,
    CLINUXIO_SYNC_FILE_RANGE_WAIT_AFTER = 4
};
#endif
#endif
