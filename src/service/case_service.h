// Cases: investigations that tie intelligence entities and links, tips and incidents
// together, on a need-to-know basis, with the events of their people per jurisdiction and the
// figures a task force reports.
//
//   auto id = services.cases().create(actor, {.title = "Ruta Necoclí", .agency = "DIJIN", .country = "COL"});
//   services.cases().add_member(actor, *id, "luis");
//   auto figures = services.cases().figures(actor, {.by_year = false});
//
// Access: a case is read by its members, and by roles holding cases.all. A user with
// cases.read who is not a member is told that the case exists and who leads it
// (kPermissionDenied, reason "not_a_member"); anyone else is told nothing (kNotFound).
// cases.manage opens cases (the opener leads and is a member) and, for members, adds to them;
// only the lead adds members. cases.figures reads counts, never names. Every read of a case
// and every change is audited. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "service/intel_service.h"
#include "service/principal.h"
#include "store/case_repo.h"
#include "store/pool.h"

namespace escudo::service {

struct NewCase {
  std::string title;
  std::string agency;
  std::string country;  // ISO 3166 alpha-3
  std::string status = "open";
  std::string lead;     // username; the caller when empty (the command line must name one)
};

struct NewCaseEvent {
  std::int64_t entity_id = 0;
  std::string kind;  // arrest | charge | conviction | acquittal | extradition | asset_seizure | death_linked
  std::string date;  // YYYY-MM-DD
  std::string agency;
  std::string country;  // ISO 3166 alpha-3
  std::string note;
};

struct CaseSummary {
  store::CaseRow row;
  bool member = false;
};

struct CaseItemView {
  store::CaseItemRow item;
  std::string label;  // an entity's label (masked as in IntelService), or a link's type
  std::string kind;   // an entity's kind
};

struct CaseEventView {
  store::CaseEventRow row;
  std::string entity_label;
};

struct CaseView {
  store::CaseRow row;
  std::vector<store::CaseMemberRow> members;
  std::vector<CaseItemView> items;
  std::vector<CaseEventView> events;
};

// A case an entity belongs to, with the tips the case holds.
struct EntityCase {
  CaseSummary summary;
  std::vector<std::int64_t> tips;
  std::vector<store::CaseEventRow> events;  // the entity's events in this case
};

struct FiguresQuery {
  bool by_year = false;
  std::optional<std::string> from;  // YYYY-MM (or YYYY-MM-DD)
  std::optional<std::string> to;
};

struct FigureRow {
  std::string period;  // YYYY-MM or YYYY
  std::string agency;
  std::string country;
  std::int64_t arrests = 0;
  std::int64_t convictions = 0;
};

class CaseService {
 public:
  CaseService(store::DatabasePool& pool, const Clock& clock, IntelService& intel)
      : pool_(pool), clock_(clock), intel_(intel) {}

  // cases.manage. kInvalidArgument for an empty title or agency, a country that is not three
  // capital letters, an unknown status; kNotFound for an unknown lead.
  Result<std::int64_t> create(const Actor& actor, const NewCase& c);
  // cases.read: the cases the user may open (members' cases; every case with cases.all).
  Result<std::vector<CaseSummary>> list(const Actor& actor);
  // See the access rules above. Audited.
  Result<CaseView> get(const Actor& actor, std::int64_t id);
  // cases.read: the cases holding the intelligence entity (as an item or through an event)
  // that the actor may open, as list() decides; never those of others. Audited.
  Result<std::vector<EntityCase>> cases_of_entity(const Actor& actor, std::int64_t entity_id);
  // The case's lead (or the command line). kAlreadyExists for a member already.
  Status add_member(const Actor& actor, std::int64_t case_id, const std::string& username);
  // cases.manage and membership. kind: entity | link | tip | incident; entities and links must
  // exist (tips and incidents are checked by their own services when those exist).
  Status add_item(const Actor& actor, std::int64_t case_id, const std::string& kind, std::int64_t item_id);
  // cases.manage and membership; the entity must be a person or an organisation.
  Result<std::int64_t> add_event(const Actor& actor, std::int64_t case_id, const NewCaseEvent& event);
  // cases.figures: arrests and convictions by period, agency and country.
  Result<std::vector<FigureRow>> figures(const Actor& actor, const FiguresQuery& query);

 private:
  // The case, when the actor may open it; the errors of the access rules otherwise.
  Result<store::CaseRow> open_case(store::Database& db, const Actor& actor, std::int64_t id);

  store::DatabasePool& pool_;
  const Clock& clock_;
  IntelService& intel_;
};

}  // namespace escudo::service
