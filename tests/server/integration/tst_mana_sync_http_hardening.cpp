// The HTTP front of mana-sync against hostile and careless clients (issue
// 13): a request is refused from its head when its size or its framing is
// wrong (nothing of the body buffered), malformed requests get an answer
// before the close, slow and idle connections are closed, `Connection:
// close` is honoured, and push bodies that QJsonDocument would read
// differently from other parsers are refused. Raw requests go over a plain
// QTcpSocket, exactly as written.
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>
#include <array>
#include <memory>
#include <optional>

using namespace mana::servertest;

namespace {

// Header, body and idle timeouts of the server under test: short, so the
// timeout cases end quickly; the other cases send whole requests at once.
constexpr int kServerTimeoutMs = 2000;
// How long a case waits for the server; far beyond what it needs.
constexpr int kPatienceMs = 20000;

struct RawAnswer
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QString errorCode() const
    {
        return QJsonDocument::fromJson(body)
            .object()
            .value("error")
            .toObject()
            .value("code")
            .toString();
    }
};

// The first complete answer in `bytes` (its body read by Content-Length).
std::optional<RawAnswer> firstAnswer(const QByteArray &bytes)
{
    const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = bytes.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    RawAnswer answer;
    answer.status = statusLine.value(1).toInt();
    for (qsizetype index = 1; index < lines.size(); ++index) {
        const qsizetype colon = lines.at(index).indexOf(':');
        answer.headers.append(
            {lines.at(index).left(colon).trimmed(), lines.at(index).mid(colon + 1).trimmed()});
    }
    const qsizetype length = answer.header("Content-Length").toLongLong();
    if (bytes.size() < headEnd + 4 + length)
        return std::nullopt;
    answer.body = bytes.mid(headEnd + 4, length);
    return answer;
}

// One TCP connection that sends bytes as given and keeps what comes back.
class RawConnection
{
public:
    bool open(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket,
                         [this] { m_closed = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return m_socket.waitForConnected(kPatienceMs);
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    bool isClosed() const { return m_closed; }
    QByteArray received() const { return m_received; }
    std::optional<RawAnswer> answer() const { return firstAnswer(m_received); }
    qint64 unsentBytes() const { return m_socket.bytesToWrite(); }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestManaSyncHttpHardening : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void refusedFromTheHead_data();
    void refusedFromTheHead();
    void hugeBodiesAtOnceAreNotBuffered();
    void connectionCloseIsHonoured_data();
    void connectionCloseIsHonoured();
    void keptAliveConnectionServesRequestAfterRequest();
    void slowRequestIsTimedOut_data();
    void slowRequestIsTimedOut();
    void silentConnectionIsClosed();
    void idleConnectionIsClosed();
    void hostilePushBodyIsRefused_data();
    void hostilePushBodyIsRefused();
    void thousandFieldsAreAccepted();

private:
    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
    TestUser m_user;
    const QString m_device = newClientId();
    TimestampSource m_clock;
};

void TestManaSyncHttpHardening::initTestCase()
{
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    ServerOptions options;
    const QString timeout = QString::number(kServerTimeoutMs);
    options.extraArguments = {"--header-timeout-ms", timeout, "--body-timeout-ms", timeout,
                              "--idle-timeout-ms",   timeout};
    m_server = std::make_unique<ServerProcess>(options);
    QString error;
    const auto user = startServerWithUser(*m_server, m_api, &error);
    QVERIFY2(user, qPrintable(error));
    m_user = *user;
}

void TestManaSyncHttpHardening::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void TestManaSyncHttpHardening::refusedFromTheHead_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QString>("expectedCode");

    const QByteArray login = "POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\n";
    const QByteArray health = "GET /health HTTP/1.1\r\nHost: t\r\n";
    // Without a token: the size alone is refused, before any route runs.
    QTest::newRow("Content-Length 300 MiB")
        << QByteArray("POST /sync/todo HTTP/1.1\r\nHost: t\r\nContent-Length: 314572800\r\n\r\n") +
               QByteArray(4096, 'x')
        << 413 << "payload_too_large";
    QTest::newRow("Content-Length one byte over 4 MiB")
        << login + "Content-Length: 4194305\r\n\r\n{" << 413 << "payload_too_large";

    // Request smuggling: two ways to tell where the body ends.
    QTest::newRow("two Content-Length") << health + "Content-Length: 0\r\nContent-Length: 0\r\n\r\n"
                                        << 400 << "bad_request";
    QTest::newRow("two different Content-Length")
        << login + "Content-Length: 2\r\nContent-Length: 9\r\n\r\n{}" << 400 << "bad_request";
    QTest::newRow("Content-Length list")
        << login + "Content-Length: 2, 2\r\n\r\n{}" << 400 << "bad_request";
    QTest::newRow("Transfer-Encoding with Content-Length")
        << login + "Transfer-Encoding: chunked\r\nContent-Length: 7\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
        << 400 << "bad_request";
    QTest::newRow("Transfer-Encoding alone")
        << login + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
        << 411 << "length_required";
    QTest::newRow("Content-Length negative") << login + "Content-Length: -1\r\n\r\n"
                                             << 400 << "bad_request";
    QTest::newRow("Content-Length with a sign")
        << login + "Content-Length: +2\r\n\r\n{}" << 400 << "bad_request";
    QTest::newRow("Content-Length of 20 digits")
        << login + "Content-Length: 18446744073709551618\r\n\r\n{}" << 400 << "bad_request";

    // Malformed request lines: answered, not dropped.
    QTest::newRow("request line without version")
        << QByteArray("GET /health\r\n\r\n") << 400 << "bad_request";
    QTest::newRow("request line of words")
        << QByteArray("hello there, server\r\n\r\n") << 400 << "bad_request";
    QTest::newRow("two spaces in the request line")
        << QByteArray("GET  /health HTTP/1.1\r\nHost: t\r\n\r\n") << 400 << "bad_request";
    QTest::newRow("binary request line")
        << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400
        << "bad_request";
    QTest::newRow("control character in the target")
        << QByteArray("GET /hea\x01lth HTTP/1.1\r\nHost: t\r\n\r\n") << 400 << "bad_request";
    QTest::newRow("target not a path")
        << QByteArray("GET health HTTP/1.1\r\nHost: t\r\n\r\n") << 400 << "bad_request";
    QTest::newRow("HTTP/2.0") << QByteArray("GET /health HTTP/2.0\r\nHost: t\r\n\r\n") << 505
                              << "http_version_not_supported";
    QTest::newRow("unknown method")
        << QByteArray("BREW /health HTTP/1.1\r\nHost: t\r\n\r\n") << 501 << "not_implemented";
    QTest::newRow("target of 9 KiB")
        << QByteArray("GET /") + QByteArray(9 * 1024, 'a') + " HTTP/1.1\r\nHost: t\r\n\r\n"
        << 414 << "uri_too_long";

    // Header fields proxies read differently.
    QTest::newRow("space before the colon") << health + "Content-Length : 0\r\n\r\n"
                                            << 400 << "bad_request";
    QTest::newRow("folded header field") << health + "X-Note: a\r\n  b\r\n\r\n"
                                         << 400 << "bad_request";
    QTest::newRow("NUL in a header value")
        << health + QByteArray("X-Note: a\0b\r\n\r\n", 15) << 400 << "bad_request";
    QTest::newRow("line without a colon") << health + "Just words\r\n\r\n" << 400 << "bad_request";
    QTest::newRow("no Host") << QByteArray("GET /health HTTP/1.1\r\n\r\n") << 400 << "bad_request";
    QTest::newRow("two Host") << health + "Host: u\r\n\r\n" << 400 << "bad_request";
    QTest::newRow("head of 40 KiB") << health + "X-Big: " + QByteArray(40 * 1024, 'a') + "\r\n\r\n"
                                    << 431 << "header_too_large";
    QByteArray manyFields = health;
    for (int index = 0; index < 101; ++index)
        manyFields += "X-F" + QByteArray::number(index) + ": 1\r\n";
    QTest::newRow("101 header fields") << manyFields + "\r\n" << 431 << "header_too_large";
}

void TestManaSyncHttpHardening::refusedFromTheHead()
{
    QFETCH(QByteArray, request);
    QFETCH(int, expectedStatus);
    QFETCH(QString, expectedCode);
    RawConnection connection;
    QVERIFY(connection.open(m_server->port()));
    connection.send(request);
    QTRY_VERIFY2_WITH_TIMEOUT(
        connection.answer().has_value(),
        qPrintable(QStringLiteral("no answer; received \"%1\"; log: %2")
                       .arg(QString::fromLatin1(connection.received()), m_server->logTail(600))),
        kPatienceMs);
    const RawAnswer answer = *connection.answer();
    QCOMPARE(answer.status, expectedStatus);
    QCOMPARE(answer.errorCode(), expectedCode);
    QCOMPARE(answer.header("Connection"), QByteArray("close"));
    // Where a refused request ends is unknown: the connection ends with it.
    QTRY_VERIFY_WITH_TIMEOUT(connection.isClosed(), kPatienceMs);
    MANA_VERIFY_HEALTHY(m_api, *m_server);
}

void TestManaSyncHttpHardening::hugeBodiesAtOnceAreNotBuffered()
{
    constexpr int kClients = 4;
    constexpr qint64 kSentEach = 20 * 1024 * 1024;
    // Before the fix each client cost the server twice what it sent (the
    // socket's buffer and the request body): 160 MiB here.
    constexpr qint64 kAllowedGrowthKiB = 64 * 1024;
    const bool peakReset = m_server->resetPeakResidentSet();
    const qint64 residentBefore = m_server->residentSetKiB();

    std::array<RawConnection, kClients> connections;
    for (RawConnection &connection : connections) {
        QVERIFY(connection.open(m_server->port()));
        connection.send("POST /sync/todo HTTP/1.1\r\nHost: t\r\nContent-Length: 314572800\r\n\r\n");
        connection.send(QByteArray(kSentEach, 'x'));
    }
    for (RawConnection &connection : connections) {
        QTRY_VERIFY_WITH_TIMEOUT(connection.answer().has_value(), kPatienceMs);
        QCOMPARE(connection.answer()->status, 413);
        QTRY_VERIFY_WITH_TIMEOUT(connection.isClosed(), kPatienceMs);
    }
    if (!peakReset)
        QSKIP("the OS does not let the test reset the server's peak RSS");
    const qint64 peak = m_server->peakResidentSetKiB();
    QVERIFY2(residentBefore > 0 && peak > 0, "no RSS figures from /proc");
    qInfo("server RSS %lld KiB before, peak %lld KiB while 4 x %lld MiB arrived", residentBefore,
          peak, kSentEach / (1024 * 1024));
    QVERIFY2(peak - residentBefore < kAllowedGrowthKiB,
             qPrintable(
                 QStringLiteral("server RSS %1 KiB -> peak %2 KiB").arg(residentBefore).arg(peak)));
    MANA_VERIFY_HEALTHY(m_api, *m_server);
}

void TestManaSyncHttpHardening::connectionCloseIsHonoured_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("expectedStatus");
    QTest::newRow("GET, close")
        << QByteArray("GET /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n") << 200;
    QTest::newRow("GET, Close among options")
        << QByteArray("GET /health HTTP/1.1\r\nHost: t\r\nConnection: keep-alive, Close\r\n\r\n")
        << 200;
    // Login answers once the password hash is done, not in the same turn.
    const QByteArray credentials = R"({"email":"nobody@example.com","password":"not the one"})";
    QTest::newRow("POST login, close")
        << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\nConnection: close\r\n"
                      "Content-Type: application/json\r\nContent-Length: ") +
               QByteArray::number(credentials.size()) + "\r\n\r\n" + credentials
        << 401;
    QTest::newRow("unknown route, close")
        << QByteArray("GET /nowhere HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n") << 404;
}

void TestManaSyncHttpHardening::connectionCloseIsHonoured()
{
    QFETCH(QByteArray, request);
    QFETCH(int, expectedStatus);
    RawConnection connection;
    QVERIFY(connection.open(m_server->port()));
    connection.send(request);
    QTRY_VERIFY_WITH_TIMEOUT(connection.answer().has_value(), kPatienceMs);
    QCOMPARE(connection.answer()->status, expectedStatus);
    QCOMPARE(connection.answer()->header("Connection"), QByteArray("close"));
    // Closed right after the answer, long before the idle timeout would.
    QTRY_VERIFY_WITH_TIMEOUT(connection.isClosed(), kServerTimeoutMs / 2);
}

void TestManaSyncHttpHardening::keptAliveConnectionServesRequestAfterRequest()
{
    RawConnection connection;
    QVERIFY(connection.open(m_server->port()));
    const QByteArray health = "GET /health HTTP/1.1\r\nHost: t\r\n\r\n";
    connection.send(health);
    QTRY_VERIFY_WITH_TIMEOUT(connection.answer().has_value(), kPatienceMs);
    QCOMPARE(connection.answer()->status, 200);
    qsizetype answered = connection.received().size();

    // A body in two pieces: the guard counts it, the next request is read
    // as a request.
    const QByteArray body = R"({"email":"nobody@example.com","password":"not the one"})";
    connection.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + body.left(10));
    QTest::qWait(100);
    connection.send(body.mid(10));
    QTRY_VERIFY_WITH_TIMEOUT(firstAnswer(connection.received().mid(answered)).has_value(),
                             kPatienceMs);
    QCOMPARE(firstAnswer(connection.received().mid(answered))->status, 401);
    answered = connection.received().size();

    connection.send(health);
    QTRY_VERIFY_WITH_TIMEOUT(firstAnswer(connection.received().mid(answered)).has_value(),
                             kPatienceMs);
    QCOMPARE(firstAnswer(connection.received().mid(answered))->status, 200);
    QVERIFY(!connection.isClosed());
}

void TestManaSyncHttpHardening::slowRequestIsTimedOut_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("trickle"); // sent one byte at a time afterwards
    QTest::newRow("head a byte at a time")
        << QByteArray("GET /health HTTP/1.1\r\nHost: t\r\n") << QByteArray(200, 'X');
    QTest::newRow("body a byte at a time")
        << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\nContent-Length: 300\r\n\r\n")
        << QByteArray(200, ' ');
}

void TestManaSyncHttpHardening::slowRequestIsTimedOut()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, trickle);
    RawConnection connection;
    QVERIFY(connection.open(m_server->port()));
    connection.send(head);
    // 200 bytes, one every 100 ms: 20 s, ten times the server's timeout. The
    // request never completes, so only a timeout ends it early.
    for (qsizetype index = 0; index < trickle.size() && !connection.isClosed(); ++index) {
        connection.send(trickle.mid(index, 1));
        QTest::qWait(100);
    }
    QVERIFY2(connection.isClosed(), "the slow client was never cut off");
    QVERIFY(connection.answer().has_value());
    QCOMPARE(connection.answer()->status, 408);
    QCOMPARE(connection.answer()->errorCode(), QStringLiteral("request_timeout"));
}

void TestManaSyncHttpHardening::silentConnectionIsClosed()
{
    RawConnection connection;
    QVERIFY(connection.open(m_server->port()));
    QTRY_VERIFY_WITH_TIMEOUT(connection.isClosed(), kPatienceMs);
    // Not a byte of a request came: nothing to answer.
    QCOMPARE(connection.received(), QByteArray());
}

void TestManaSyncHttpHardening::idleConnectionIsClosed()
{
    RawConnection connection;
    QVERIFY(connection.open(m_server->port()));
    connection.send("GET /health HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(connection.answer().has_value(), kPatienceMs);
    QCOMPARE(connection.answer()->status, 200);
    QVERIFY(!connection.isClosed());
    QTRY_VERIFY_WITH_TIMEOUT(connection.isClosed(), kPatienceMs);
}

void TestManaSyncHttpHardening::hostilePushBodyIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("recordId"); // must not be stored
    QTest::addColumn<QString>("expectedCode");

    const QString at = QStringLiteral("2026-01-01T00:00:00.000Z");
    const auto pushOf = [this](const QByteArray &changeText) {
        return "{\"clientId\":\"" + m_device.toUtf8() +
               "\",\"appId\":\"todo\",\"since\":\"\",\"changes\":[" + changeText + "]}";
    };
    const auto insertText = [&at](const QString &id, const QByteArray &dataMembers) {
        return "{\"table\":\"tasks\",\"id\":\"" + id.toUtf8() + "\",\"op\":\"insert\",\"data\":{" +
               dataMembers + ",\"updatedAt\":\"" + at.toUtf8() + "\"}}";
    };

    QString id = newRecordId();
    QTest::newRow("duplicate key in a change")
        << pushOf(insertText(id, "\"title\":\"a\",\"title\":\"b\"")) << id << "invalid_json";
    id = newRecordId();
    QTest::newRow("duplicate changes array")
        << QByteArray(pushOf(insertText(id, "\"title\":\"a\"")))
               .replace("\"changes\":[", "\"changes\":[],\"changes\":[")
        << id << "invalid_json";
    id = newRecordId();
    QTest::newRow("raw control character in a value")
        << pushOf(insertText(id, "\"title\":\"a\x01b\"")) << id << "invalid_json";
    id = newRecordId();
    QTest::newRow("raw newline in a value")
        << pushOf(insertText(id, "\"title\":\"line\nbreak\"")) << id << "invalid_json";
    id = newRecordId();
    QTest::newRow("NUL in a record id")
        << pushOf(insertText(id + "\\u0000x", "\"title\":\"a\"")) << id + QChar(0) + "x"
        << "bad_request";
    id = newRecordId();
    QTest::newRow("escaped newline in a record id")
        << pushOf(insertText(id + "\\n", "\"title\":\"a\"")) << id + "\n"
        << "bad_request";

    QByteArray manyData;
    for (int index = 0; index < 100000; ++index)
        manyData += (index ? ",\"f" : "\"f") + QByteArray::number(index) + "\":0";
    id = newRecordId();
    QTest::newRow("100,000 fields in data")
        << pushOf(insertText(id, manyData)) << id << "bad_request";
    QJsonObject fields;
    for (int index = 0; index < 1001; ++index)
        fields.insert(QStringLiteral("f%1").arg(index),
                      QJsonObject{{"value", index}, {"updatedAt", at}});
    id = newRecordId();
    QTest::newRow("1,001 fields in fields")
        << pushOf(compact(
               QJsonObject{{"table", "tasks"}, {"id", id}, {"op", "update"}, {"fields", fields}}))
        << id << "bad_request";
}

void TestManaSyncHttpHardening::hostilePushBodyIsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, recordId);
    QFETCH(QString, expectedCode);
    const HttpResponse answer =
        m_api.pushRaw(QStringLiteral("todo"), body, SyncApi::syncHeaders(m_user, m_device));
    MANA_COMPARE_ERROR(answer, 400, expectedCode);
    MANA_VERIFY_HEALTHY(m_api, *m_server);
    const PullResult pulled = m_api.pullAll(m_user, newClientId(), "todo", "tasks");
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    QVERIFY(!recordsById(pulled.changes).contains(recordId));
}

void TestManaSyncHttpHardening::thousandFieldsAreAccepted()
{
    // The limit's edge: 1,000 fields in one change are fine.
    QJsonObject values;
    for (int index = 0; index < 1000; ++index)
        values.insert(QStringLiteral("f%1").arg(index), index);
    const QString id = newRecordId();
    const HttpResponse answer =
        m_api.push(m_user, m_device, "todo", {updateFields("tasks", id, values, m_clock.next())});
    MANA_COMPARE_STATUS(answer, 200);
    const PullResult pulled = m_api.pullAll(m_user, newClientId(), "todo", "tasks");
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    QCOMPARE(recordsById(pulled.changes).value(id).values.value("f999").toInt(), 999);
}

QTEST_GUILESS_MAIN(TestManaSyncHttpHardening)
#include "tst_mana_sync_http_hardening.moc"
