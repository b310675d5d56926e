// -j N: results come back in input order, identical for any number of threads, and a job's
// failure surfaces after the results before it; no progress line when stderr is not a
// terminal.
#include <catch2/catch.hpp>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/parallel.h"

namespace {

struct Run {
    int status = -1;
    std::string out;
};

Run run(const std::string& command) {
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
    int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

TEST_CASE("the ordered runner hands results back in input order", "[throughput]") {
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
        std::vector<int> seen;
        std::mt19937 random(threads);
        {
            qg::pipeline::OrderedRunner<int, int> runner(
                threads,
                [](int& item) {
                    // Uneven job lengths, so that later items often finish first.
                    std::this_thread::sleep_for(std::chrono::microseconds((item * 7919) % 300));
                    return item * 2;
                },
                [&](int& item, int& output) {
                    CHECK(output == item * 2);
                    seen.push_back(item);
                });
            for (int i = 0; i < 500; ++i) runner.push(int(i));
            runner.finish();
        }
        REQUIRE(seen.size() == 500);
        for (int i = 0; i < 500; ++i) CHECK(seen[i] == i);
    }
}

TEST_CASE("a failing job is reported after the results before it", "[throughput]") {
    std::vector<int> seen;
    qg::pipeline::OrderedRunner<int, int> runner(
        4,
        [](int& item) {
            if (item == 50) throw std::runtime_error("job 50 failed");
            return item;
        },
        [&](int& item, int&) { seen.push_back(item); });
    bool thrown = false;
    try {
        for (int i = 0; i < 100; ++i) runner.push(int(i));
        runner.finish();
    } catch (const std::runtime_error& e) {
        thrown = true;
        CHECK(std::string(e.what()) == "job 50 failed");
    }
    CHECK(thrown);
    REQUIRE(seen.size() >= 50);
    for (int i = 0; i < 50; ++i) CHECK(seen[i] == i);
}

TEST_CASE("extract, graph and audit give the same output for any -j", "[throughput]") {
    // A JSONL batch made of the fixtures, several times over.
    const std::string dir = QG_BINARY_DIR "/throughput-test";
    std::filesystem::create_directories(dir);
    const std::string batch = dir + "/batch.jsonl";
    {
        std::ofstream out(batch, std::ios::binary);
        int n = 0;
        for (int copy = 0; copy < 4; ++copy)
            for (const auto& entry : std::filesystem::directory_iterator(QG_SOURCE_DIR "/fixtures/constructions")) {
                std::string text = read_file(entry.path().string());
                std::string escaped;
                for (char c : text) {
                    if (c == '"' || c == '\\') escaped += '\\';
                    if (c == '\n') {
                        escaped += "\\n";
                        continue;
                    }
                    escaped += c;
                }
                out << "{\"id\": \"d" << n++ << "\", \"text\": \"" << escaped << "\"}\n";
            }
    }
    const std::string cli = QG_BINARY_DIR "/quotegraph ";
    for (const std::string command : {"extract --format jsonl", "graph --format json", "audit --format json"}) {
        INFO(command);
        Run one = run(cli + command + " -j 1 " + batch + " 2>" + dir + "/stderr1");
        Run many = run(cli + command + " -j 4 " + batch + " 2>" + dir + "/stderr4");
        CHECK(one.status == many.status);
        CHECK_FALSE(one.out.empty());
        CHECK(one.out == many.out);
        // stderr is a file here, not a terminal: no progress line.
        CHECK(read_file(dir + "/stderr1").empty());
        CHECK(read_file(dir + "/stderr4").empty());
    }
}
