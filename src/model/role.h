// Roles and the permissions they grant. A role is what a person does (registrar at a reception
// station, analyst, tip handler…); a permission is one thing the software lets them do. The
// table in role.cc is the single place that ties the two together.
//
//   auto role = parse_role("analyst");              // Result<Role>
//   bool ok = role_grants(*role, Permission::kTransitsRead);
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace escudo::model {

enum class Role : std::uint8_t {
  kAdmin,
  kRegistrar,
  kProtectionOfficer,
  kAnalyst,
  kTipHandler,
  kRewardsCommittee,
  kCommander,
  kAuditor,
};

enum class Permission : std::uint8_t {
  kUsersManage,
  kAuditRead,
  kTransitsRead,
  kTransitsImport,
  kRegistrationsCreate,
  kIdentityRead,  // names, birth dates, documents and phones of registered people
  kEntitiesReview,  // decide whether two records are one person; split entities
  kTipsRead,        // the tip desk's inbox and tips (needs the desk key, unlocked at sign-in)
  kTipsManage,      // triage, assign, tag, annotate, answer, link and forward tips
  kTipExtracts,     // read the extracts of tips the desk forwarded to oneself
  kRewardsRead,     // the rewards programme: tiers, nominations, the report
  kRewardsNominate,  // propose a reward for a tip that led to an outcome
  kRewardsReview,   // approve or reject a nomination (two different members approve)
  kRewardsPay,      // record the payment of an approved reward
  kIntelRead,       // the intelligence graph: entities, links, their provenance and measures
  kIntelIdentity,   // names of the people in the intelligence graph (identity data)
  kIntelWrite,      // add entities and links, import call records, transfers, interviews
  kCasesRead,       // the cases one is a member of; told that others exist and whom to ask
  kCasesManage,     // open cases, add members, entities, tips, incidents and events
  kCasesAll,        // every case, member or not
  kCasesFigures,    // arrests and convictions by period, agency and country (no names)
  kScreeningRead,    // the screening queue: hits against watchlists and earlier records
  kScreeningDecide,  // confirm or dismiss a screening hit
  kWatchlistsManage,  // import watchlists (each import a new version)
  kProtectionManage,  // claims, trafficking assessments, best-interest assessments, referrals
  kReturnsDecide,     // decide a return, and request or approve a voluntary-return override
  kReturnsExecute,    // build manifests and execute returns (the safeguards still apply)
  kRulesManage,       // entry requirements: new versions with an effective date
  kScreeningFigures,  // counts of screenings, hits, claims and returns; no names
  kIncidentsRead,      // incidents, hotspots and sector risk; survivors' records only as counts
  kIncidentsWrite,     // record incidents and import public incident data
  kIncidentsSurvivor,  // survivors' records: survivor code, narrative, consent
  kOperationsPlan,     // deployment plans, sectors and the operation log
};

std::span<const Role> all_roles();
std::span<const Permission> all_permissions();

// "admin", "protection_officer", …
std::string_view role_name(Role role);
// kInvalidArgument naming the valid roles when `name` is not one.
Result<Role> parse_role(std::string_view name);

// "users.manage", "transits.read", …
std::string_view permission_name(Permission permission);

bool role_grants(Role role, Permission permission);
bool any_role_grants(std::span<const Role> roles, Permission permission);
// Roles whose holders must use a second factor (they reach the most sensitive data).
bool role_requires_totp(Role role);
bool any_role_requires_totp(std::span<const Role> roles);

// The permissions the roles hold together, in the order of all_permissions().
std::vector<Permission> permissions_of(std::span<const Role> roles);

}  // namespace escudo::model
