// A thin RAII layer over SQLite's C API, internal to the store: a connection, prepared
// statements with typed binds and columns, and errors that name the database file.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "store/store.h"

namespace qg::store::sql {

class Connection {
public:
    Connection() = default;
    Connection(const std::string& path, int flags);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* get() const { return db_; }
    const std::string& path() const { return path_; }
    void exec(const char* sql);  // one or more statements, no results
    [[noreturn]] void fail(const std::string& what) const;  // throws Error with SQLite's message

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Statement {
public:
    Statement(const Connection& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binds are 1-based, as SQLite's.
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, size_t value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, uint32_t value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);  // copied: safe for temporaries
    Statement& bind_blob(int index, const void* data, size_t size);
    Statement& bind_null(int index);
    // 0 binds NULL: the store's ids start at 1.
    Statement& bind_id(int index, int64_t id);

    bool step();  // true while a row is available
    void run() {  // steps a statement that returns no rows, then resets it
        step();
        reset();
    }
    void reset();

    int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::string_view text_view(int column) const;  // valid until the next step
    bool is_null(int column) const;

private:
    const Connection& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace qg::store::sql
