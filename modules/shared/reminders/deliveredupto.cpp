#include "deliveredupto.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <utility>

using namespace Qt::StringLiterals;

namespace mana {

namespace {

constexpr auto kKey = "deliveredUpTo"_L1;

} // namespace

DeliveredUpTo::DeliveredUpTo(QString filePath)
    : m_filePath(std::move(filePath))
{}

bool DeliveredUpTo::load(const QDateTime &now, bool writable, QString *error)
{
    m_writable = writable;
    QFile file(m_filePath);
    if (file.exists()) {
        if (file.open(QIODevice::ReadOnly)) {
            const QJsonDocument document = QJsonDocument::fromJson(file.read(4096));
            const QDateTime value =
                QDateTime::fromString(document.object().value(kKey).toString(), Qt::ISODateWithMs);
            if (value.isValid()) {
                m_value = value.toUTC();
                return true;
            }
        }
        // A damaged mark must not bring back a day of popups, nor stop
        // reminders for good: start over from now.
        if (error)
            *error =
                u"cannot read %1; starting from now"_s.arg(QDir::toNativeSeparators(m_filePath));
        m_value = now.toUTC();
        if (writable)
            write(nullptr);
        return false;
    }
    m_value = now.toUTC();
    return !writable || write(error);
}

bool DeliveredUpTo::advance(const QDateTime &upTo, QString *error)
{
    if (!upTo.isValid() || (m_value.isValid() && upTo <= m_value))
        return true;
    m_value = upTo.toUTC();
    if (!m_writable) {
        if (error)
            *error = u"the profile is read-only"_s;
        return false;
    }
    return write(error);
}

bool DeliveredUpTo::write(QString *error)
{
    QSaveFile file(m_filePath);
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{kKey, m_value.toString(Qt::ISODateWithMs)}}).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(m_filePath),
                                                  file.errorString());
        return false;
    }
    return true;
}

} // namespace mana
