#include "pgconnection.h"

#include <QLoggingCategory>
#include <QUrl>

#include <libpq-fe.h>

namespace mana::server::pg {

Q_LOGGING_CATEGORY(lcPg, "mana.sync.postgres", QtInfoMsg)

namespace {

// libpq's messages end in a newline and may add a hint line; the operator
// gets the first line as the reason of one sentence.
QString firstLine(const char *message)
{
    QString text = QString::fromUtf8(message).trimmed();
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    if (newline >= 0)
        text = text.left(newline).trimmed();
    // libpq quotes the whole URL (a password too) after this.
    const qsizetype quoted = text.indexOf(QLatin1String(" in URI:"));
    if (quoted >= 0)
        text.truncate(quoted);
    text.replace(QLatin1String("FATAL:  "), QString());
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

// The URL's settings as libpq reads them; nullopt with the reason when it
// cannot read them.
std::optional<QHash<QString, QString>> parse(const QString &url, QString *error)
{
    char *message = nullptr;
    PQconninfoOption *options = PQconninfoParse(url.toUtf8().constData(), &message);
    if (!options) {
        if (error)
            *error = message ? firstLine(message) : QStringLiteral("out of memory");
        PQfreemem(message);
        return std::nullopt;
    }
    QHash<QString, QString> settings;
    for (PQconninfoOption *option = options; option->keyword; ++option) {
        if (option->val)
            settings.insert(QString::fromUtf8(option->keyword), QString::fromUtf8(option->val));
    }
    PQconninfoFree(options);
    return settings;
}

void appendArrayElement(QByteArray *literal, const QByteArray &text)
{
    literal->append('"');
    for (const char c : text) {
        if (c == '"' || c == '\\')
            literal->append('\\');
        literal->append(c);
    }
    literal->append('"');
}

// Notices ("relation already exists, skipping") are not for stderr.
void quietNotice(void *, const char *message)
{
    qCDebug(lcPg).noquote() << firstLine(message);
}

} // namespace

bool isPostgresUrl(const QString &url)
{
    return url.startsWith(QLatin1String("postgres://")) ||
           url.startsWith(QLatin1String("postgresql://"));
}

bool checkUrl(const QString &url, QString *error)
{
    QString reason;
    if (!isPostgresUrl(url)) {
        *error = QStringLiteral("\"%1\" is not a PostgreSQL URL (postgres://user@host:port/db).")
                     .arg(url);
        return false;
    }
    if (!parse(url, &reason)) {
        *error = QStringLiteral("The PostgreSQL URL \"%1\" is malformed: %2.")
                     .arg(describeTarget(url), reason);
        return false;
    }
    return true;
}

QString describeTarget(const QString &url)
{
    const auto settings = parse(url, nullptr);
    if (!settings) {
        // Never echo a password: cut the user info out of what we show.
        QString shown = url;
        const qsizetype scheme = shown.indexOf(QLatin1String("://"));
        const qsizetype at = shown.indexOf(QLatin1Char('@'));
        if (scheme >= 0 && at > scheme)
            shown.remove(scheme + 3, at - scheme - 2);
        return shown;
    }
    const QString user = settings->value(QStringLiteral("user"));
    const QString host = settings->value(QStringLiteral("host"), QStringLiteral("localhost"));
    const QString port = settings->value(QStringLiteral("port"));
    const QString database = settings->value(QStringLiteral("dbname"), user);
    return (user.isEmpty() ? QString() : user + QLatin1Char('@')) + host +
           (port.isEmpty() ? QString() : QLatin1Char(':') + port) + QLatin1Char('/') + database;
}

std::optional<QHash<QString, QString>> urlSettings(const QString &url)
{
    return parse(url, nullptr);
}

QString urlWithDatabase(const QString &url, const QString &database)
{
    QHash<QString, QString> settings = parse(url, nullptr).value_or(QHash<QString, QString>());
    settings.insert(QStringLiteral("dbname"), database);
    QStringList query;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        query.append(QString::fromLatin1(QUrl::toPercentEncoding(it.key())) + QLatin1Char('=') +
                     QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
    }
    query.sort();
    return QStringLiteral("postgresql://?") + query.join(QLatin1Char('&'));
}

Params &Params::add(const QString &text)
{
    return addUtf8(text.toUtf8());
}

Params &Params::addUtf8(const QByteArray &utf8)
{
    m_values.push_back(utf8.isNull() ? QByteArray("") : utf8);
    m_null.push_back(false);
    return *this;
}

Params &Params::add(qint64 number)
{
    return addUtf8(QByteArray::number(number));
}

Params &Params::addTextArray(const QStringList &texts)
{
    QByteArray literal("{");
    for (const QString &text : texts) {
        if (literal.size() > 1)
            literal.append(',');
        appendArrayElement(&literal, text.toUtf8());
    }
    literal.append('}');
    return addUtf8(literal);
}

Params &Params::addUtf8Array(const QList<QByteArray> &texts)
{
    qsizetype size = 2;
    for (const QByteArray &text : texts)
        size += text.size() + 8;
    QByteArray literal;
    literal.reserve(size);
    literal.append('{');
    for (const QByteArray &text : texts) {
        if (literal.size() > 1)
            literal.append(',');
        appendArrayElement(&literal, text);
    }
    literal.append('}');
    return addUtf8(literal);
}

Params &Params::addInt64Array(const QList<qint64> &numbers)
{
    QByteArray literal("{");
    for (const qint64 number : numbers) {
        if (literal.size() > 1)
            literal.append(',');
        literal.append(QByteArray::number(number));
    }
    literal.append('}');
    return addUtf8(literal);
}

Params &Params::addNull()
{
    m_values.emplace_back();
    m_null.push_back(true);
    return *this;
}

const char *const *Params::values() const
{
    m_pointers.resize(m_values.size());
    for (size_t index = 0; index < m_values.size(); ++index)
        m_pointers[index] = m_null[index] ? nullptr : m_values[index].constData();
    return m_pointers.data();
}

Result::Result(pg_result *result, QString error)
    : m_result(result)
    , m_error(std::move(error))
{}

Result::~Result()
{
    if (m_result)
        PQclear(m_result);
}

Result::Result(Result &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
    , m_error(std::move(other.m_error))
{}

Result &Result::operator=(Result &&other) noexcept
{
    if (this != &other) {
        if (m_result)
            PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

QByteArray Result::sqlState() const
{
    if (!m_result)
        return {};
    const char *state = PQresultErrorField(m_result, PG_DIAG_SQLSTATE);
    return state ? QByteArray(state) : QByteArray();
}

int Result::columns() const
{
    return m_result ? PQnfields(m_result) : 0;
}

int Result::rows() const
{
    return m_result ? PQntuples(m_result) : 0;
}

qint64 Result::affectedRows() const
{
    if (!m_result)
        return 0;
    return QByteArray(PQcmdTuples(m_result)).toLongLong();
}

bool Result::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

QString Result::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

QByteArray Result::utf8(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

qint64 Result::int64(int row, int column) const
{
    return QByteArray::fromRawData(PQgetvalue(m_result, row, column),
                                   PQgetlength(m_result, row, column))
        .toLongLong();
}

std::unique_ptr<Connection> Connection::open(const QString &url, QString *error,
                                             int connectTimeoutSeconds)
{
    if (!checkUrl(url, error))
        return nullptr;
    const QByteArray timeout = QByteArray::number(connectTimeoutSeconds);
    const QByteArray dbname = url.toUtf8();
    // Later settings win: the URL's own connect_timeout, if any, over ours.
    const char *keywords[] = {"connect_timeout", "application_name", "client_encoding", "dbname",
                              nullptr};
    const char *values[] = {timeout.constData(), "mana-sync", "UTF8", dbname.constData(), nullptr};
    pg_conn *connection = PQconnectdbParams(keywords, values, 1);
    if (!connection) {
        *error = QStringLiteral("Cannot connect to PostgreSQL: out of memory.");
        return nullptr;
    }
    const QString target = describeTarget(url);
    if (PQstatus(connection) != CONNECTION_OK) {
        *error = QStringLiteral("Cannot connect to the PostgreSQL database %1: %2.")
                     .arg(target, firstLine(PQerrorMessage(connection)));
        PQfinish(connection);
        return nullptr;
    }
    if (PQserverVersion(connection) < 130000) {
        *error = QStringLiteral("The PostgreSQL server of %1 is version %2; mana-sync needs 13 or "
                                "newer.")
                     .arg(target)
                     .arg(PQserverVersion(connection));
        PQfinish(connection);
        return nullptr;
    }
    PQsetNoticeProcessor(connection, quietNotice, nullptr);
    return std::unique_ptr<Connection>(new Connection(connection, target));
}

Connection::Connection(pg_conn *connection, QString target)
    : m_connection(connection)
    , m_target(std::move(target))
{}

Connection::~Connection()
{
    PQfinish(m_connection);
}

Result Connection::finish(pg_result *result)
{
    if (!result)
        return Result(nullptr, firstLine(PQerrorMessage(m_connection)));
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return Result(result, QString());
    QString error = firstLine(PQresultErrorMessage(result));
    if (error.isEmpty())
        error = QString::fromUtf8(PQresStatus(status));
    return Result(result, error);
}

Result Connection::exec(const QString &sql)
{
    return finish(PQexec(m_connection, sql.toUtf8().constData()));
}

Result Connection::exec(const QString &sql, const Params &params)
{
    return finish(PQexecParams(m_connection, sql.toUtf8().constData(), params.size(), nullptr,
                               params.values(), nullptr, nullptr, 0));
}

Result Connection::execPrepared(const QString &sql, const Params &params)
{
    auto found = m_prepared.constFind(sql);
    if (found == m_prepared.cend()) {
        const QByteArray name = "mana_" + QByteArray::number(m_nextStatement++);
        Result prepared =
            finish(PQprepare(m_connection, name.constData(), sql.toUtf8().constData(), 0, nullptr));
        if (!prepared.ok())
            return prepared;
        found = m_prepared.insert(sql, name);
    }
    return finish(PQexecPrepared(m_connection, found->constData(), params.size(), params.values(),
                                 nullptr, nullptr, 0));
}

bool Connection::ensureConnected()
{
    if (PQstatus(m_connection) == CONNECTION_OK)
        return true;
    qCWarning(lcPg).noquote() << "the connection to" << m_target << "broke; connecting again";
    PQreset(m_connection);
    // Prepared statements lived in the old session.
    m_prepared.clear();
    if (PQstatus(m_connection) == CONNECTION_OK) {
        PQsetNoticeProcessor(m_connection, quietNotice, nullptr);
        return true;
    }
    qCWarning(lcPg).noquote() << "cannot connect to" << m_target << ":"
                              << firstLine(PQerrorMessage(m_connection));
    return false;
}

int Connection::socketDescriptor() const
{
    return PQsocket(m_connection);
}

int Connection::backendPid() const
{
    return PQbackendPID(m_connection);
}

bool Connection::consumeInput(QString *error)
{
    if (PQconsumeInput(m_connection) == 1 && PQstatus(m_connection) == CONNECTION_OK)
        return true;
    if (error)
        *error = firstLine(PQerrorMessage(m_connection));
    return false;
}

QList<Connection::Notification> Connection::takeNotifications()
{
    QList<Notification> notifications;
    while (PGnotify *notify = PQnotifies(m_connection)) {
        notifications.append(
            {QString::fromUtf8(notify->relname), QByteArray(notify->extra), notify->be_pid});
        PQfreemem(notify);
    }
    return notifications;
}

bool Connection::inTransaction() const
{
    return PQtransactionStatus(m_connection) != PQTRANS_IDLE;
}

Transaction::Transaction(Connection &connection, const char *begin)
    : m_connection(connection)
{
    if (!m_connection.inTransaction())
        m_connection.ensureConnected();
    const Result result = m_connection.exec(QString::fromLatin1(begin));
    m_open = result.ok();
    if (!m_open)
        m_error = result.error();
}

Transaction::~Transaction()
{
    if (m_open)
        m_connection.exec(QStringLiteral("ROLLBACK"));
}

bool Transaction::commit()
{
    m_open = false;
    const Result result = m_connection.exec(QStringLiteral("COMMIT"));
    if (!result.ok())
        m_error = result.error();
    return result.ok();
}

bool migrate(Connection &connection, const QString &component, const QList<Migration> &steps,
             QString *error)
{
    const auto fail = [&](const QString &what, const QString &reason) {
        *error = QStringLiteral("Cannot %1 (%2 schema): %3").arg(what, component, reason);
        return false;
    };
    Transaction transaction(connection);
    if (!transaction.isOpen())
        return fail(QStringLiteral("start the migration"), transaction.error());
    // One key for every component: creating schema_version itself must not
    // race either. Held until the transaction ends.
    Result locked = connection.exec(QStringLiteral("SELECT pg_advisory_xact_lock(4242151)"));
    if (!locked.ok())
        return fail(QStringLiteral("lock the schema"), locked.error());
    Result created = connection.exec(
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, "
                       "version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"));
    if (!created.ok())
        return fail(QStringLiteral("create schema_version"), created.error());
    Result current =
        connection.exec(QStringLiteral("SELECT version FROM schema_version WHERE component = $1"),
                        Params().add(component));
    if (!current.ok())
        return fail(QStringLiteral("read the schema version"), current.error());
    const int version = current.rows() > 0 ? int(current.int64(0, 0)) : 0;
    const int latest = steps.isEmpty() ? 0 : steps.constLast().version;
    if (version > latest) {
        *error = QStringLiteral("The database was written by a newer mana-sync (%1 schema version "
                                "%2; this one knows up to %3).")
                     .arg(component)
                     .arg(version)
                     .arg(latest);
        return false;
    }
    for (const Migration &step : steps) {
        if (step.version <= version)
            continue;
        qCInfo(lcPg).noquote() << "migrating the" << component << "schema to version"
                               << step.version << "(" + step.description + ")";
        for (const QString &statement : step.statements) {
            Result done = connection.exec(statement);
            if (!done.ok())
                return fail(QStringLiteral("migrate to version %1").arg(step.version),
                            done.error());
        }
    }
    if (version != latest) {
        Result recorded = connection.exec(
            QStringLiteral("INSERT INTO schema_version (component, version) VALUES ($1, $2) "
                           "ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, "
                           "applied_at = now()"),
            Params().add(component).add(qint64(latest)));
        if (!recorded.ok())
            return fail(QStringLiteral("record the schema version"), recorded.error());
    }
    if (!transaction.commit())
        return fail(QStringLiteral("commit the migration"), transaction.error());
    return true;
}

} // namespace mana::server::pg
