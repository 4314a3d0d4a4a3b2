#include "sim/network.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "base/civil_date.h"
#include "base/csv_writer.h"
#include "sim/internal/names.h"
#include "sim/internal/rng.h"
#include "sim/internal/text.h"
#include "sim/internal/typos.h"

namespace escudo::sim {
namespace {

using internal::Rng;

constexpr int kSegments = 4;
constexpr std::array<std::string_view, kSegments> kSegmentPlace = {"Necoclí", "Capurganá", "Las Tres Banderas",
                                                                   "Bajo Chiquito"};
constexpr std::array<std::string_view, 24> kNicknames = {
    "el Paisa", "el Flaco", "el Mono", "la Negra", "el Chamo", "el Costeño", "Tigre", "el Viejo",
    "el Gordo", "el Caleño", "el Indio", "Chucho", "el Zarco", "la Flaca", "el Pollo", "Mocho",
    "el Mecánico", "el Profe", "Pecoso", "el Cachaco", "Tuerto", "el Burro", "la Mona", "el Ñato"};

std::vector<std::string_view> role_words(NetworkRole role) {
  switch (role) {
    case NetworkRole::kRegionalLeader: return {"el patrón", "el jefe", "el duro de arriba"};
    case NetworkRole::kCoordinator: return {"el encargado", "coordinador", "el jefe de la zona"};
    case NetworkRole::kGuide: return {"guía", "el que nos llevó por la selva", "coyote"};
    case NetworkRole::kBoatOperator: return {"lanchero", "el de la lancha", "capitán"};
    case NetworkRole::kMoneyCollector: return {"el que cobra", "cobrador", "el de la plata"};
    case NetworkRole::kCorruptOfficial: return {"el policía", "un uniformado", "el de migración"};
    default: return {"un señor"};
  }
}

// A phone and who may use it when.
struct PhoneUse {
  std::string number;
  std::vector<std::int64_t> owners;
  std::int64_t from_day = 0, to_day = 0;  // relative to the start, both included
};

class Builder {
 public:
  explicit Builder(const NetworkConfig& c) : config_(c), rng_(c.seed, 41) {}

  SimulatedNetwork build() {
    make_organisation();
    make_outside();
    make_phones_and_accounts();
    make_calls();
    make_transfers();
    make_mentions();
    std::sort(net_.calls.begin(), net_.calls.end(), [](const CallRecord& a, const CallRecord& b) { return a.time < b.time; });
    std::stable_sort(net_.transfers.begin(), net_.transfers.end(),
                     [](const Transfer& a, const Transfer& b) { return a.day < b.day; });
    std::stable_sort(net_.mentions.begin(), net_.mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.day < b.day; });
    return std::move(net_);
  }

 private:
  std::int64_t add_person(NetworkRole role, int segment, std::int64_t boss, bool nickname) {
    const auto& pool = internal::name_pool("COL");
    bool female = role != NetworkRole::kRegionalLeader && rng_.chance(0.2);
    auto given = female ? pool.female : pool.male;
    NetworkPerson p;
    p.person_id = static_cast<std::int64_t>(net_.people.size());
    p.name = fmt::format("{} {} {}", given[rng_.below(given.size())], pool.family[rng_.below(pool.family.size())],
                         pool.family[rng_.below(pool.family.size())]);
    if (nickname) p.nickname = std::string(kNicknames[rng_.below(kNicknames.size())]);
    p.role = role;
    p.segment = segment;
    p.boss = boss;
    net_.people.push_back(std::move(p));
    return net_.people.back().person_id;
  }

  void tie(std::int64_t a, std::int64_t b, double calls_per_day) { ties_.push_back({a, b, calls_per_day}); }

  void make_organisation() {
    std::vector<std::int64_t> leaders;
    for (int l = 0; l < config_.regional_leaders; ++l) {
      leaders.push_back(add_person(NetworkRole::kRegionalLeader, -1, -1, rng_.chance(0.5)));
    }
    for (std::size_t a = 0; a < leaders.size(); ++a) {
      for (std::size_t b = a + 1; b < leaders.size(); ++b) tie(leaders[a], leaders[b], 0.3);
    }
    official_ = add_person(NetworkRole::kCorruptOfficial, -1, -1, false);
    for (auto l : leaders) tie(l, official_, 0.05);
    for (std::int64_t leader : leaders) {
      std::array<std::int64_t, kSegments> coordinators{};
      for (int s = 0; s < kSegments; ++s) {
        std::int64_t c = add_person(NetworkRole::kCoordinator, s, leader, rng_.chance(0.6));
        coordinators[static_cast<std::size_t>(s)] = c;
        tie(leader, c, 0.5);
        if (s > 0) tie(coordinators[static_cast<std::size_t>(s - 1)], c, 0.4);
        // The cell: who works the segment.
        bool boat = s == 0 || s == 3;
        int workers = boat ? rng_.between(2, 4) : rng_.between(3, s == 2 ? 6 : 4);
        int collectors = s == 2 ? 1 : rng_.between(2, 3);
        std::vector<std::int64_t> cell;
        for (int i = 0; i < workers; ++i) {
          cell.push_back(add_person(boat ? NetworkRole::kBoatOperator : NetworkRole::kGuide, s, c, rng_.chance(0.7)));
        }
        for (int i = 0; i < collectors; ++i) {
          cell.push_back(add_person(NetworkRole::kMoneyCollector, s, c, rng_.chance(0.4)));
        }
        for (std::size_t i = 0; i < cell.size(); ++i) {
          tie(c, cell[i], 0.4);
          for (std::size_t j = i + 1; j < cell.size(); ++j) {
            if (rng_.chance(0.5)) tie(cell[i], cell[j], 0.15);
          }
        }
        cells_.push_back({leader, c, s, cell});
      }
      leader_coordinators_.push_back(coordinators);
    }
    // The official deals with the coordinators of two segments of the first leader.
    tie(official_, leader_coordinators_[0][1], 0.1);
    tie(official_, leader_coordinators_[0][3], 0.1);
    // Coordinators of one segment under different leaders know each other.
    for (int s = 0; s < kSegments; ++s) {
      for (std::size_t a = 0; a + 1 < leader_coordinators_.size(); ++a) {
        tie(leader_coordinators_[a][static_cast<std::size_t>(s)], leader_coordinators_[a + 1][static_cast<std::size_t>(s)], 0.05);
      }
    }
    members_ = static_cast<std::int64_t>(net_.people.size());
  }

  void make_outside() {
    for (int i = 0; i < config_.migrants; ++i) add_person(NetworkRole::kMigrant, -1, -1, false);
    for (int i = 0; i < config_.outsiders; ++i) {
      std::int64_t o = add_person(NetworkRole::kOutsider, -1, -1, false);
      int contacts = rng_.between(1, 3);
      for (int k = 0; k < contacts; ++k) {
        // Relatives and shops of members, or other outsiders.
        std::int64_t other = rng_.chance(0.6) ? static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(members_)))
                                              : o - 1 - static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(i + 1)));
        if (other >= 0 && other != o) tie(o, other, 0.05);
      }
    }
  }

  std::string new_phone() {
    return fmt::format("+573{:09d}", static_cast<std::int64_t>(rng_.below(1'000'000'000)));
  }
  std::string new_account() {
    return fmt::format("CO{:02d}BANC{:012d}", static_cast<int>(rng_.below(100)),
                       static_cast<std::int64_t>(rng_.below(1'000'000'000'000)));
  }

  void give_phone(std::vector<std::int64_t> owners, std::int64_t from, std::int64_t to) {
    PhoneUse use{new_phone(), std::move(owners), from, to};
    for (auto o : use.owners) {
      net_.people[static_cast<std::size_t>(o)].phones.push_back(use.number);
      phones_of_[static_cast<std::size_t>(o)].push_back(phones_.size());
    }
    phones_.push_back(std::move(use));
  }

  void make_phones_and_accounts() {
    phones_of_.resize(net_.people.size());
    accounts_of_.resize(net_.people.size());
    const std::int64_t last = config_.days - 1;
    for (auto& p : net_.people) {
      const std::int64_t id = p.person_id;
      bool burners = p.role == NetworkRole::kRegionalLeader || p.role == NetworkRole::kCoordinator;
      if (burners) {
        // A new phone every 20 to 40 days.
        for (std::int64_t from = 0; from <= last;) {
          std::int64_t to = std::min(last, from + rng_.between(20, 40));
          give_phone({id}, from, to);
          from = to + 1;
        }
      } else {
        give_phone({id}, 0, last);
        if (id < members_ && rng_.chance(0.3)) give_phone({id}, 0, last);
      }
      int accounts = p.role == NetworkRole::kRegionalLeader ? 2 : 1;
      for (int a = 0; a < accounts; ++a) {
        p.accounts.push_back(new_account());
        accounts_of_[static_cast<std::size_t>(id)].push_back(p.accounts.back());
      }
    }
    // A boat cell shares one phone; some collectors of a cell share one account.
    for (const auto& cell : cells_) {
      std::vector<std::int64_t> boat, collectors;
      for (auto m : cell.members) {
        auto role = net_.people[static_cast<std::size_t>(m)].role;
        if (role == NetworkRole::kBoatOperator) boat.push_back(m);
        if (role == NetworkRole::kMoneyCollector) collectors.push_back(m);
      }
      if (boat.size() >= 2) give_phone(boat, 0, last);
      if (collectors.size() >= 2 && rng_.chance(0.3)) {
        std::string shared = new_account();
        for (auto c : collectors) {
          net_.people[static_cast<std::size_t>(c)].accounts.push_back(shared);
          accounts_of_[static_cast<std::size_t>(c)].push_back(shared);
        }
      }
    }
  }

  // A phone `person` could use on `day`.
  const std::string& phone_on(std::int64_t person, std::int64_t day) {
    const auto& mine = phones_of_[static_cast<std::size_t>(person)];
    std::vector<std::size_t> usable;
    for (auto i : mine) {
      if (phones_[i].from_day <= day && day <= phones_[i].to_day) usable.push_back(i);
    }
    if (usable.empty()) return phones_[mine.front()].number;
    return phones_[usable[rng_.below(usable.size())]].number;
  }

  void call(std::int64_t a, std::int64_t b, std::int64_t day) {
    if (rng_.chance(0.5)) std::swap(a, b);
    CallRecord c;
    c.caller_phone = phone_on(a, day);
    // A wrong number now and then.
    c.callee_phone = rng_.chance(0.01) ? phones_[rng_.below(phones_.size())].number : phone_on(b, day);
    if (c.callee_phone == c.caller_phone) return;
    c.time = (config_.start_day + day) * 86'400 + rng_.between(6 * 3600, 23 * 3600);
    c.duration_s = rng_.chance(0.15) ? 0 : rng_.between(8, 600);  // 0: not answered
    net_.calls.push_back(std::move(c));
  }

  void make_calls() {
    for (const auto& t : ties_) {
      for (std::int64_t day = 0; day < config_.days; ++day) {
        double rate = t.calls_per_day;
        while (rate > 0) {
          if (rng_.chance(std::min(rate, 1.0))) call(t.a, t.b, day);
          rate -= 1.0;
        }
      }
    }
    // Migrants: a crossing day, a leader's network, a few calls to its guides and collectors.
    crossing_.assign(net_.people.size(), 0);
    network_of_.assign(net_.people.size(), 0);
    for (std::int64_t m = members_; m < members_ + config_.migrants; ++m) {
      std::int64_t day = static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(config_.days)));
      crossing_[static_cast<std::size_t>(m)] = day;
      network_of_[static_cast<std::size_t>(m)] = static_cast<int>(rng_.below(leader_coordinators_.size()));
      for (int s = 0; s < kSegments; ++s) {
        if (!rng_.chance(0.35)) continue;
        std::int64_t contact = cell_member(network_of_[static_cast<std::size_t>(m)], s, std::nullopt);
        int n = rng_.between(1, 2);
        for (int k = 0; k < n; ++k) {
          call(m, contact, std::min<std::int64_t>(config_.days - 1, day + s + rng_.between(0, 2)));
        }
      }
    }
  }

  // A member of the cell of leader index `network`, segment `s`, of `role` when given.
  std::int64_t cell_member(int network, int s, std::optional<NetworkRole> role) {
    for (const auto& cell : cells_) {
      if (cell.leader != net_.people[static_cast<std::size_t>(leader_coordinators_[static_cast<std::size_t>(network)][0])].boss ||
          cell.segment != s) {
        continue;
      }
      std::vector<std::int64_t> pick;
      for (auto m : cell.members) {
        if (!role || net_.people[static_cast<std::size_t>(m)].role == *role) pick.push_back(m);
      }
      if (pick.empty()) pick = cell.members;
      return pick[rng_.below(pick.size())];
    }
    return 0;
  }

  void pay(std::int64_t from, std::int64_t to, double usd, std::int64_t day) {
    if (usd < 1) return;
    const auto& a = accounts_of_[static_cast<std::size_t>(from)];
    const auto& b = accounts_of_[static_cast<std::size_t>(to)];
    Transfer t{a[rng_.below(a.size())], b[rng_.below(b.size())], static_cast<std::int64_t>(std::llround(usd * 100)),
               config_.start_day + std::min<std::int64_t>(day, config_.days - 1)};
    if (t.sender_account != t.receiver_account) net_.transfers.push_back(std::move(t));
  }

  void make_transfers() {
    const std::int64_t weeks = (config_.days + 6) / 7;
    // What each collector received, by week.
    std::vector<std::vector<double>> received(net_.people.size());
    for (std::int64_t m = members_; m < members_ + config_.migrants; ++m) {
      int network = network_of_[static_cast<std::size_t>(m)];
      int segment = rng_.chance(0.7) ? 0 : static_cast<int>(rng_.below(kSegments));
      std::int64_t collector = cell_member(network, segment, NetworkRole::kMoneyCollector);
      double amount = rng_.between(250, 600);
      std::int64_t day = crossing_[static_cast<std::size_t>(m)];
      pay(m, collector, amount, day);
      auto& r = received[static_cast<std::size_t>(collector)];
      r.resize(static_cast<std::size_t>(weeks), 0.0);
      r[static_cast<std::size_t>(day / 7)] += amount;
    }
    for (const auto& cell : cells_) {
      double coordinator_in = 0;
      for (std::int64_t w = 0; w < weeks; ++w) {
        const std::int64_t day = w * 7 + rng_.between(0, 6);
        for (auto m : cell.members) {
          const auto& person = net_.people[static_cast<std::size_t>(m)];
          if (person.role == NetworkRole::kMoneyCollector) {
            auto& r = received[static_cast<std::size_t>(m)];
            double week = r.empty() ? 0 : r[static_cast<std::size_t>(w)];
            if (week <= 0) continue;
            double share = 0.80 + 0.15 * rng_.unit();
            // Now and then straight to the leader, past the coordinator.
            if (rng_.chance(0.1)) {
              pay(m, cell.leader, week * share, day + 1);
            } else {
              pay(m, cell.coordinator, week * share, day + 1);
              coordinator_in += week * share;
            }
          } else if (rng_.chance(0.8)) {
            pay(cell.coordinator, m, rng_.between(100, 300), day);  // wages
          }
        }
        if (w % 2 == 1 && coordinator_in > 0) {
          pay(cell.coordinator, cell.leader, coordinator_in * (0.6 + 0.2 * rng_.unit()), day + 2);
          coordinator_in = 0;
        }
      }
    }
    for (std::int64_t l = 0; l < config_.regional_leaders; ++l) {
      for (std::int64_t month = 0; month * 30 < config_.days; ++month) {
        pay(l, official_, rng_.between(2000, 5000), month * 30 + rng_.between(0, 29));
      }
    }
    // Outsiders: rent, shops, family.
    for (std::int64_t o = members_ + config_.migrants; o < static_cast<std::int64_t>(net_.people.size()); ++o) {
      int n = rng_.between(0, 4);
      for (int k = 0; k < n; ++k) {
        std::int64_t other = static_cast<std::int64_t>(rng_.below(net_.people.size()));
        if (other != o) pay(o, other, rng_.between(20, 400), static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(config_.days))));
      }
    }
  }

  std::string as_written(const NetworkPerson& p) {
    std::string name;
    double r = rng_.unit();
    if (!p.nickname.empty() && r < 0.4) {
      name = p.nickname;
    } else if (r < 0.7) {
      name = p.name.substr(0, p.name.find(' '));
    } else {
      name = p.name;
    }
    if (rng_.chance(0.4)) name = internal::without_accents(name);
    if (rng_.chance(0.15)) name = internal::with_typo(name, rng_);
    if (rng_.chance(0.1)) name = internal::in_capitals(name);
    return name;
  }

  void mention(std::int64_t interview_person, int interview, std::int64_t who, std::int64_t day) {
    const auto& p = net_.people[static_cast<std::size_t>(who)];
    auto words = role_words(p.role);
    Mention m;
    m.interview_id = fmt::format("INT-{:05d}", interview);
    m.name_as_written = as_written(p);
    m.role_words = std::string(words[rng_.below(words.size())]);
    int segment = p.segment >= 0 ? p.segment : static_cast<int>(rng_.below(kSegments));
    m.place = std::string(kSegmentPlace[static_cast<std::size_t>(segment)]);
    m.day = config_.start_day + day;
    m.person_id = who;
    (void)interview_person;
    net_.mentions.push_back(std::move(m));
  }

  void make_mentions() {
    int interview = 0;
    for (std::int64_t m = members_; m < members_ + config_.migrants; ++m) {
      if (!rng_.chance(0.5)) continue;
      ++interview;
      int network = network_of_[static_cast<std::size_t>(m)];
      std::int64_t day = std::min<std::int64_t>(config_.days - 1, crossing_[static_cast<std::size_t>(m)] + 5);
      const auto& coordinators = leader_coordinators_[static_cast<std::size_t>(network)];
      if (rng_.chance(0.8)) mention(m, interview, cell_member(network, 2, NetworkRole::kGuide), day);
      if (rng_.chance(0.6)) mention(m, interview, cell_member(network, 0, NetworkRole::kMoneyCollector), day);
      if (rng_.chance(0.4)) mention(m, interview, cell_member(network, rng_.chance(0.5) ? 0 : 3, NetworkRole::kBoatOperator), day);
      if (rng_.chance(0.15)) mention(m, interview, coordinators[rng_.below(kSegments)], day);
      if (rng_.chance(0.03)) mention(m, interview, net_.people[static_cast<std::size_t>(coordinators[0])].boss, day);
      if (rng_.chance(0.05)) mention(m, interview, official_, day);
    }
  }

  struct Tie {
    std::int64_t a, b;
    double calls_per_day;
  };
  struct Cell {
    std::int64_t leader, coordinator;
    int segment;
    std::vector<std::int64_t> members;
  };

  NetworkConfig config_;
  Rng rng_;
  SimulatedNetwork net_;
  std::vector<Tie> ties_;
  std::vector<Cell> cells_;
  std::vector<std::array<std::int64_t, kSegments>> leader_coordinators_;
  std::int64_t official_ = 0;
  std::int64_t members_ = 0;
  std::vector<PhoneUse> phones_;
  std::vector<std::vector<std::size_t>> phones_of_;
  std::vector<std::vector<std::string>> accounts_of_;
  std::vector<std::int64_t> crossing_;
  std::vector<int> network_of_;
};

std::string date(std::int64_t day) {
  return CivilDate::from_days(static_cast<std::int32_t>(day)).to_string();
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ';';
    out += i;
  }
  return out;
}

}  // namespace

std::string_view network_role_name(NetworkRole role) {
  switch (role) {
    case NetworkRole::kRegionalLeader: return "regional_leader";
    case NetworkRole::kCoordinator: return "coordinator";
    case NetworkRole::kGuide: return "guide";
    case NetworkRole::kBoatOperator: return "boat_operator";
    case NetworkRole::kMoneyCollector: return "money_collector";
    case NetworkRole::kCorruptOfficial: return "corrupt_official";
    case NetworkRole::kMigrant: return "migrant";
    case NetworkRole::kOutsider: return "outsider";
  }
  return "";
}

Result<SimulatedNetwork> simulate_network(const NetworkConfig& config) {
  if (config.regional_leaders < 1 || config.regional_leaders > 20) {
    return errorf(ErrorCode::kInvalidArgument, "regional leaders: 1 to 20, got {}", config.regional_leaders);
  }
  if (config.migrants < 0 || config.migrants > 100'000 || config.outsiders < 0 || config.outsiders > 100'000) {
    return make_error(ErrorCode::kInvalidArgument, "migrants and outsiders: 0 to 100,000 each");
  }
  if (config.days < 1 || config.days > 3650) {
    return errorf(ErrorCode::kInvalidArgument, "days: 1 to 3,650, got {}", config.days);
  }
  return Builder(config).build();
}

std::string calls_csv(const SimulatedNetwork& net) {
  std::string out = "caller_phone,callee_phone,time,duration_s\n";
  for (const auto& c : net.calls) {
    auto d = CivilDate::from_days(static_cast<std::int32_t>(c.time / 86'400));
    std::int64_t s = c.time % 86'400;
    out += fmt::format("{},{},{}T{:02d}:{:02d}:{:02d}Z,{}\n", c.caller_phone, c.callee_phone, d.to_string(),
                       s / 3600, s / 60 % 60, s % 60, c.duration_s);
  }
  return out;
}

std::string transfers_csv(const SimulatedNetwork& net) {
  std::string out = "sender_account,receiver_account,amount,date\n";
  for (const auto& t : net.transfers) {
    out += fmt::format("{},{},{}.{:02d},{}\n", t.sender_account, t.receiver_account, t.amount_usd_cents / 100,
                       t.amount_usd_cents % 100, date(t.day));
  }
  return out;
}

std::string mentions_csv(const SimulatedNetwork& net) {
  std::string out = "interview_id,name,role_words,place,date\n";
  for (const auto& m : net.mentions) {
    out += m.interview_id;
    for (const std::string* field : {&m.name_as_written, &m.role_words, &m.place}) {
      out += ',';
      append_csv_field(out, *field);
    }
    out += fmt::format(",{}\n", date(m.day));
  }
  return out;
}

std::string network_truth_csv(const SimulatedNetwork& net) {
  std::string out = "person_id,name,nickname,role,segment,boss,phones,accounts\n";
  for (const auto& p : net.people) {
    out += std::to_string(p.person_id);
    out += ',';
    append_csv_field(out, p.name);
    out += ',';
    append_csv_field(out, p.nickname);
    out += fmt::format(",{},{},{},", network_role_name(p.role),
                       p.segment >= 0 ? std::to_string(p.segment) : std::string(),
                       p.boss >= 0 ? std::to_string(p.boss) : std::string());
    out += joined(p.phones);
    out += ',';
    out += joined(p.accounts);
    out += '\n';
  }
  return out;
}

}  // namespace escudo::sim
