// Every built-in module in navigation order, with its name in the UI
// language, icon and colour: the sidebar and the quick switcher show this.
#pragma once

#include "modulecatalog.h"
#include "shelltypes.h"

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace mana {

// Lower case without accents, so "ubung" finds "Übung" and "cafe" "Café":
// how every search in the shell compares text (apps, records).
QString foldForSearch(const QString &text);

class ModuleListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The shell context owns the module list")
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    struct Entry
    {
        QString moduleId;
        QString appId;
        QString nameEn;
        QString nameDe;
        QString iconUrl;
        QString color;
        int order = 0;
        QStringList collections; // wire names, in manifest order
        QString pageUrl;         // the app's own page; empty: the generic views
    };

    enum Role {
        ModuleIdRole = Qt::UserRole + 1,
        AppIdRole,
        NameRole,
        IconUrlRole,
        ColorRole,
        CollectionsRole,
    };
    Q_ENUM(Role)

    explicit ModuleListModel(QObject *parent = nullptr);

    static QList<Entry> entriesFromCatalog(const ModuleCatalog &catalog);
    // Sorted by order, then id, so navigation never depends on file order.
    void setEntries(QList<Entry> entries);
    const QList<Entry> &entries() const { return m_entries; }

    QString language() const { return m_language; }
    void setLanguage(const QString &language);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // {moduleId, appId, name, iconUrl, color, collections, pageUrl, row};
    // empty when out of range.
    // The app in `row`; one with row -1 and nothing else for no such row.
    Q_INVOKABLE mana::ModuleEntry get(int row) const;
    Q_INVOKABLE int indexOf(const QString &moduleId) const;
    // Modules whose English or German name (or id) contains `text`, ignoring
    // case and accents; names starting with it come first. Empty text: all.
    Q_INVOKABLE QList<mana::ModuleEntry> search(const QString &text) const;

signals:
    void languageChanged();
    void countChanged();

private:
    QString nameOf(const Entry &entry) const;

    QList<Entry> m_entries;
    QString m_language = QStringLiteral("en");
};

} // namespace mana
