// `quotegraph serve`: the JSON API, pages, assets, limits and errors over a real socket
// (an in-process server on a free loopback port and httplib's client), and the CLI's
// graceful stop on SIGTERM.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "export/formats.h"
#include "export/json.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "serve/app.h"
#include "serve/server.h"
#include "store/store.h"

using namespace qg;
using nlohmann::json;

namespace {

const std::string kSeedPath = QG_SOURCE_DIR "/fixtures/the-national-2022-hassakeh.html";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// A server on 127.0.0.1 and a free port, serving from a thread until destroyed.
struct Running {
    serve::Server server;
    int port;
    std::thread thread;

    static serve::Options on_any_port(serve::Options options) {
        options.port = 0;
        return options;
    }
    explicit Running(const serve::Options& options = {}) : server(on_any_port(options)), port(server.bind()) {
        thread = std::thread([this] { server.run(); });
    }
    ~Running() {
        server.stop();
        thread.join();
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(20, 0);
        return c;
    }
};

json error_of(const httplib::Result& result) { return json::parse(result->body).at("error"); }

// Sends raw bytes on a new connection and returns the server's answer: the status line,
// headers and the body its Content-Length announces.
std::string raw_exchange(int port, const std::string& bytes) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::send(fd, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size()));
    timeval timeout{5, 0};  // bounds the test should the server never answer
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::string answer;
    char buffer[4096];
    ssize_t n;
    while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
        answer.append(buffer, static_cast<size_t>(n));
        const size_t end = answer.find("\r\n\r\n");
        if (end == std::string::npos) continue;
        const size_t length_at = answer.find("Content-Length: ");
        const size_t length = length_at < end ? std::stoul(answer.substr(length_at + 16)) : 0;
        if (answer.size() >= end + 4 + length) break;
    }
    ::close(fd);
    return answer;
}

constexpr const char* kSeedId = "2022/the-national-hassakeh";  // an id with '/', as paths have

// A database path of this process's own (ctest runs test cases in parallel processes),
// removed with its WAL files at exit.
std::string scratch_db(const std::string& name) {
    struct Scratch {
        std::vector<std::string> paths;
        ~Scratch() {
            for (const auto& path : paths)
                for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
        }
    };
    static Scratch scratch;
    const std::string dir = QG_BINARY_DIR "/serve-test";
    std::filesystem::create_directories(dir);
    const std::string db = dir + "/" + name + "-" + std::to_string(::getpid()) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    scratch.paths.push_back(db);
    return db;
}

// A tracker of the seed article (as kSeedId) and the tracker fixtures, built once.
const std::string& tracker_db() {
    static const std::string path = [] {
        const std::string db = scratch_db("tracker");
        auto store = store::Store::open(db, store::Mode::ReadWrite);
        ingest::Document seed = ingest::parse_html(read_file(kSeedPath), kSeedId);
        seed.outlet = "The National";
        seed.date = "2022-02-14";
        store.ingest(seed, pipeline::extract(seed));
        ingest::read_input(
            QG_SOURCE_DIR "/fixtures/tracker/articles.jsonl", {},
            [&](ingest::Document&& d) { store.ingest(d, pipeline::extract(d)); }, [](const ingest::Diagnostic&) {});
        return db;
    }();
    return path;
}

serve::Options with_tracker() {
    serve::Options options;
    options.db = tracker_db();
    return options;
}

json get_json(httplib::Client& client, const std::string& path, int status = 200) {
    auto result = client.Get(path.c_str());
    REQUIRE(result);
    INFO(path << " -> " << result->body.substr(0, 300));
    CHECK(result->status == status);
    return json::parse(result->body);
}

}  // namespace

TEST_CASE("serve: POST /api/extract returns exactly the extract JSON contract", "[serve]") {
    const Running running;
    auto client = running.client();
    const std::string html = read_file(kSeedPath);

    ingest::Document document = ingest::parse_html(html, "article");
    const json expected = exporter::to_json(document, pipeline::extract(document));

    auto as_html = client.Post("/api/extract", html, "text/html; charset=utf-8");
    REQUIRE(as_html);
    CHECK(as_html->status == 200);
    CHECK(as_html->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    const json got = json::parse(as_html->body);
    CHECK(got == expected);
    CHECK(got.at("attributions").size() >= 10);

    // The same article as JSON, with an id and metadata of its own.
    const json record = {{"html", html}, {"id", "seed"}, {"outlet", "The National"}};
    auto as_json = client.Post("/api/extract", record.dump(), "application/json");
    REQUIRE(as_json);
    CHECK(as_json->status == 200);
    const json from_record = json::parse(as_json->body);
    CHECK(from_record["document"]["id"] == "seed");
    CHECK(from_record["document"]["outlet"] == "The National");
    CHECK(from_record["attributions"] == expected["attributions"]);

    // Plain text, and an unlabelled body sniffed as HTML.
    const std::string text = "“The ceasefire is holding,” Farhad Shami, the SDF spokesman, said on Monday.";
    auto plain = client.Post("/api/extract", text, "text/plain");
    REQUIRE(plain);
    const json plain_json = json::parse(plain->body);
    CHECK(plain_json["document"]["text"] == text);
    REQUIRE(plain_json["attributions"].size() == 1);
    CHECK(plain_json["entities"][0]["name"] == "Farhad Shami");
    auto sniffed = client.Post("/api/extract", html, "application/octet-stream");
    REQUIRE(sniffed);
    CHECK(json::parse(sniffed->body) == expected);
}

TEST_CASE("serve: downloads in every format, and the article's audit", "[serve]") {
    const Running running;
    auto client = running.client();
    const std::string html = read_file(kSeedPath);
    ingest::Document document = ingest::parse_html(html, "article");
    const auto result = pipeline::extract(document);

    auto brat = client.Post("/api/export?format=brat", html, "text/html");
    REQUIRE(brat);
    CHECK(brat->status == 200);
    CHECK(brat->body == exporter::to_brat(document, result));
    CHECK(brat->get_header_value("Content-Disposition") == "attachment; filename=\"quotegraph.ann\"");

    auto json_download = client.Post("/api/export?format=json", html, "text/html");
    REQUIRE(json_download);
    CHECK(json::parse(json_download->body) == exporter::to_json(document, result));

    auto dot = client.Post("/api/export?format=dot", html, "text/html");
    REQUIRE(dot);
    CHECK(dot->body.find("digraph") != std::string::npos);
    CHECK(dot->body.find("Farhad Shami") != std::string::npos);

    auto svg = client.Post("/api/export?format=svg", html, "text/html");
    REQUIRE(svg);
    CHECK(svg->get_header_value("Content-Type") == "image/svg+xml");
    CHECK(svg->body.find("<svg") != std::string::npos);

    auto bad = client.Post("/api/export?format=exe", html, "text/html");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(error_of(bad)["message"].get<std::string>().find("format must be") != std::string::npos);

    auto audit = client.Post("/api/audit", html, "text/html");
    REQUIRE(audit);
    CHECK(audit->status == 200);
    const json report = json::parse(audit->body);
    REQUIRE(report["documents"].size() == 1);
    CHECK(report["documents"][0]["quotes"].get<int>() > 0);
}

TEST_CASE("serve: bad input gets a JSON 4xx and the server keeps serving", "[serve]") {
    serve::Options options;
    options.max_body = 64 * 1024;
    const Running running(options);
    auto client = running.client();

    auto expect_error = [&](const httplib::Result& result, int status, const std::string& words) {
        REQUIRE(result);
        CHECK(result->status == status);
        CHECK(result->get_header_value("Content-Type").rfind("application/json", 0) == 0);
        const json error = error_of(result);
        CHECK(error["status"] == status);
        INFO(error.dump());
        CHECK(error["message"].get<std::string>().find(words) != std::string::npos);
    };
    expect_error(client.Post("/api/extract", std::string("caf\xC3 \xFF said", 10), "text/plain"), 400, "not valid UTF-8");
    expect_error(client.Post("/api/extract", "   \n", "text/plain"), 400, "empty");
    expect_error(client.Post("/api/extract", "{\"text\": ", "application/json"), 400, "malformed JSON");
    expect_error(client.Post("/api/extract", "{\"title\": \"x\"}", "application/json"), 400, "neither");
    expect_error(client.Post("/api/extract", "[1, 2]", "application/json"), 400, "not a JSON object");
    expect_error(client.Post("/api/extract", std::string(64 * 1024 + 1, 'a'), "text/plain"), 413, "--max-body");
    expect_error(client.Get("/api/extract"), 405, "POST");
    expect_error(client.Get("/api/nothing"), 404, "no such endpoint");
    expect_error(client.Get("/nothing"), 404, "no such page");
    expect_error(client.Get("/api/tracker?q=%FF"), 400, "not valid UTF-8");

    // A body just under the limit is read (and found to hold no statement).
    auto under = client.Post("/api/extract", std::string(64 * 1024 - 10, 'a'), "text/plain");
    REQUIRE(under);
    CHECK(under->status == 200);

    // Malformed HTTP: a JSON 400, and the next request is served.
    const std::string garbage = raw_exchange(running.port, "GARBAGE\r\n\r\n");
    CHECK(garbage.rfind("HTTP/1.1 400", 0) == 0);
    CHECK(garbage.find("\"error\"") != std::string::npos);
    const std::string huge_header = raw_exchange(running.port, "GET / HTTP/1.1\r\nX: " + std::string(20000, 'x') + "\r\n\r\n");
    CHECK(huge_header.rfind("HTTP/1.1 4", 0) == 0);
    auto after = running.client().Get("/api/tracker");
    REQUIRE(after);
    CHECK(after->status == 200);
}

TEST_CASE("serve: only bundled files are served; no path leaves them", "[serve]") {
    const Running running;
    auto client = running.client();
    for (const char* path : {"/static/../../../../etc/passwd", "/static/..%2f..%2fetc%2fpasswd", "/static/%2e%2e/CMakeLists.txt",
                             "/static/..", "/static/style.css/../../README.md", "/../../etc/passwd", "/static/%00style.css"}) {
        auto result = client.Get(path);
        INFO(path);
        // httplib may refuse some of these itself; either way a 4xx and never a file.
        if (!result) continue;
        CHECK(result->status >= 400);
        CHECK(result->status < 500);
        CHECK(result->body.find("root:") == std::string::npos);
        CHECK(result->body.find("cmake_minimum_required") == std::string::npos);
    }
    auto css = client.Get("/static/style.css");
    REQUIRE(css);
    CHECK(css->status == 200);
    CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
    auto cytoscape = client.Get("/static/cytoscape.min.js");
    REQUIRE(cytoscape);
    CHECK(cytoscape->status == 200);
    CHECK(cytoscape->body.size() > 100000);
}

TEST_CASE("serve: pages carry a CSP forbidding inline and external scripts, and have none", "[serve]") {
    const Running running;
    auto client = running.client();
    for (const char* path : {"/", "/extract", "/api/tracker", "/static/extract.js", "/nothing"}) {
        auto result = client.Get(path);
        REQUIRE(result);
        INFO(path);
        const std::string csp = result->get_header_value("Content-Security-Policy");
        CHECK(csp.find("script-src 'self'") != std::string::npos);
        CHECK(csp.find("default-src 'none'") != std::string::npos);
        CHECK(csp.find("unsafe-inline") == std::string::npos);
        CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
    }
    for (const char* path : {"/", "/extract"}) {
        auto page = client.Get(path);
        REQUIRE(page);
        CHECK(page->status == 200);
        CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
        CHECK(page->body.find("<script>") == std::string::npos);
        CHECK(page->body.find(" onclick") == std::string::npos);
        CHECK(page->body.find("http://") == std::string::npos);
        CHECK(page->body.find("https://") == std::string::npos);
    }
}

TEST_CASE("serve: with no database the tracker is empty and /extract still works", "[serve]") {
    const Running running;
    auto client = running.client();
    auto tracker = client.Get("/api/tracker");
    REQUIRE(tracker);
    const json summary = json::parse(tracker->body);
    CHECK(summary["documents"] == 0);
    CHECK(summary["ingest"] == false);
    CHECK(summary["latest_documents"].empty());
    auto extract = client.Post("/api/extract", "{\"text\": \"“Yes,” she said.\"}", "application/json");
    REQUIRE(extract);
    CHECK(extract->status == 200);
}

TEST_CASE("serve: the application answers without a socket as well", "[serve]") {
    const serve::App app{serve::Options{}};
    serve::Request request;
    request.method = "DELETE";
    request.path = "/api/extract";
    CHECK(app.handle(request).status == 405);
    request.method = "GET";
    request.path = "/static/extract.js";
    CHECK(app.handle(request).status == 200);
    // Every page is assembled from web/layout.html with its own scripts and title.
    for (const char* path : {"/", "/extract", "/speakers/1", "/organisations/1", "/documents/a/b.html", "/claims/1",
                             "/graph", "/audit"}) {
        request.path = path;
        const serve::Response page = app.handle(request);
        INFO(path);
        CHECK(page.status == 200);
        CHECK(page.body.find("<main id=\"main\">") != std::string::npos);
        CHECK(page.body.find("{{") == std::string::npos);
        CHECK(page.body.find("<script src=\"/static/common.js\"></script>") != std::string::npos);
    }
    request.path = "/extract";
    const std::string extract = app.handle(request).body;
    CHECK(extract.find("<title>Extract — quotegraph</title>") != std::string::npos);
    CHECK(extract.find("<a href=\"/extract\" aria-current=\"page\">") != std::string::npos);
    CHECK(extract.find("<script src=\"/static/extract.js\"></script>") != std::string::npos);
}

TEST_CASE("serve: the CLI stops gracefully on SIGTERM, answering the request in flight", "[serve]") {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(out[1], 1);
        ::close(out[0]);
        const char* argv[] = {QG_BINARY_DIR "/quotegraph", "serve", "--port", "0", nullptr};
        ::execv(argv[0], const_cast<char**>(argv));
        ::_exit(127);
    }
    ::close(out[1]);
    // "quotegraph serve: listening on http://127.0.0.1:PORT/ ..."
    std::string line;
    char c;
    while (line.find('\n') == std::string::npos && ::read(out[0], &c, 1) == 1) line += c;
    const auto colon = line.find(':', line.find("127.0.0.1"));
    REQUIRE(colon != std::string::npos);
    const int port = std::stoi(line.substr(colon + 1));

    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(20, 0);
    // Long enough to be still extracting when the signal comes.
    std::string article;
    for (int i = 0; i < 100; ++i) article += read_file(kSeedPath);
    int in_flight_status = 0;
    std::thread in_flight([&] {
        if (auto result = client.Post("/api/extract", article, "text/html")) in_flight_status = result->status;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto stopping = std::chrono::steady_clock::now();
    REQUIRE(::kill(pid, SIGTERM) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    in_flight.join();
    CHECK(in_flight_status == 200);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - stopping).count();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(seconds < 8);
    std::string rest;
    while (::read(out[0], &c, 1) == 1) rest += c;
    ::close(out[0]);
    CHECK(rest.find("stopped") != std::string::npos);
}

TEST_CASE("serve: the tracker's summary, statements and speakers", "[serve]") {
    const Running running(with_tracker());
    auto client = running.client();

    const json summary = get_json(client, "/api/tracker");
    CHECK(summary["documents"] == 6);
    CHECK(summary["attributions"].get<int>() > 20);
    CHECK(summary["latest_documents"].size() == 6);
    REQUIRE(!summary["top_speakers"].empty());
    CHECK(summary["top_speakers"][0]["name"] == "Farhad Shami");

    const json shami = get_json(client, "/api/attributions?speaker=Farhad%20Shami&limit=3");
    CHECK(shami["total"].get<int>() >= 7);
    CHECK(shami["items"].size() == 3);
    for (const auto& item : shami["items"]) CHECK(item["speaker"] == "Farhad Shami");
    const json next = get_json(client, "/api/attributions?speaker=Farhad%20Shami&limit=3&offset=3");
    CHECK(next["items"][0]["id"] != shami["items"][0]["id"]);

    const json peaked = get_json(client, "/api/attributions?q=peaked");
    CHECK(peaked["total"] == 2);
    for (const auto& item : peaked["items"]) CHECK(item["content"]["text"].get<std::string>().find("peaked") != std::string::npos);
    CHECK(get_json(client, "/api/attributions?outlet=Kyiv%20Wire&kind=direct")["total"].get<int>() >= 1);
    CHECK(get_json(client, "/api/attributions?since=2024-03&until=2024-03-31")["total"].get<int>() >= 2);

    for (const char* bad : {"/api/attributions?kind=rumour", "/api/attributions?limit=many", "/api/attributions?limit=5000",
                            "/api/attributions?since=March", "/api/attributions?offset=-1", "/api/attributions?colour=red",
                            "/api/speakers?order=alphabet", "/api/attributions?since=2024-13-45",
                            "/api/attributions?until=2023-02-29", "/api/graph?since=2024-04-31", "/api/speakers?until=2024-00"}) {
        const json error = get_json(client, bad, 400);
        CHECK(error["error"]["status"] == 400);
    }

    // limit=0 is the total alone: never every statement, whatever the cap of 1000.
    const json counted = get_json(client, "/api/attributions?speaker=Farhad%20Shami&limit=0");
    CHECK(counted["items"].empty());
    CHECK(counted["total"] == shami["total"]);
    CHECK(get_json(client, "/api/speakers?limit=0")["items"].empty());

    const json speakers = get_json(client, "/api/speakers?limit=5");
    REQUIRE(!speakers["items"].empty());
    CHECK(speakers["items"][0]["name"] == "Farhad Shami");
    const json lindqvist = get_json(client, "/api/speakers?name=Maria%20Lindqvist");
    REQUIRE(lindqvist["items"].size() == 1);  // one person across two articles
    CHECK(lindqvist["items"][0]["statements"].get<int>() >= 2);
}

TEST_CASE("serve: speaker, organisation, document and claim pages' data; unknown ids are 404", "[serve]") {
    const Running running(with_tracker());
    auto client = running.client();
    const json found = get_json(client, "/api/speakers?name=Farhad%20Shami");
    REQUIRE(found["items"].size() == 1);
    const std::string id = std::to_string(found["items"][0]["id"].get<int64_t>());

    const json speaker = get_json(client, "/api/speakers/" + id);
    CHECK(speaker["entity"]["name"] == "Farhad Shami");
    CHECK(speaker["entity"]["roles"].dump().find("Syrian Democratic Forces") != std::string::npos);
    CHECK(speaker["total"].get<int>() >= 7);
    CHECK(speaker["statements"].size() == speaker["total"].get<size_t>());
    REQUIRE(!speaker["timeline"].empty());
    CHECK(speaker["timeline"][0]["period"] == "2022-02");

    int64_t sdf = 0;
    for (const auto& role : speaker["entity"]["roles"])
        if (role["organisation"] == "Syrian Democratic Forces") sdf = role["organisation_id"].get<int64_t>();
    REQUIRE(sdf != 0);
    const json organisation = get_json(client, "/api/organisations/" + std::to_string(sdf));
    CHECK(organisation["entity"]["kind"] == "organisation");
    CHECK(organisation["total"].get<int>() >= speaker["total"].get<int>());  // its own statements and its members'
    const json summary_only = get_json(client, "/api/organisations/" + std::to_string(sdf) + "?limit=0");
    CHECK(summary_only["statements"].empty());
    CHECK(summary_only["total"] == organisation["total"]);
    CHECK(summary_only["timeline"] == organisation["timeline"]);
    get_json(client, "/api/organisations/" + id, 404);  // a person is not an organisation
    get_json(client, "/api/speakers/999999", 404);
    get_json(client, "/api/speakers/abc", 404);

    // The stored article in the extract contract, its id holding a '/'.
    const json document = get_json(client, std::string("/api/documents/") + kSeedId);
    CHECK(document["document"]["id"] == kSeedId);
    CHECK(document["document"]["revisions"].size() == 1);
    ingest::Document seed = ingest::parse_html(read_file(kSeedPath), kSeedId);
    const json expected = exporter::to_json(seed, pipeline::extract(seed));
    CHECK(document["extract"]["document"]["text"] == expected["document"]["text"]);
    CHECK(document["extract"]["attributions"].size() == expected["attributions"].size());
    get_json(client, "/api/documents/no-such-article", 404);

    // "Prices have peaked", reported by two outlets for the same person.
    const json peaked = get_json(client, "/api/attributions?q=peaked&order=date");
    REQUIRE(peaked["items"].size() == 2);
    const std::string claim_id = std::to_string(peaked["items"][0]["claim_id"].get<int64_t>());
    CHECK(peaked["items"][1]["claim_id"] == peaked["items"][0]["claim_id"]);
    const json claim = get_json(client, "/api/claims/" + claim_id);
    REQUIRE(claim["reports"].size() == 2);
    CHECK(claim["reports"][0]["date"] <= claim["reports"][1]["date"]);
    CHECK(claim["reports"][0]["first"] == true);
    CHECK(claim["conflicts"].empty());
    get_json(client, "/api/claims/0", 404);
}

TEST_CASE("serve: the tracker's graph in every format, and its audit", "[serve]") {
    const Running running(with_tracker());
    auto client = running.client();
    const json whole = get_json(client, "/api/graph");
    CHECK(whole["nodes"].size() > 20);
    bool person_with_page = false;
    for (const auto& node : whole["nodes"])
        if (node["kind"] == "person" && node["href"].is_string() && node["href"].get<std::string>().rfind("/speakers/", 0) == 0)
            person_with_page = true;
    CHECK(person_with_page);

    const json ego = get_json(client, "/api/graph?speaker=Farhad%20Shami&no-claims=true");
    CHECK(ego["nodes"].size() < whole["nodes"].size());
    CHECK(ego["nodes"].dump().find("Syrian Democratic Forces") != std::string::npos);
    CHECK(get_json(client, "/api/graph?max-nodes=5")["nodes"].size() == 5);
    get_json(client, "/api/graph?speaker=Nobody%20At%20All", 404);
    get_json(client, "/api/graph?format=pdf", 400);
    get_json(client, "/api/graph?min-claims=x", 400);

    auto svg = client.Get("/api/graph?format=svg&speaker=Farhad%20Shami");
    REQUIRE(svg);
    CHECK(svg->get_header_value("Content-Type") == "image/svg+xml");
    CHECK(svg->body.find("<svg") != std::string::npos);
    auto dot = client.Get("/api/graph?format=dot");
    REQUIRE(dot);
    CHECK(dot->body.find("digraph") != std::string::npos);
    auto graphml = client.Get("/api/graph?format=graphml");
    REQUIRE(graphml);
    CHECK(graphml->body.find("<graphml") != std::string::npos);

    const json audit = get_json(client, "/api/audit");
    CHECK(audit.contains("cross_document"));
    CHECK(audit["summary"]["documents"] == 6);
    CHECK(!audit.contains("documents"));
}

TEST_CASE("serve: ingest only with --allow-ingest, idempotent", "[serve]") {
    {
        const Running read_only(with_tracker());
        auto client = read_only.client();
        auto refused = client.Post("/api/ingest", "“It held,” Farhad Shami said.", "text/plain");
        REQUIRE(refused);
        CHECK(refused->status == 403);
    }
    serve::Options options;
    options.db = scratch_db("ingest");
    options.allow_ingest = true;
    const Running running(options);
    auto client = running.client();
    CHECK(get_json(client, "/api/tracker")["ingest"] == true);
    const std::string article = "“The ceasefire is holding,” Farhad Shami, the SDF spokesman, said on Monday.";
    const json added = json::parse(client.Post("/api/ingest", article, "text/plain")->body);
    CHECK(added["outcome"] == "added");
    CHECK(added["id"].get<std::string>().rfind("pasted-", 0) == 0);
    const json again = json::parse(client.Post("/api/ingest", article, "text/plain")->body);
    CHECK(again["outcome"] == "unchanged");
    CHECK(again["id"] == added["id"]);
    const json summary = get_json(client, "/api/tracker");
    CHECK(summary["documents"] == 1);
    CHECK(get_json(client, "/api/documents/" + added["id"].get<std::string>())["document"]["id"] == added["id"]);
}
