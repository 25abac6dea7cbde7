// Reads a running (or stopped) server's database directly, for the few
// black-box tests that check what it stored: a SQLite file through a
// private read-only connection (WAL lets it in beside the server), or a
// PostgreSQL database through libpq (server/pg) when the test runs on
// PostgreSQL (MANA_TEST_BACKEND=postgres, docs/server.md "Tests on both
// databases").
#pragma once

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace mana::servertest {

// The first row of `sql` on the database `databaseUrl` names
// (ServerProcess::databaseUrl(): "sqlite:PATH" or "postgres…://…"), each
// column as text (SQLite blobs as bytes). An empty list when there is no
// row; nullopt with *error set when the query fails.
std::optional<QVariantList> queryServerDatabase(const QString &databaseUrl, const QString &sql,
                                                QString *error);

// COUNT(*) of a table, -1 when it cannot be read.
int countServerRows(const QString &databaseUrl, const QString &table);

} // namespace mana::servertest
