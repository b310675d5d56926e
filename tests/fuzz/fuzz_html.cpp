// libFuzzer entry point of the html target (tests/fuzz/targets.h says what it checks).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    qg::fuzz::run_html(data, size);
    return 0;
}
