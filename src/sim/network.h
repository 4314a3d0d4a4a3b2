// A simulated smuggling organisation and the traces it leaves, for testing network analysis
// against a known truth: who leads, who coordinates which route segment, who guides, who
// collects the money, and which official is paid.
//
//   ESCUDO_ASSIGN_OR_RETURN(sim::SimulatedNetwork net, sim::simulate_network({.seed = 7}));
//   std::string calls = sim::calls_csv(net);       // caller_phone,callee_phone,time,duration_s
//   std::string truth = sim::network_truth_csv(net);
//
// The organisation: `regional_leaders` leaders, each with one coordinator per route segment
// (Necoclí, Capurganá–Acandí, the jungle crossing, Bajo Chiquito); each coordinator runs a cell
// of guides (jungle), boat operators (sea and river segments) and money collectors; one
// corrupt official is paid by the leaders and talks to two coordinators. Around them, migrants
// who call guides and collectors and pay collectors, and outsiders (relatives, shops) who call
// members or one another.
//
// Traces, all noisy:
//   - calls: between phones; members own one or two phones, some share one (a cell's boat
//     phone), coordinators and leaders switch to burner phones every few weeks; ties inside the
//     organisation call often (boss ↔ subordinate, coordinators of consecutive segments, the
//     leaders among themselves), migrants call a guide or a collector once or twice; wrong
//     numbers and outsiders' calls add noise;
//   - transfers: between accounts; migrants pay collectors, collectors pass most of it to their
//     coordinator, coordinators to their leader, leaders pay the official and the cells'
//     wages; amounts vary and a few payments bypass a level;
//   - mentions: what migrants said in interviews: the name or nickname as they wrote it
//     (spelling slips, accents dropped, nicknames), the role words they used, place and date.
//     Guides and collectors are mentioned often, coordinators now and then, leaders rarely.
//
// Deterministic: one seed gives the same organisation and traces everywhere. Pure: no I/O, no
// globals; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace escudo::sim {

enum class NetworkRole : std::uint8_t {
  kRegionalLeader,
  kCoordinator,
  kGuide,
  kBoatOperator,
  kMoneyCollector,
  kCorruptOfficial,
  kMigrant,   // not a member: pays and calls
  kOutsider,  // not a member: relatives, shops, wrong numbers
};
// "regional_leader", "coordinator", "guide", "boat_operator", "money_collector",
// "corrupt_official", "migrant", "outsider".
std::string_view network_role_name(NetworkRole role);

struct NetworkConfig {
  std::uint64_t seed = 1;
  int regional_leaders = 3;
  int migrants = 400;
  int outsiders = 120;
  int days = 180;            // the period the traces cover, from start_day
  std::int64_t start_day = 19'723;  // days since 1970-01-01: 2024-01-01
};

struct NetworkPerson {
  std::int64_t person_id = 0;
  std::string name;      // given name and surname(s)
  std::string nickname;  // "el Paisa"; may be empty
  NetworkRole role = NetworkRole::kOutsider;
  int segment = -1;       // route segment of a coordinator's cell (0 … 3), else -1
  std::int64_t boss = -1;  // person_id of the boss inside the organisation, or -1
  std::vector<std::string> phones;    // E.164; a shared phone is listed by each owner
  std::vector<std::string> accounts;  // IBAN-like numbers
};

struct CallRecord {
  std::string caller_phone;
  std::string callee_phone;
  std::int64_t time = 0;  // seconds since 1970-01-01 UTC
  int duration_s = 0;
};

struct Transfer {
  std::string sender_account;
  std::string receiver_account;
  std::int64_t amount_usd_cents = 0;
  std::int64_t day = 0;  // days since 1970-01-01
};

struct Mention {
  std::string interview_id;
  std::string name_as_written;
  std::string role_words;
  std::string place;
  std::int64_t day = 0;
  std::int64_t person_id = 0;  // truth: who was meant (not written to mentions.csv)
};

struct SimulatedNetwork {
  std::vector<NetworkPerson> people;  // person_id = index
  std::vector<CallRecord> calls;      // by time
  std::vector<Transfer> transfers;    // by day
  std::vector<Mention> mentions;      // by day
};

// kInvalidArgument when a count is outside its range (1 … 20 leaders, 0 … 100,000 migrants
// and outsiders, 1 … 3,650 days).
Result<SimulatedNetwork> simulate_network(const NetworkConfig& config);

// The files `escudo sim network` writes, each with a header row.
std::string calls_csv(const SimulatedNetwork& net);      // caller_phone,callee_phone,time,duration_s
std::string transfers_csv(const SimulatedNetwork& net);  // sender_account,receiver_account,amount,date
std::string mentions_csv(const SimulatedNetwork& net);   // interview_id,name,role_words,place,date
// person_id,name,nickname,role,segment,boss,phones,accounts (phones and accounts separated by ';')
std::string network_truth_csv(const SimulatedNetwork& net);

}  // namespace escudo::sim
