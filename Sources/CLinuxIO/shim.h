#ifndef CLINUXIO_SHIM_H
#define CLINUXIO_SHIM_H
/* Linux calls that Swift's Glibc module leaves out (glibc declares them only under
   _GNU_SOURCE). Declared here as glibc defines them (a CPU set as the bytes of a cpu_set_t);
   nothing extra to link. */
#ifdef __linux__
#include <pthread.h>
#include <stddef.h>
int sched_getcpu(void);
int sched_getaffinity(int pid, size_t cpusetsize, void *mask);
int pthread_attr_setaffinity_np(pthread_attr_t *attr, size_t cpusetsize, const void *cpuset);
int mallopt(int param, int value);
enum { CLINUXIO_M_TRIM_THRESHOLD = -1, CLINUXIO_M_MMAP_THRESHOLD = -3 };
int sync_file_range(int fd, long long offset, long long nbytes, unsigned int flags);
enum {
    CLINUXIO_SYNC_FILE_RANGE_WAIT_BEFORE = 1,
    CLINUXIO_SYNC_FILE_RANGE_WRITE = 2,
    CLINUXIO_SYNC_FILE_RANGE_WAIT_AFTER = 4
};
#endif
#endif
