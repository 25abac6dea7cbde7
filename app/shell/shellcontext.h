// What the shell's QML needs from the C++ side while no Session object is
// plugged in (and alongside it later): the open profile's store, the module
// list, generic record creation and the system's colour scheme. Models bound
// to it re-read when the store is replaced (sign-in, sign-out, reset).
#pragma once

#include "localstore.h"
#include "modulelistmodel.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace mana {

class ShellContext : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("main.cpp creates the shell context")
    Q_PROPERTY(mana::ModuleListModel *modules READ modules CONSTANT)
    Q_PROPERTY(QString storePath READ storePath NOTIFY storeChanged)
    // The open profile's LocalStore, for app models that take one (Todo).
    Q_PROPERTY(QObject *storeObject READ storeObject NOTIFY storeChanged)
    Q_PROPERTY(
        QString dataDirectory READ dataDirectory WRITE setDataDirectory NOTIFY dataDirectoryChanged)
    // A sentence when the profile could not be opened (made of the code,
    // setOpenError, when read); the window shows it.
    Q_PROPERTY(QString storeError READ storeError NOTIFY storeErrorChanged)
    // A sentence while the open profile is read-only (LocalStore::Access):
    // its records are shown, nothing can be saved. Empty otherwise.
    Q_PROPERTY(QString readOnlyNotice READ readOnlyNotice NOTIFY storeChanged)
    // The profile file found damaged (Session::damagedProfile): the
    // sentence of the window's damaged-database screen, and whether it may
    // offer the rebuild from the server (an account's file). Empty/false
    // when nothing is damaged.
    Q_PROPERTY(QString damagedProfileNotice READ damagedProfileNotice NOTIFY damagedProfileChanged)
    Q_PROPERTY(
        bool canRebuildDamagedProfile READ canRebuildDamagedProfile NOTIFY damagedProfileChanged)
    // After a rebuild: where the damaged file was kept, and what was lost;
    // empty until then and after dismissRebuiltProfileNotice().
    Q_PROPERTY(QString rebuiltProfileNotice READ rebuiltProfileNotice NOTIFY damagedProfileChanged)
    // The last write the storage refused (disk full, I/O error, …), from
    // any caller; empty until one fails and after dismissStorageError().
    Q_PROPERTY(QString storageError READ storageError NOTIFY storageErrorChanged)
    // Qt 6.4 has no QStyleHints::colorScheme: a dark window colour in the
    // application palette is taken as the system's dark mode.
    Q_PROPERTY(bool systemPrefersDark READ systemPrefersDark NOTIFY systemPrefersDarkChanged)

public:
    explicit ShellContext(QObject *parent = nullptr);

    ModuleListModel *modules() { return &m_modules; }

    LocalStore *store() const { return m_store; }
    QObject *storeObject() const { return m_store; }
    // Models re-bind to the new store's collections.
    void setStore(LocalStore *store);

    QString storePath() const;
    QString dataDirectory() const { return m_dataDirectory; }
    void setDataDirectory(const QString &directory);
    QString storeError() const;
    // Why the profile could not be opened (None: it was, or is being).
    void setOpenError(const OpenErrorInfo &error);
    const OpenErrorInfo &openError() const { return m_openError; }
    bool systemPrefersDark() const { return m_systemPrefersDark; }
    QString readOnlyNotice() const;
    QString storageError() const;
    Q_INVOKABLE void dismissStorageError();
    // `path` damaged (empty: none); `account`: its data is on the server.
    void setDamagedProfile(const QString &path, bool account);
    // `keptPath`: the damaged file's new name after a rebuild (empty: none).
    void setRebuiltProfile(const QString &keptPath);
    QString damagedProfileNotice() const;
    bool canRebuildDamagedProfile() const { return m_damagedIsAccount && !m_damagedPath.isEmpty(); }
    QString rebuiltProfileNotice() const;
    Q_INVOKABLE void dismissRebuiltProfileNotice();

    // Creates a record with `title` in its title field, filling other
    // required fields with neutral values. Returns an empty string on
    // success, otherwise the sentence to show.
    Q_INVOKABLE QString createRecord(const QString &appId, const QString &collectionName,
                                     const QString &title);
    Q_INVOKABLE int recordCount(const QString &appId, const QString &collectionName) const;
    // Soft delete and its undo (the "Undo" after a delete restores the
    // record with every field as it was). Empty string on success.
    Q_INVOKABLE QString removeRecord(const QString &appId, const QString &collectionName,
                                     const QString &id);
    Q_INVOKABLE QString restoreRecord(const QString &appId, const QString &collectionName,
                                      const QString &id);
    // Takes back an undo step of the open profile (LocalStore::undo: what
    // an app wrote as one write group, e.g. a project with its tasks), as
    // one write group. Empty string on success.
    Q_INVOKABLE QString undo(int stepId);

    // The manifests' texts in the UI language (ModuleInfo falls back to
    // names derived from the wire names).
    void setCatalog(const ModuleCatalog *catalog) { m_catalog = catalog; }
    const ModuleInfo *moduleInfo(const QString &appId) const;
    Q_INVOKABLE QString collectionTitle(const QString &appId, const QString &collectionName) const;
    Q_INVOKABLE QString newItemText(const QString &appId, const QString &collectionName) const;
    Q_INVOKABLE QString emptyText(const QString &appId, const QString &collectionName) const;
    Q_INVOKABLE QString moduleDescription(const QString &appId) const;
    // Records whose title holds every word of `text` (the start of a word of
    // the title, case and accents ignored; through the full-text index),
    // across every module's collections, at most `limit` and at most 5 per
    // collection, apps in navigation order; within a collection, titles
    // that start with the text first, then alphabetically, chosen among its
    // 20 newest matches. For Ctrl+K.
    Q_INVOKABLE QList<mana::RecordSearchResult> searchRecords(const QString &text,
                                                              int limit = 12) const;
    // A file:// URL for Qt.openUrlExternally.
    Q_INVOKABLE QUrl folderUrl(const QString &path) const;

    // The UI language changed: the sentences made of codes are read again.
    void retranslate();

signals:
    void storeChanged();
    void dataDirectoryChanged();
    void storeErrorChanged();
    void storageErrorChanged();
    void damagedProfileChanged();
    void systemPrefersDarkChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateSystemPrefersDark();
    void showWriteFailure(LocalStore::WriteFailure failure, const QString &detail);
    // The sentence for a refused write of the generic views (storeErrorText),
    // naming the field by its label in the UI language.
    QString writeErrorText(const QString &appId, const QString &collectionName,
                           const StoreErrorInfo &failure) const;

    ModuleListModel m_modules;
    const ModuleCatalog *m_catalog = nullptr;
    QPointer<LocalStore> m_store;
    QString m_dataDirectory;
    OpenErrorInfo m_openError;
    // The last write the storage refused, until dismissed.
    std::optional<LocalStore::WriteFailure> m_storageFailure;
    QString m_damagedPath;
    bool m_damagedIsAccount = false;
    QString m_keptDamagedPath;
    QMetaObject::Connection m_writeFailures;
    bool m_systemPrefersDark = false;
};

} // namespace mana
