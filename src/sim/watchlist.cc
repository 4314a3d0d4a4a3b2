#include "sim/watchlist.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace escudo::sim {
namespace {

constexpr std::string_view kGiven[] = {
    "José", "Luis", "Carlos", "Juan", "Jesús", "Francisco", "Miguel", "Pedro", "Jorge", "Antonio",
    "Manuel", "Rafael", "Alejandro", "Eduardo", "Fernando", "Ricardo", "Roberto", "Andrés",
    "Daniel", "David", "Diego", "Gabriel", "Javier", "Ramón", "Sergio", "Wilson", "Yeison",
    "Jhon", "Kevin", "Brayan", "Anderson", "Jean", "Pierre", "Wilner", "Ignacio", "Enrique",
    "Guillermo", "Alberto", "Santiago", "Sebastián", "Salvador", "Óscar", "Víctor", "Héctor",
    "Raúl", "Julio", "César", "Mario", "Omar", "Wei", "Mohamed", "Ahmed", "Ali", "Yohan",
    "Frantz", "Reinaldo", "Yorman", "Deivis", "María", "Ana", "Carmen", "Rosa", "Guadalupe",
    "Yessica", "Daniela", "Gabriela", "Alejandra", "Isabel", "Teresa", "Dolores", "Mercedes",
    "Luisa", "Andrea", "Carolina", "Patricia", "Yenifer", "Yuliana", "Marie", "Rose", "Fabiola",
    "Nadège", "Mirlande", "Valentina", "Camila", "Paola", "Diana", "Sandra", "Claudia", "Mónica",
    "Liliana", "Adriana", "Consuelo", "Rosario", "Fatima", "Karla", "Dayana", "Lisbeth"};
constexpr std::string_view kSurnames[] = {
    "García", "Rodríguez", "González", "Hernández", "López", "Martínez", "Pérez", "Sánchez",
    "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Morales", "Cruz",
    "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Ruiz", "Jiménez", "Mendoza", "Álvarez", "Castillo",
    "Vásquez", "Romero", "Herrera", "Medina", "Aguilar", "Vargas", "Castro", "Guzmán", "Rojas",
    "Moreno", "Muñoz", "Fernández", "Salazar", "Suárez", "Quiñónez", "Mosquera", "Palacios",
    "Rentería", "Asprilla", "Valencia", "Riascos", "Cuero", "Angulo", "Caicedo", "Córdoba",
    "Mena", "Cuesta", "Zambrano", "Vera", "Quispe", "Mamani", "Restrepo", "Arango", "Londoño",
    "Uribe", "Cárdenas", "Ospina", "Giraldo", "Zapata", "Betancourt", "Escobar", "Montoya",
    "Joseph", "Pierre", "Louis", "Charles", "Baptiste", "Exantus", "Dorvil", "Desir",
    "Francois", "Augustin", "Chen", "Wang", "Zhang", "Liu", "Diallo", "Traoré", "Camara",
    "Ahmadi", "Hussain", "Khan", "Rahimi", "Ochoa", "Navarro", "Delgado", "Cabrera", "Figueroa",
    "Campos", "Vega", "Ríos", "Contreras", "Sandoval", "Peña", "Miranda", "Carrillo", "Espinoza",
    "Paredes", "Bravo", "Rosales", "Valdez", "Fuentes", "Ibarra", "Cortés", "Maldonado",
    "Acosta", "Benítez", "Pacheco", "Luna", "Molina", "Silva", "Santos", "Souza", "Oliveira",
    "Barbosa", "Carvalho", "Bermúdez", "Villalobos", "Arias", "Solís", "Mejía", "Salinas",
    "Carrasco", "Orozco", "Gallego", "Villegas", "Duque", "Ocampo", "Marín", "Henao",
    "Cifuentes", "Bedoya", "Tabares", "Agudelo", "Quintero", "Yépez", "Vélez", "Gil", "Lozano",
    "Bonilla", "Urrutia", "Sepúlveda", "Olaya", "Perea", "Murillo", "Lemos", "Hinestroza",
    "Chaverra", "Moya", "Cuesta", "Rengifo", "Lucumí", "Ibargüen", "Valoyes", "Copete"};
constexpr std::string_view kMonikers[] = {
    "El Mono", "El Flaco", "El Gordo", "El Negro", "El Paisa", "El Costeño", "El Tigre",
    "El Loco", "El Chino", "La Flaca", "La Negra", "El Indio", "El Cojo", "El Viejo", "El Zarco",
    "El Caleño", "El Rolo", "El Pájaro", "El Gato", "El Toro"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kNicknames = {{
    {"José", "Pepe"}, {"Francisco", "Pancho"}, {"Jesús", "Chucho"}, {"Guadalupe", "Lupe"},
    {"Manuel", "Manolo"}, {"Ignacio", "Nacho"}, {"Enrique", "Quique"}, {"Eduardo", "Lalo"},
    {"Rosario", "Charo"}, {"Dolores", "Lola"}}};
constexpr std::string_view kNationalities[] = {"COL", "VEN", "ECU", "PAN", "HTI", "PER",
                                                "CHN", "IND", "AFG", "MEX"};

struct Listed {
  std::string given, surname1, surname2;
  int year, month, day;
  std::string_view nationality;
  // Other names: {given names, surnames}; a moniker ("El Mono") has no given names.
  std::vector<std::pair<std::string, std::string>> aliases;
};

class Gen {
 public:
  explicit Gen(std::uint64_t seed) : rng_(seed) {}
  double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  bool chance(double p) { return uniform() < p; }
  int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <std::size_t N>
  std::string_view pick(const std::string_view (&a)[N]) {
    double x = std::pow(uniform(), 1.6);
    return a[static_cast<std::size_t>(x * static_cast<double>(N)) % N];
  }
  std::string given() {
    std::string g(pick(kGiven));
    if (chance(0.5)) g += " " + std::string(pick(kGiven));
    return g;
  }
  Listed listed() {
    Listed p;
    p.given = given();
    p.surname1 = std::string(pick(kSurnames));
    p.surname2 = std::string(pick(kSurnames));
    p.year = integer(1950, 2004);
    p.month = integer(1, 12);
    p.day = integer(1, 28);
    p.nationality = pick(kNationalities);
    int aliases = integer(0, 3);
    for (int i = 0; i < aliases; ++i) {
      double kind = uniform();
      if (kind < 0.4) {
        p.aliases.emplace_back("", std::string(pick(kMonikers)));
      } else if (kind < 0.7) {
        // Another whole name, as on a second identity document.
        p.aliases.emplace_back(given(), std::string(pick(kSurnames)) + " " +
                                            std::string(pick(kSurnames)));
      } else {
        // The name as another list spells it: first surname only.
        p.aliases.emplace_back(p.given, p.surname1);
      }
    }
    return p;
  }
  // One letter replaced, dropped or doubled (ASCII positions only, so UTF-8 stays whole).
  std::string typo(const std::string& s) {
    std::vector<std::size_t> ascii;
    for (std::size_t i = 1; i < s.size(); ++i) {
      if (static_cast<unsigned char>(s[i]) < 0x80 && s[i] != ' ' &&
          static_cast<unsigned char>(s[i - 1]) < 0x80) {
        ascii.push_back(i);
      }
    }
    if (ascii.empty()) return s;
    std::size_t at = ascii[static_cast<std::size_t>(integer(0, static_cast<int>(ascii.size()) - 1))];
    std::string out = s;
    switch (integer(0, 2)) {
      case 0: out[at] = static_cast<char>('a' + integer(0, 25)); break;
      case 1: out.erase(at, 1); break;
      default: out.insert(at, 1, out[at]); break;
    }
    return out;
  }

 private:
  std::mt19937_64 rng_;
};

std::string csv(std::string_view v) {
  if (v.find_first_of(",\"\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string date(int y, int m, int d) { return fmt::format("{:04}-{:02}-{:02}", y, m, d); }

}  // namespace

Result<WatchlistSimSummary> simulate_watchlist(
    const WatchlistSimConfig& config,
    const std::function<Status(WatchlistSimFile, std::string_view)>& write) {
  if (config.entries < 1 || config.entries > 10'000'000) {
    return errorf(ErrorCode::kInvalidArgument, "'entries': {} is not between 1 and 10,000,000",
                  config.entries);
  }
  if (config.registrations < 0 || config.registrations > 100'000'000) {
    return errorf(ErrorCode::kInvalidArgument,
                  "'registrations': {} is not between 0 and 100,000,000", config.registrations);
  }
  if (!(config.hit_share >= 0.0 && config.hit_share <= 1.0)) {
    return errorf(ErrorCode::kInvalidArgument, "'hit_share': {} is not between 0 and 1",
                  config.hit_share);
  }
  using enum WatchlistSimFile;
  WatchlistSimSummary summary{.entries = config.entries, .registrations = config.registrations};
  Gen g(config.seed);
  std::vector<Listed> list;
  list.reserve(static_cast<std::size_t>(config.entries));
  ESCUDO_TRY(write(kWatchlist, "entry_id,given_name,surname,date_of_birth,nationality,document,aliases\n"));
  for (std::int64_t i = 0; i < config.entries; ++i) {
    Listed p = g.listed();
    std::string aliases;
    for (const auto& [g_names, s_names] : p.aliases) {
      aliases += (aliases.empty() ? "" : "; ") + (g_names.empty() ? s_names : g_names + " " + s_names);
    }
    std::string document = g.chance(0.3) ? fmt::format("{}{:08}", p.nationality.substr(0, 1),
                                                       g.integer(0, 99'999'999))
                                         : "";
    ESCUDO_TRY(write(kWatchlist, fmt::format("W{},{},{},{},{},{},{}\n", i + 1, csv(p.given),
                                             csv(p.surname1 + " " + p.surname2),
                                             date(p.year, p.month, p.day), p.nationality, document,
                                             csv(aliases))));
    list.push_back(std::move(p));
  }
  ESCUDO_TRY(write(kRegistrations, "id,given_name,surname,date_of_birth,nationality\n"));
  ESCUDO_TRY(write(kTruth, "id,entry_id\n"));
  for (std::int64_t i = 0; i < config.registrations; ++i) {
    const std::string id = fmt::format("R{}", i + 1);
    if (!g.chance(config.hit_share)) {
      Listed p = g.listed();
      ESCUDO_TRY(write(kRegistrations, fmt::format("{},{},{},{},{}\n", id, csv(p.given),
                                                   csv(p.surname1 + " " + p.surname2),
                                                   date(p.year, p.month, p.day), p.nationality)));
      continue;
    }
    const auto entry = static_cast<std::size_t>(g.integer(0, static_cast<int>(list.size()) - 1));
    const Listed& p = list[entry];
    std::string given = p.given, surname = p.surname1 + " " + p.surname2;
    std::string born = date(p.year, p.month, p.day);
    switch (g.integer(0, 7)) {
      case 0: break;  // as listed
      case 1: surname = g.typo(surname); break;
      case 2: surname = p.surname2 + " " + p.surname1; break;
      case 3: surname = p.surname1; break;
      case 4: {
        for (const auto& [name, nick] : kNicknames) {
          if (given.starts_with(name)) given = std::string(nick);
        }
        given = g.typo(given);
        break;
      }
      case 5: {
        // An alias that is a whole name; a moniker alone is no registration name.
        std::vector<const std::pair<std::string, std::string>*> names;
        for (const auto& a : p.aliases) {
          if (!a.first.empty()) names.push_back(&a);
        }
        if (names.empty()) break;
        const auto* a = names[static_cast<std::size_t>(g.integer(0, static_cast<int>(names.size()) - 1))];
        given = a->first;
        surname = a->second;
        break;
      }
      case 6: born = p.day <= 12 ? date(p.year, p.day, p.month) : date(p.year, p.month, p.day); break;
      default: born = ""; break;
    }
    ESCUDO_TRY(write(kRegistrations,
                     fmt::format("{},{},{},{},{}\n", id, csv(given), csv(surname), born, p.nationality)));
    ESCUDO_TRY(write(kTruth, fmt::format("{},W{}\n", id, entry + 1)));
    ++summary.planted;
  }
  return summary;
}

}  // namespace escudo::sim
