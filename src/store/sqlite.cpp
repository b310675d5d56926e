#include "store/sqlite.h"

namespace qg::store::sql {

namespace {

// Once, before SQLite initialises: no memory statistics, whose mutex every allocation
// took (nothing reads them). Refused harmlessly if SQLite is already initialised.
void configure_sqlite() {
    static const int once = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)once;
}

}  // namespace

Connection::Connection(const std::string& path, int flags) : path_(path) {
    configure_sqlite();
    // NOMUTEX: a connection is never used by two threads at once (the server lends each
    // reader to one request and locks its writer), so its per-call mutex was pure cost,
    // several per cent of an ingest's writer thread.
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(path + ": cannot open the database: " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    // A reader waits for the writer's checkpoint instead of failing with SQLITE_BUSY.
    sqlite3_busy_timeout(db_, 10000);
}

Connection::~Connection() { sqlite3_close_v2(db_); }

void Connection::fail(const std::string& what) const {
    const int code = sqlite3_errcode(db_) & 0xff;
    std::string message = sqlite3_errmsg(db_);
    if (code == SQLITE_NOTADB) message = "not a SQLite database (" + message + ")";
    if (code == SQLITE_CORRUPT) message = "the database is corrupt (" + message + ")";
    throw Error(path_ + ": " + what + ": " + message);
}

void Connection::exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        const int code = sqlite3_errcode(db_) & 0xff;
        if (code == SQLITE_NOTADB) message = "not a SQLite database (" + message + ")";
        throw Error(path_ + ": " + message);
    }
}

Statement::Statement(const Connection& db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v3(db.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                           nullptr) != SQLITE_OK)
        db.fail("cannot prepare a query");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    // An empty view may have no data; SQLite would take a null pointer for NULL, not ''.
    sqlite3_bind_text64(stmt_, index, value.data() ? value.data() : "", value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bind_blob(int index, const void* data, size_t size) {
    sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

Statement& Statement::bind_id(int index, int64_t id) { return id == 0 ? bind_null(index) : bind(index, id); }

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail("query failed");
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string_view Statement::text_view(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!data) return {};
    return {data, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string Statement::text(int column) const { return std::string(text_view(column)); }

}  // namespace qg::store::sql
