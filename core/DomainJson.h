#pragma once

// JSON forms of the domain types: the wire format between client and server and the form items take
// in the local store. Field names are snake_case; enums use toString() of Domain.h; dates ISO 8601;
// hashes lower-case hex.

#include "Domain.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace baosong::json {

QJsonObject toJson(const Attachment &a);
QJsonObject toJson(const RevisionContent &c);
QJsonObject toJson(const Revision &r);
QJsonObject toJson(const Decision &d);
QJsonObject toJson(const Comment &c);
QJsonObject toJson(const Item &item);
QJsonObject toJson(const Unit &u);
QJsonObject toJson(const Person &p);
QJsonObject toJson(const Column &c);
QJsonObject toJson(const ServerLimits &l);

// Each parser returns false and sets *error (translated, naming the field) on a missing or invalid
// required field; unknown fields are ignored.
bool fromJson(const QJsonObject &o, Attachment *out, QString *error);
bool fromJson(const QJsonObject &o, RevisionContent *out, QString *error);
bool fromJson(const QJsonObject &o, Revision *out, QString *error);
bool fromJson(const QJsonObject &o, Decision *out, QString *error);
bool fromJson(const QJsonObject &o, Comment *out, QString *error);
bool fromJson(const QJsonObject &o, Item *out, QString *error);
bool fromJson(const QJsonObject &o, Unit *out, QString *error);
bool fromJson(const QJsonObject &o, Person *out, QString *error);
bool fromJson(const QJsonObject &o, Column *out, QString *error);
// Lenient: a missing or malformed member is 0 (not known).
ServerLimits serverLimitsFromJson(const QJsonObject &o);

// The texts of member `member` of the objects in the array member `array` of the top-level object of
// `document`, as views into it, one per element in order (empty for an element without it). For a
// document that QJsonDocument has already read as valid JSON: the sync engine keeps each item of a
// feed page as the server wrote it instead of writing it again (bench_sync). Member names are
// compared as written (no escapes). nullopt when the document is not of that shape.
std::optional<QList<QByteArrayView>> memberTexts(QByteArrayView document, QByteArrayView array,
                                                 QByteArrayView member);

} // namespace baosong::json
