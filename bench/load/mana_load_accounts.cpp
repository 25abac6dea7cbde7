#include "mana_load_accounts.h"

#include "mana_load_report.h"
#include "syncapi.h"

#include <QJsonObject>
#include <QMutex>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace mana::load {
namespace {

const QString kPassword = QStringLiteral("load generator password");

// The server refuses with 429 (rate limit) or 503 (hash queue full) and
// says when to come back; anything else is final.
bool worthRetrying(const servertest::HttpResponse &answer)
{
    return answer.status == 429 || answer.status == 503 || answer.status == 0;
}

int retryDelayMs(const servertest::HttpResponse &answer)
{
    const int seconds = answer.header("Retry-After").toInt();
    return qBound(200, seconds * 1000, 30000);
}

template<typename Call> servertest::HttpResponse withRetries(Call call)
{
    servertest::HttpResponse answer;
    for (int attempt = 0; attempt < 20; ++attempt) {
        answer = call();
        if (!worthRetrying(answer))
            break;
        QThread::msleep(retryDelayMs(answer));
    }
    return answer;
}

} // namespace

QList<LoadAccount> makeAccounts(const AccountOptions &options, QString *error)
{
    QList<LoadAccount> accounts(options.userCount);
    std::atomic<int> nextUser{0};
    std::atomic<int> made{0};
    std::atomic<bool> failed{false};
    QMutex errorMutex;

    // Each thread has its own blocking SyncApi (a QNetworkAccessManager per
    // thread), so `concurrency` requests are in flight at most.
    const auto work = [&] {
        std::vector<std::unique_ptr<servertest::SyncApi>> apis;
        for (const QUrl &server : options.servers)
            apis.push_back(std::make_unique<servertest::SyncApi>(server));
        for (int user = nextUser++; user < options.userCount && !failed; user = nextUser++) {
            servertest::SyncApi &api = *apis[std::size_t(user) % apis.size()];
            api.http().setTimeout(120000);
            LoadAccount &account = accounts[user];
            account.email = QStringLiteral("%1-%2@example.com").arg(options.emailPrefix).arg(user);
            const servertest::HttpResponse registered =
                withRetries([&] { return api.registerUser(account.email, kPassword); });
            const servertest::HttpResponse loggedIn =
                registered.status == 201
                    ? withRetries([&] { return api.login(account.email, kPassword); })
                    : servertest::HttpResponse{};
            const QJsonObject body = loggedIn.json();
            account.accessToken = body.value("accessToken").toString();
            account.userId = body.value("user").toObject().value("id").toString();
            if (account.accessToken.isEmpty()) {
                QMutexLocker locker(&errorMutex);
                if (!failed.exchange(true)) {
                    *error = QStringLiteral("user %1: register %2, login %3")
                                 .arg(account.email, registered.describe(), loggedIn.describe());
                }
                return;
            }
            const int done = ++made;
            if (done % 500 == 0)
                qCInfo(lcLoad) << done << "of" << options.userCount << "users made";
        }
    };

    std::vector<std::unique_ptr<QThread>> threads;
    for (int index = 0; index < qMax(1, options.concurrency); ++index) {
        threads.emplace_back(QThread::create(work));
        threads.back()->start();
    }
    for (auto &thread : threads)
        thread->wait();
    if (failed)
        return {};
    return accounts;
}

} // namespace mana::load
