#include "recordimport.h"

#include "collection.h"
#include "localstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

Q_LOGGING_CATEGORY(lcImport, "mana.app.import")

namespace mana {

namespace {

QString describeJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::String:
        return QStringLiteral("text");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::Bool:
        return QStringLiteral("true or false");
    default:
        return QStringLiteral("null");
    }
}

} // namespace

RecordImport::RecordImport(QObject *parent)
    : QObject(parent)
{}

bool RecordImport::load(const QString &path, QString *error)
{
    m_path = path;
    m_parts.clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("Cannot import %1: it is not valid JSON (%2 at byte %3).")
                     .arg(path, parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("Cannot import %1: it must hold one JSON object like "
                                "{\"todo/tasks\": [{\"title\": \"…\"}]}, not an array.")
                     .arg(path);
        return false;
    }
    // QJsonObject keeps its keys sorted, so collections are written in the
    // order of their names; references are not checked on insert, so the
    // order of collections does not matter.
    const QJsonObject collections = document.object();
    for (auto it = collections.begin(); it != collections.end(); ++it) {
        const QString target = it.key();
        const qsizetype slash = target.indexOf(u'/');
        if (slash <= 0 || slash == target.size() - 1 || target.indexOf(u'/', slash + 1) >= 0) {
            *error = QStringLiteral("Cannot import %1: “%2” is not an <app>/<collection> name "
                                    "such as todo/tasks.")
                         .arg(path, target);
            return false;
        }
        if (!it.value().isArray()) {
            *error = QStringLiteral("Cannot import %1: the value of “%2” must be an array of "
                                    "records, not %3.")
                         .arg(path, target, describeJson(it.value()));
            return false;
        }
        const QJsonArray records = it.value().toArray();
        for (qsizetype i = 0; i < records.size(); ++i) {
            if (!records.at(i).isObject()) {
                *error = QStringLiteral("Cannot import %1: record %2 of “%3” must be a JSON "
                                        "object, not %4.")
                             .arg(path)
                             .arg(i + 1)
                             .arg(target, describeJson(records.at(i)));
                return false;
            }
        }
        m_parts.append({target, records, {}});
    }
    return true;
}

bool RecordImport::start(LocalStore *store, QString *error)
{
    for (Part &part : m_parts) {
        part.collection =
            store->collection(part.target.section(u'/', 0, 0), part.target.section(u'/', 1));
        if (!part.collection) {
            *error = QStringLiteral("Cannot import %1: there is no collection %2; nothing was "
                                    "written.")
                         .arg(m_path, part.target);
            return false;
        }
    }
    m_part = 0;
    m_next = 0;
    m_imported = 0;
    QTimer::singleShot(0, this, &RecordImport::writeNextChunk);
    return true;
}

void RecordImport::writeNextChunk()
{
    if (m_part == m_parts.size()) {
        qCInfo(lcImport) << "imported" << m_imported << "records from" << m_path;
        emit finished();
        return;
    }
    const Part &part = m_parts.at(m_part);
    if (!part.collection) {
        emit failed(QStringLiteral("Cannot import into %1: the profile was closed during the "
                                   "import; the %2 records written before stay in it.")
                        .arg(part.target)
                        .arg(m_imported));
        return;
    }
    const qsizetype end = qMin(m_next + kChunkSize, part.records.size());
    QList<QJsonObject> chunk;
    chunk.reserve(end - m_next);
    for (qsizetype i = m_next; i < end; ++i)
        chunk.append(part.records.at(i).toObject());
    QString error;
    QElapsedTimer took;
    took.start();
    const QStringList ids =
        chunk.isEmpty() ? QStringList() : part.collection->insertMany(chunk, &error);
    qCDebug(lcImport) << "wrote" << chunk.size() << "records of" << part.target << "in"
                      << took.elapsed() << "ms (with what the views did)";
    if (ids.size() != chunk.size()) {
        // insertMany numbers the refused record within the chunk ("Record 3:
        // …"); the person fixing the file needs its place in the file.
        static const QRegularExpression numbered(QStringLiteral("^Record (\\d+): (.*)$"),
                                                 QRegularExpression::DotMatchesEverythingOption);
        const QRegularExpressionMatch match = numbered.match(error);
        QString where;
        if (match.hasMatch()) {
            error = match.captured(2);
            where = QStringLiteral("record %1").arg(m_next + match.captured(1).toLongLong());
        } else {
            where = QStringLiteral("records %1 to %2").arg(m_next + 1).arg(end);
        }
        if (error.endsWith(u'.'))
            error.chop(1);
        const QString kept =
            m_imported == 0
                ? QStringLiteral("nothing was written")
                : QStringLiteral("the %1 records written before that chunk stay in the profile")
                      .arg(m_imported);
        emit failed(QStringLiteral("Cannot import into %1: %2 (%3); %4.")
                        .arg(part.target, error.isEmpty() ? QStringLiteral("refused") : error,
                             where, kept));
        return;
    }
    m_imported += int(ids.size());
    m_next = end;
    if (m_next == part.records.size()) {
        emit collectionImported(part.target, int(part.records.size()));
        ++m_part;
        m_next = 0;
    }
    // Back to the event loop between chunks: paint, input, the sync engine.
    QTimer::singleShot(0, this, &RecordImport::writeNextChunk);
}

} // namespace mana
