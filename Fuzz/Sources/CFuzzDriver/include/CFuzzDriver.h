#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in libclang_rt.fuzzer since LLVM 12): runs the fuzzing loop, with the
/// usual libFuzzer flags in argv, on `callback`. The fuzz targets' own main calls it, because
/// SwiftPM names an executable's entry point itself (`<module>_main`).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
