// Assertions for HTTP answers that print what came back, so a failing
// test says what the server did instead of "false".
#pragma once

#include "httpclient.h"
#include "serverprocess.h"

#include <QTest>

#define MANA_COMPARE_STATUS(response, expectedStatus)                                              \
    do {                                                                                           \
        const auto &manaResponse_ = (response);                                                    \
        const int manaExpected_ = (expectedStatus);                                                \
        QVERIFY2(manaResponse_.status == manaExpected_,                                            \
                 qPrintable(QStringLiteral("expected HTTP %1, got %2")                             \
                                .arg(manaExpected_)                                                \
                                .arg(manaResponse_.describe())));                                  \
    } while (false)

// Status and PROTOCOL.md's error body with that code.
#define MANA_COMPARE_ERROR(response, expectedStatus, expectedCode)                                 \
    do {                                                                                           \
        const auto &manaErrorResponse_ = (response);                                               \
        MANA_COMPARE_STATUS(manaErrorResponse_, expectedStatus);                                   \
        const QString manaCode_ = QString(expectedCode);                                           \
        QVERIFY2(manaErrorResponse_.errorCode() == manaCode_,                                      \
                 qPrintable(QStringLiteral("expected error code %1, got %2")                       \
                                .arg(manaCode_, manaErrorResponse_.describe())));                  \
        QVERIFY2(!manaErrorResponse_.json()                                                        \
                      .value("error")                                                              \
                      .toObject()                                                                  \
                      .value("message")                                                            \
                      .toString()                                                                  \
                      .isEmpty(),                                                                  \
                 qPrintable(QStringLiteral("error without a message: ") +                          \
                            manaErrorResponse_.describe()));                                       \
    } while (false)

// Any 4xx with PROTOCOL.md's error body (code and message present).
#define MANA_VERIFY_ERROR_BODY(response)                                                           \
    do {                                                                                           \
        const auto &manaBodyResponse_ = (response);                                                \
        const QJsonObject manaError_ = manaBodyResponse_.json().value("error").toObject();         \
        QVERIFY2(                                                                                  \
            !manaError_.value("code").toString().isEmpty() &&                                      \
                !manaError_.value("message").toString().isEmpty(),                                 \
            qPrintable(QStringLiteral("not an error body: ") + manaBodyResponse_.describe()));     \
    } while (false)

// GET /health answers 200 (after something hostile): else the test fails
// with the answer and the end of the server's log.
#define MANA_VERIFY_HEALTHY(api, server)                                                           \
    do {                                                                                           \
        const HttpResponse manaHealth_ = (api).http().get(QStringLiteral("/health"));              \
        QVERIFY2(manaHealth_.status == 200,                                                        \
                 qPrintable(QStringLiteral("/health afterwards: %1; server log: %2")               \
                                .arg(manaHealth_.describe(), (server).logTail(800))));             \
    } while (false)

// First in initTestCase: a PostgreSQL run (MANA_TEST_BACKEND=postgres)
// without MANA_TEST_POSTGRES skips, as the other `_postgres` variants do.
#define MANA_SKIP_WITHOUT_TEST_BACKEND()                                                           \
    do {                                                                                           \
        const QString manaUnavailable_ = mana::servertest::testBackendUnavailable();               \
        if (!manaUnavailable_.isEmpty())                                                           \
            QSKIP(qPrintable(manaUnavailable_));                                                   \
    } while (false)

// A case about the SQLite file itself (its WAL, its folder, the disk under
// it) has nothing to check on PostgreSQL.
#define MANA_SKIP_ON_POSTGRES(why)                                                                 \
    do {                                                                                           \
        if (mana::servertest::postgresTestBackend())                                               \
            QSKIP(why);                                                                            \
    } while (false)
