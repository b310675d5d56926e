// libFuzzer entry point of the dot target (tests/fuzz/targets.h says what it checks).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    qg::fuzz::run_dot(data, size);
    return 0;
}
