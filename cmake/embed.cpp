// Build tool: writes a C++ source that defines `NS::NAME` as a std::string_view over the
// bytes of a data file, so data files are compiled into quotegraph (see EmbedData.cmake).
// Usage: qg_embed INPUT OUTPUT NAMESPACE NAME
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: qg_embed INPUT OUTPUT NAMESPACE NAME\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "qg_embed: cannot read %s\n", argv[1]);
        return 1;
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string tmp = std::string(argv[2]) + ".tmp";
    FILE* out = std::fopen(tmp.c_str(), "w");
    if (!out) {
        std::fprintf(stderr, "qg_embed: cannot write %s\n", tmp.c_str());
        return 1;
    }
    std::fprintf(out, "#include <string_view>\nnamespace %s {\nnamespace {\nconstexpr unsigned char bytes[] = {\n", argv[3]);
    for (size_t i = 0; i < bytes.size(); ++i)
        std::fprintf(out, "%u,%s", static_cast<unsigned char>(bytes[i]), i % 32 == 31 ? "\n" : "");
    std::fprintf(out, "0};\n}\nextern const std::string_view %s;\n", argv[4]);
    std::fprintf(out, "const std::string_view %s{reinterpret_cast<const char*>(bytes), %zu};\n}\n", argv[4], bytes.size());
    if (std::fclose(out) != 0 || std::rename(tmp.c_str(), argv[2]) != 0) {
        std::fprintf(stderr, "qg_embed: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
