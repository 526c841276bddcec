// The SQLite store: an account's authorized users and invitations.
#include "store/sqlite_rows.hpp"

namespace tessera::server {

// [SECTION] Authorized users, invitations, passwords
namespace {
MemberRecord read_member(SQLite::Statement& row) {
  MemberRecord member;
  member.user_id = row.getColumn(0).getInt64();
  member.account_id = row.getColumn(1).getInt64();
  member.scope = MemberScope{row.getColumn(2).getInt() != 0, row.getColumn(3).getInt() != 0};
  member.added_at = row.getColumn(4).getInt64();
  member.removed_at = optional_id(row.getColumn(5));
  return member;
}
constexpr const char* kMemberColumns =
    "SELECT user_id, account_id, scope_subscription, scope_pool, added_at, removed_at FROM account_members ";

InvitationRecord read_invitation(SQLite::Statement& row) {
  InvitationRecord invitation;
  read_columns(row, 0, invitation.id, invitation.account_id, invitation.email, invitation.token_hash);
  invitation.scope = MemberScope{row.getColumn(4).getInt() != 0, row.getColumn(5).getInt() != 0};
  read_columns(row, 6, invitation.invited_by, invitation.created_at, invitation.accepted_at,
               invitation.accepted_user_id, invitation.revoked_at);
  return invitation;
}
constexpr const char* kInvitationColumns =
    "SELECT id, account_id, email, token_hash, scope_subscription, scope_pool, invited_by, created_at, accepted_at, "
    "accepted_user_id, revoked_at FROM invitations ";
}  // namespace

void SqliteStore::put_member(const MemberRecord& m) {
  write(
      "INSERT OR REPLACE INTO account_members(user_id, account_id, scope_subscription, scope_pool, added_at, "
      "removed_at) VALUES (?, ?, ?, ?, ?, ?)",
      m.user_id, m.account_id, m.scope.subscription ? 1 : 0, m.scope.pool ? 1 : 0, m.added_at, m.removed_at);
}

std::optional<MemberRecord> SqliteStore::member(Id user_id) {
  return writer_one(std::string(kMemberColumns) + "WHERE user_id = ?", read_member, user_id);
}

std::vector<MemberRecord> SqliteStore::members_of_account(Id account_id) {
  return writer_rows(std::string(kMemberColumns) + "WHERE account_id = ? ORDER BY added_at, user_id", read_member,
                     account_id);
}

Id SqliteStore::create_invitation(const InvitationRecord& i) {
  return insert(
      "INSERT INTO invitations(account_id, email, token_hash, scope_subscription, scope_pool, invited_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      i.account_id, i.email, i.token_hash, i.scope.subscription ? 1 : 0, i.scope.pool ? 1 : 0, i.invited_by,
      i.created_at);
}

void SqliteStore::update_invitation(const InvitationRecord& i) {
  write(
      "UPDATE invitations SET accepted_at = ?, accepted_user_id = ?, revoked_at = ? WHERE id = ?",
      i.accepted_at, i.accepted_user_id, i.revoked_at, i.id);
}

std::optional<InvitationRecord> SqliteStore::invitation(Id id) {
  return writer_one(std::string(kInvitationColumns) + "WHERE id = ?", read_invitation, id);
}

std::optional<InvitationRecord> SqliteStore::invitation_by_token(const std::string& token_hash) {
  return writer_one(std::string(kInvitationColumns) + "WHERE token_hash = ?", read_invitation, token_hash);
}

std::vector<InvitationRecord> SqliteStore::invitations_of_account(Id account_id) {
  return writer_rows(std::string(kInvitationColumns) + "WHERE account_id = ? ORDER BY id",
      read_invitation, account_id);
}

}  // namespace tessera::server
