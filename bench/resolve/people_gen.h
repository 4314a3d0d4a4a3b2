// Simulated person records for the resolution bench, in the CSV format of `escudo sim people`:
//   record_id,given_name,surname,sex,date_of_birth,nationality,document_type,document_country,
//   document_number,phone
// and its truth file `record_id,person_id`. Some people register more than once with the
// variations registrars and returns produce (nicknames, dropped or swapped surnames, typos,
// partial or swapped birth dates, phones written other ways, document numbers formatted
// differently); brothers share surnames and a phone; the passengers of a boat share its
// captain's phone. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>

namespace escudo::bench {

struct PeopleOptions {
  std::int64_t records = 100'000;
  std::uint64_t seed = 1;
  double duplicate_share = 0.25;  // of people registered more than once
};

// Writes `records` rows to `out_csv` and the truth to `truth_csv`. Returns an error message,
// empty on success.
std::string generate_people(const PeopleOptions& options, const std::string& out_csv,
                            const std::string& truth_csv);

}  // namespace escudo::bench
