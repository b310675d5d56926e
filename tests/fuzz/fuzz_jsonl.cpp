// libFuzzer entry point of the jsonl target (tests/fuzz/targets.h says what it checks).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    qg::fuzz::run_jsonl(data, size);
    return 0;
}
