#include "model/role.h"

#include <algorithm>
#include <array>

namespace escudo::model {
namespace {

using enum Role;
using enum Permission;

constexpr std::array kRoles = {kAdmin,     kRegistrar,        kProtectionOfficer, kAnalyst,
                               kTipHandler, kRewardsCommittee, kCommander,         kAuditor};
constexpr std::array kPermissions = {
    kUsersManage,    kAuditRead,       kTransitsRead,  kTransitsImport, kRegistrationsCreate,
    kIdentityRead,   kEntitiesReview,  kTipsRead,      kTipsManage,     kTipExtracts,
    kRewardsRead,    kRewardsNominate, kRewardsReview, kRewardsPay,     kIntelRead,
    kIntelIdentity,  kIntelWrite,      kCasesRead,     kCasesManage,    kCasesAll,
    kCasesFigures,   kScreeningRead,   kScreeningDecide, kWatchlistsManage, kProtectionManage,
    kReturnsDecide,  kReturnsExecute,  kRulesManage,   kScreeningFigures, kIncidentsRead,
    kIncidentsWrite, kIncidentsSurvivor, kOperationsPlan};

struct Grant {
  Role role;
  Permission permission;
};

// Official statistics are public, so every role may read them.
constexpr std::array kGrants = {
    Grant{kAdmin, kUsersManage},        Grant{kAdmin, kAuditRead},
    Grant{kAdmin, kTransitsRead},       Grant{kAdmin, kTransitsImport},
    Grant{kRegistrar, kTransitsRead},   Grant{kRegistrar, kTransitsImport},
    Grant{kRegistrar, kRegistrationsCreate}, Grant{kRegistrar, kIdentityRead},
    Grant{kProtectionOfficer, kIdentityRead}, Grant{kRegistrar, kEntitiesReview},
    Grant{kProtectionOfficer, kEntitiesReview},
    Grant{kProtectionOfficer, kTransitsRead}, Grant{kAnalyst, kTransitsRead},
    Grant{kTipHandler, kTransitsRead},  Grant{kRewardsCommittee, kTransitsRead},
    Grant{kCommander, kTransitsRead},   Grant{kAuditor, kAuditRead},
    Grant{kAuditor, kTransitsRead},
    // The tip desk reads and handles tips and proposes rewards; the committee decides and pays;
    // an analyst reads only what the desk forwarded to them.
    Grant{kTipHandler, kTipsRead},      Grant{kTipHandler, kTipsManage},
    Grant{kTipHandler, kRewardsRead},   Grant{kTipHandler, kRewardsNominate},
    Grant{kRewardsCommittee, kRewardsRead}, Grant{kRewardsCommittee, kRewardsReview},
    Grant{kRewardsCommittee, kRewardsPay},  Grant{kAnalyst, kTipExtracts},
    // The intelligence graph and cases: analysts build them; the rewards committee weighs
    // claims against every case; commanders see the figures only.
    Grant{kAnalyst, kIntelRead},        Grant{kAnalyst, kIntelIdentity},
    Grant{kAnalyst, kIntelWrite},       Grant{kAnalyst, kCasesRead},
    Grant{kAnalyst, kCasesManage},      Grant{kAnalyst, kCasesFigures},
    Grant{kRewardsCommittee, kIntelRead}, Grant{kRewardsCommittee, kCasesRead},
    Grant{kRewardsCommittee, kCasesAll},  Grant{kRewardsCommittee, kCasesFigures},
    Grant{kCommander, kCasesFigures},
    // Screening and returns: registrars screen and decide returns at the border; protection
    // officers see the queue and keep protection needs; commanders execute returns (buses,
    // flights, escorts). No grant lets anyone lift a safeguard: ReturnService enforces them.
    Grant{kRegistrar, kScreeningRead},   Grant{kRegistrar, kScreeningDecide},
    Grant{kProtectionOfficer, kScreeningRead}, Grant{kAdmin, kWatchlistsManage},
    Grant{kAnalyst, kWatchlistsManage},  Grant{kProtectionOfficer, kProtectionManage},
    Grant{kRegistrar, kReturnsDecide},   Grant{kCommander, kReturnsExecute},
    Grant{kRegistrar, kReturnsExecute},  Grant{kAdmin, kRulesManage},
    Grant{kRegistrar, kScreeningFigures}, Grant{kProtectionOfficer, kScreeningFigures},
    Grant{kAnalyst, kScreeningFigures},  Grant{kCommander, kScreeningFigures},
    Grant{kAdmin, kScreeningFigures},
    // Protection officers record incidents and alone read survivors' records; analysts and
    // commanders read incidents and counts; commanders plan deployments.
    Grant{kAnalyst, kIncidentsRead},    Grant{kCommander, kIncidentsRead},
    Grant{kProtectionOfficer, kIncidentsRead}, Grant{kProtectionOfficer, kIncidentsWrite},
    Grant{kProtectionOfficer, kIncidentsSurvivor}, Grant{kCommander, kOperationsPlan},
};

}  // namespace

std::span<const Role> all_roles() { return kRoles; }
std::span<const Permission> all_permissions() { return kPermissions; }

std::string_view role_name(Role role) {
  switch (role) {
    case kAdmin: return "admin";
    case kRegistrar: return "registrar";
    case kProtectionOfficer: return "protection_officer";
    case kAnalyst: return "analyst";
    case kTipHandler: return "tip_handler";
    case kRewardsCommittee: return "rewards_committee";
    case kCommander: return "commander";
    case kAuditor: return "auditor";
  }
  return "unknown";
}

Result<Role> parse_role(std::string_view name) {
  for (Role role : kRoles) {
    if (role_name(role) == name) return role;
  }
  return errorf(ErrorCode::kInvalidArgument,
                "'{}' is not a role; the roles are admin, registrar, protection_officer, analyst, "
                "tip_handler, rewards_committee, commander, auditor",
                name);
}

std::string_view permission_name(Permission permission) {
  switch (permission) {
    case kUsersManage: return "users.manage";
    case kAuditRead: return "audit.read";
    case kTransitsRead: return "transits.read";
    case kTransitsImport: return "transits.import";
    case kRegistrationsCreate: return "registrations.create";
    case kIdentityRead: return "identity.read";
    case kEntitiesReview: return "entities.review";
    case kTipsRead: return "tips.read";
    case kTipsManage: return "tips.manage";
    case kTipExtracts: return "tips.extracts";
    case kRewardsRead: return "rewards.read";
    case kRewardsNominate: return "rewards.nominate";
    case kRewardsReview: return "rewards.review";
    case kRewardsPay: return "rewards.pay";
    case kIntelRead: return "intel.read";
    case kIntelIdentity: return "intel.identity";
    case kIntelWrite: return "intel.write";
    case kCasesRead: return "cases.read";
    case kCasesManage: return "cases.manage";
    case kCasesAll: return "cases.all";
    case kCasesFigures: return "cases.figures";
    case kScreeningRead: return "screening.read";
    case kScreeningDecide: return "screening.decide";
    case kWatchlistsManage: return "watchlists.manage";
    case kProtectionManage: return "protection.manage";
    case kReturnsDecide: return "returns.decide";
    case kReturnsExecute: return "returns.execute";
    case kRulesManage: return "rules.manage";
    case kScreeningFigures: return "screening.figures";
    case kIncidentsRead: return "incidents.read";
    case kIncidentsWrite: return "incidents.write";
    case kIncidentsSurvivor: return "incidents.survivor";
    case kOperationsPlan: return "operations.plan";
  }
  return "unknown";
}

bool role_grants(Role role, Permission permission) {
  return std::any_of(kGrants.begin(), kGrants.end(), [&](const Grant& g) {
    return g.role == role && g.permission == permission;
  });
}

bool any_role_grants(std::span<const Role> roles, Permission permission) {
  return std::any_of(roles.begin(), roles.end(),
                     [&](Role r) { return role_grants(r, permission); });
}

bool role_requires_totp(Role role) { return role == kAdmin || role == kTipHandler; }

bool any_role_requires_totp(std::span<const Role> roles) {
  return std::any_of(roles.begin(), roles.end(), role_requires_totp);
}

std::vector<Permission> permissions_of(std::span<const Role> roles) {
  std::vector<Permission> out;
  for (Permission p : kPermissions) {
    if (any_role_grants(roles, p)) out.push_back(p);
  }
  return out;
}

}  // namespace escudo::model
