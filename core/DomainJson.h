#pragma once

// JSON forms of the domain types: the wire format between client and server and the form items take
// in the local store. Field names are snake_case; enums use toString() of Domain.h; dates ISO 8601;
// hashes lower-case hex.

#include "Domain.h"

#include <QJsonArray>
#include <QJsonObject>

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

} // namespace baosong::json
