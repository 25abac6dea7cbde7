// The questions a board column or the list shows: a LiveQueryModel over
// buildQuestionQuery (pages of rows, updated row by row), with each row's
// answer count read from the (questionId, isAccepted) index when shown.
#pragma once

#include "questionfilter.h"
#include "storequerymodel.h"

#include <QHash>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace mana {
class LocalStore;
}

namespace mana::questions {

class QuestionListModel : public StoreQueryModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString collectionId READ collectionId WRITE setCollectionId NOTIFY filterChanged)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filterChanged)
    Q_PROPERTY(QString priority READ priority WRITE setPriority NOTIFY filterChanged)
    Q_PROPERTY(QString tag READ tag WRITE setTag NOTIFY filterChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY filterChanged)
    // QuestionOrder
    Q_PROPERTY(int order READ order WRITE setOrder NOTIFY filterChanged)
    // More than kMaxMatches questions matched the text or tag.
    Q_PROPERTY(bool capped READ capped NOTIFY cappedChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        StatusRole,
        PriorityRole,
        TagsRole,
        AnswerCountRole,
        UpdatedRole,
    };

    static constexpr int kMatchRefreshMs = 500;

    explicit QuestionListModel(QObject *parent = nullptr);

    QString collectionId() const { return m_filter.collectionId; }
    void setCollectionId(const QString &value);
    QString status() const { return m_filter.status; }
    void setStatus(const QString &value);
    QString priority() const { return m_filter.priority; }
    void setPriority(const QString &value);
    QString tag() const { return m_filter.tag; }
    void setTag(const QString &value);
    QString text() const { return m_filter.text; }
    void setText(const QString &value);
    int order() const { return int(m_sort); }
    void setOrder(int value);
    bool capped() const { return m_capped; }

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString questionIdAt(int row) const { return idAt(row); }
    Q_INVOKABLE int rowOf(const QString &id) const { return rowOfId(id); }

signals:
    void filterChanged();
    void cappedChanged();

private:
    // Builds the query again once the filter settles (the next turn of the
    // event loop: several properties set by one binding make one query).
    void scheduleRequery();
    // After writes while a text or tag filter is on: at most every
    // kMatchRefreshMs, since a tag lookup over 100,000 questions takes most
    // of a second and a pull writes in many small batches.
    void scheduleMatchRefresh();
    void requery();
    void answersChanged(const QStringList &ids);

    void storeReplaced(LocalStore *previous) override;
    QuestionFilter m_filter;
    QuestionSort m_sort = QuestionSort::Priority;
    bool m_capped = false;
    QTimer m_requery;
    QTimer m_matchRefresh;
    mutable QHash<QString, int> m_answerCounts;
};

} // namespace mana::questions
