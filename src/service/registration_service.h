// Registering people on arrival at a reception station: one group at a time (the form and
// POST /api/registrations) or many from a CSV file (all rows or none). Reading back a group's
// identity fields needs identity.read and is audited.
//
// Every registration is screened as soon as it is stored (watchlists and earlier records, see
// ScreeningService), whether it came through the form or in a file; its hits go to the
// screening queue, and the outcome says how many hits each person has, never what they
// matched: the registrar refers the person to a screening officer, who reads the hits.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/input_stream.h"
#include "model/registration.h"
#include "service/principal.h"
#include "service/resolve_service.h"
#include "service/screening_service.h"
#include "service/transit_csv.h"
#include "store/pool.h"

namespace escudo::service {

struct RegistrationOutcome {
  bool stored = false;                    // false: see errors; nothing was stored
  model::RegistrationGroup group;         // with ids and the unaccompanied flags when stored
  std::vector<model::FieldError> errors;
  // When a screening service is attached: one entry per person of the group, in its order.
  // `screened` stays false when screening could not run (the group is stored all the same);
  // `screening_problem` then says why.
  bool screened = false;
  std::vector<PersonScreening> screening;
  std::string screening_problem;
};

struct RegistrationImportReport {
  bool stored = false;
  std::int64_t groups = 0;
  std::int64_t people = 0;
  std::int64_t unaccompanied = 0;
  std::vector<RowError> errors;  // at most kMaxReportedErrors
  std::int64_t error_count = 0;
  // When a screening service is attached and the file was stored: every imported person was
  // screened against the watchlists and earlier records (after entity resolution took the new
  // people in). Counts only. `screened` stays false when screening could not run (the file is
  // stored all the same); `screening_problem` then says why.
  bool screened = false;
  std::int64_t screened_people = 0;
  std::int64_t hits = 0;
  std::int64_t people_with_hits = 0;
  std::string screening_problem;
  double storing_seconds = 0;    // reading, checking and storing the file
  double screening_seconds = 0;  // resolving and screening its people
};

class RegistrationService {
 public:
  // `resolve` (may be null) hears of every stored registration, for entity resolution;
  // `screening` (may be null) screens every person stored, after resolution so that earlier
  // records of the same person are found.
  RegistrationService(store::DatabasePool& pool, const Clock& clock, ResolveService* resolve = nullptr,
                      ScreeningService* screening = nullptr)
      : pool_(pool), clock_(clock), resolve_(resolve), screening_(screening) {}

  Result<std::vector<model::Station>> stations(const Principal* principal);

  // Needs registrations.create (or the command line). Validates every field, flags
  // unaccompanied children, stores the group and audits it, then screens each person (see
  // RegistrationOutcome::screening). Field problems come back in the outcome, not as an Error.
  Result<RegistrationOutcome> register_group(const Actor& actor, model::RegistrationGroup group);

  // The registration CSV (one row per person, see docs/api.md); every row is checked and the
  // file is stored whole or not at all. Once stored, its people join entity resolution and
  // are screened (see RegistrationImportReport::screened).
  Result<RegistrationImportReport> import_csv(const Actor& actor, std::unique_ptr<InputStream> input);

  // Needs identity.read; the read is audited.
  Result<model::RegistrationGroup> group(const Principal& principal, model::GroupId id);

 private:
  // After an import is stored: resolves and screens its people, into `report`.
  void screen_imported(const Actor& actor, std::span<const std::int64_t> people,
                       RegistrationImportReport& report);
  Status require_create(const Actor& actor);
  store::DatabasePool& pool_;
  const Clock& clock_;
  ResolveService* resolve_;
  ScreeningService* screening_;
};

}  // namespace escudo::service
