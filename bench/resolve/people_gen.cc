#include "people_gen.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <random>
#include <string_view>
#include <vector>

namespace escudo::bench {
namespace {

constexpr std::string_view kMaleGiven[] = {
    "José", "Luis", "Carlos", "Juan", "Jesús", "Francisco", "Miguel", "Pedro", "Jorge", "Antonio",
    "Manuel", "Rafael", "Alejandro", "Eduardo", "Fernando", "Ricardo", "Roberto", "Andrés",
    "Daniel", "David", "Diego", "Gabriel", "Javier", "Ramón", "Sergio", "Wilson", "Yeison",
    "Jhon", "Kevin", "Brayan", "Anderson", "Jean", "Pierre", "Wilner", "Jean Baptiste",
    "Ignacio", "Enrique", "Guillermo", "Alberto", "Santiago", "Sebastián", "Salvador", "Óscar",
    "Víctor", "Héctor", "Raúl", "Julio", "César", "Mario", "Héctor", "Omar", "Wei", "Mohamed",
    "Ahmed", "Ali", "Yohan", "Frantz", "Reinaldo", "Yorman", "Deivis"};
constexpr std::string_view kFemaleGiven[] = {
    "María", "Ana", "Carmen", "Rosa", "Guadalupe", "Yessica", "Daniela", "Gabriela", "Alejandra",
    "Isabel", "Teresa", "Dolores", "Mercedes", "Luisa", "Andrea", "Carolina", "Patricia",
    "Yenifer", "Yuliana", "Yusleidys", "Marie", "Rose", "Fabiola", "Nadège", "Mirlande",
    "Stephany", "Estefanía", "Valentina", "Camila", "Paola", "Diana", "Sandra", "Claudia",
    "Mónica", "Liliana", "Adriana", "Consuelo", "Soledad", "Rosario", "Concepción", "Fatima",
    "Li", "Mei", "Karla", "Yoselin", "Maryuri", "Dayana", "Nathaly", "Lisbeth", "Elizabeth"};
constexpr std::string_view kSurnames[] = {
    "García", "Rodríguez", "González", "Hernández", "López", "Martínez", "Pérez", "Sánchez",
    "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Morales", "Cruz",
    "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Ruiz", "Jiménez", "Mendoza", "Álvarez", "Castillo",
    "Vásquez", "Romero", "Herrera", "Medina", "Aguilar", "Vargas", "Castro", "Guzmán", "Rojas",
    "Moreno", "Muñoz", "Fernández", "Salazar", "Suárez", "Quiñónez", "Mosquera", "Palacios",
    "Rentería", "Asprilla", "Valencia", "Riascos", "Cuero", "Angulo", "Caicedo", "Córdoba",
    "Mena", "Cuesta", "Zambrano", "Vera", "Quispe", "Mamani", "Restrepo", "Arango", "Londoño",
    "Uribe", "Cárdenas", "Ospina", "Giraldo", "Zapata", "Betancourt", "Escobar", "Montoya",
    "Joseph", "Pierre", "Jean", "Louis", "Charles", "Baptiste", "Exantus", "Dorvil", "Desir",
    "Saint-Fleur", "Francois", "Augustin", "Chen", "Wang", "Li", "Zhang", "Liu", "Diallo",
    "Traoré", "Camara", "Ahmadi", "Hussain", "Khan", "Mohammadi", "Rahimi", "Ochoa", "Navarro",
    "Delgado", "Cabrera", "Figueroa", "Campos", "Vega", "Ríos", "Contreras", "Sandoval",
    "Peña", "Miranda", "Carrillo", "Espinoza", "Paredes", "Bravo", "Rosales", "Valdez",
    "Fuentes", "Ibarra", "Cortés", "Maldonado", "Acosta", "Benítez", "Pacheco", "Luna",
    "Molina", "Silva", "Santos", "Souza", "Oliveira", "Lima", "Barbosa", "Carvalho", "Bermúdez",
    "Villalobos", "Arias", "Solís", "Mejía", "Salinas", "Carrasco", "Orozco", "Gallego",
    "Villegas", "Duque", "Ocampo", "Marín", "Henao", "Cifuentes", "Bedoya", "Tabares",
    "Agudelo", "Quintero", "Yépez", "Vélez", "Gil", "Lozano", "Bonilla"};

struct Nationality {
  std::string_view iso3;
  std::string_view dial;  // country calling code
  double share;
};
constexpr std::array<Nationality, 8> kNationalities = {{{"VEN", "58", 0.45},
                                                        {"ECU", "593", 0.12},
                                                        {"HTI", "509", 0.12},
                                                        {"COL", "57", 0.10},
                                                        {"CHN", "86", 0.06},
                                                        {"PER", "51", 0.05},
                                                        {"AFG", "93", 0.05},
                                                        {"IND", "91", 0.05}}};

// Hypocorisms a registrar may hear instead of the given name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kNicknames = {{
    {"José", "Pepe"}, {"Francisco", "Pancho"}, {"Jesús", "Chucho"}, {"Guadalupe", "Lupe"},
    {"Manuel", "Manolo"}, {"Ignacio", "Nacho"}, {"Enrique", "Quique"}, {"Eduardo", "Lalo"},
    {"Rosario", "Charo"}, {"Dolores", "Lola"}, {"Consuelo", "Chelo"}, {"Alejandro", "Alejo"}}};

struct Person {
  std::string given;
  std::string surname1;
  std::string surname2;
  char sex;
  int year, month, day;
  const Nationality* nationality;
  std::string document;  // may be empty
  std::string phone_national;  // national significant number
  const Nationality* phone_country;
};

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}

  double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  bool chance(double p) { return uniform() < p; }
  int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  // Zipf-like pick: popular names much more common than rare ones.
  template <std::size_t N>
  std::string_view zipf(const std::string_view (&a)[N]) {
    double x = std::pow(uniform(), 2.2);
    return a[static_cast<std::size_t>(x * static_cast<double>(N)) % N];
  }

  std::string digits(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + integer(0, 9));
    return s;
  }

  const Nationality* nationality() {
    double x = uniform(), acc = 0;
    for (const auto& n : kNationalities) {
      acc += n.share;
      if (x < acc) return &n;
    }
    return &kNationalities[0];
  }

  Person person() {
    Person p;
    p.sex = chance(0.55) ? 'm' : 'f';
    p.given = std::string(p.sex == 'm' ? zipf(kMaleGiven) : zipf(kFemaleGiven));
    if (chance(0.3)) {
      p.given += " ";
      p.given += p.sex == 'm' ? zipf(kMaleGiven) : zipf(kFemaleGiven);
    }
    p.surname1 = std::string(zipf(kSurnames));
    p.surname2 = chance(0.85) ? std::string(zipf(kSurnames)) : std::string();
    p.year = integer(1950, 2023);
    p.month = integer(1, 12);
    p.day = integer(1, 28);
    p.nationality = nationality();
    if (chance(0.75)) {
      std::string letter = chance(0.5) ? "" : std::string(1, static_cast<char>('A' + integer(0, 25)));
      p.document = fmt::format("{}{}", letter, digits(integer(7, 9)));
    }
    p.phone_country = chance(0.7) ? p.nationality : &kNationalities[3];  // or a Colombian SIM
    p.phone_national = fmt::format("{}{}", p.phone_country->iso3 == "VEN" ? "4" : "3", digits(9));
    return p;
  }

  std::string typo(std::string s) {
    if (s.size() < 4) return s;
    std::size_t i = static_cast<std::size_t>(integer(1, static_cast<int>(s.size()) - 2));
    if (static_cast<unsigned char>(s[i]) >= 0x80 || static_cast<unsigned char>(s[i - 1]) >= 0x80 ||
        static_cast<unsigned char>(s[i + 1]) >= 0x80) {
      return s;
    }
    switch (integer(0, 2)) {
      case 0: std::swap(s[i], s[i + 1]); break;
      case 1: s.erase(i, 1); break;
      default: s[i] = static_cast<char>('a' + integer(0, 25)); break;
    }
    return s;
  }

  static std::string strip_accents(std::string_view s) {
    static constexpr std::array<std::pair<std::string_view, char>, 12> kMap = {{
        {"á", 'a'}, {"é", 'e'}, {"í", 'i'}, {"ó", 'o'}, {"ú", 'u'}, {"ñ", 'n'}, {"Á", 'A'},
        {"É", 'E'}, {"Í", 'I'}, {"Ó", 'O'}, {"Ú", 'U'}, {"è", 'e'}}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
      bool done = false;
      for (const auto& [from, to] : kMap) {
        if (s.substr(i, from.size()) == from) {
          out += to;
          i += from.size();
          done = true;
          break;
        }
      }
      if (!done) out += s[i++];
    }
    return out;
  }

  std::string phone_text(const Person& p, bool variant) {
    const std::string& n = p.phone_national;
    int style = variant ? integer(0, 4) : 0;
    std::string cc(p.phone_country->dial);
    switch (style) {
      case 0: return fmt::format("+{} {} {}", cc, n.substr(0, 3), n.substr(3));
      case 1: return fmt::format("00{}{}", cc, n);
      case 2:
        if (p.phone_country != p.nationality) return fmt::format("+{}{}", cc, n);
        return p.nationality->iso3 == "VEN" ? fmt::format("0{}", n) : n;
      case 3: return fmt::format("+{}-{}-{}-{}", cc, n.substr(0, 3), n.substr(3, 3), n.substr(6));
      default: return fmt::format("({}) {}-{}", n.substr(0, 3), n.substr(3, 3), n.substr(6));
    }
  }

 private:
  std::mt19937_64 rng_;
};

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string generate_people(const PeopleOptions& options, const std::string& out_csv,
                            const std::string& truth_csv) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::fopen(out_csv.c_str(), "w"), &std::fclose);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> truth(std::fopen(truth_csv.c_str(), "w"), &std::fclose);
  if (!out || !truth) return "cannot write " + out_csv + " or " + truth_csv;
  std::fputs("record_id,given_name,surname,sex,date_of_birth,nationality,document_type,"
             "document_country,document_number,phone\n", out.get());
  std::fputs("record_id,person_id\n", truth.get());
  Generator g(options.seed);
  std::int64_t written = 0;
  std::int64_t person_id = 0;
  std::string boat_phone;
  int boat_left = 0;
  while (written < options.records) {
    std::vector<Person> family;
    family.push_back(g.person());
    if (g.chance(0.08)) {  // a brother: same surnames, same phone
      Person b = g.person();
      b.sex = 'm';
      b.given = std::string(g.zipf(kMaleGiven));
      b.surname1 = family[0].surname1;
      b.surname2 = family[0].surname2;
      b.nationality = family[0].nationality;
      b.phone_country = family[0].phone_country;
      b.phone_national = family[0].phone_national;
      family.push_back(b);
    }
    for (const Person& p : family) {
      ++person_id;
      // A boat: its passengers give the captain's phone.
      if (boat_left == 0 && g.chance(0.002)) {
        boat_left = g.integer(30, 60);
        boat_phone = "+57 3" + g.digits(9);
      }
      bool on_boat = boat_left > 0;
      if (on_boat) --boat_left;
      int copies = g.chance(options.duplicate_share) ? (g.chance(0.8) ? 2 : 3) : 1;
      for (int c = 0; c < copies && written < options.records; ++c) {
        const bool variant = c > 0;
        std::string given = p.given;
        std::string s1 = p.surname1, s2 = p.surname2;
        std::string dob = fmt::format("{:04}-{:02}-{:02}", p.year, p.month, p.day);
        std::string doc = p.document;
        std::string doc_type = doc.empty() ? "none" : (doc[0] >= 'A' ? "passport" : "national_id");
        std::string phone = on_boat ? boat_phone : g.phone_text(p, variant);
        if (variant) {
          for (const auto& [name, nick] : kNicknames) {
            if (given == name && g.chance(0.5)) given = std::string(nick);
          }
          if (g.chance(0.3)) given = Generator::strip_accents(given);
          if (g.chance(0.1)) given = g.typo(given);
          if (given.find(' ') != std::string::npos && g.chance(0.3)) given = given.substr(0, given.find(' '));
          if (g.chance(0.3)) {
            s1 = Generator::strip_accents(s1);
            s2 = Generator::strip_accents(s2);
          }
          if (g.chance(0.1)) s1 = g.typo(s1);
          if (!s2.empty() && g.chance(0.2)) s2.clear();
          else if (!s2.empty() && g.chance(0.1)) std::swap(s1, s2);
          double d = g.uniform();
          if (d < 0.1) dob.clear();
          else if (d < 0.2) dob = dob.substr(0, 4);
          else if (d < 0.25 && p.day <= 12) dob = fmt::format("{:04}-{:02}-{:02}", p.year, p.day, p.month);
          else if (d < 0.3) dob = fmt::format("{:04}-{:02}-{:02}", p.year, p.month, std::min(28, p.day % 28 + 1));
          if (!doc.empty()) {
            double x = g.uniform();
            if (x < 0.25) doc.clear();
            else if (x < 0.45) doc = doc.substr(0, 3) + "-" + doc.substr(3);
            else if (x < 0.55 && doc[0] >= '0' && doc[0] <= '9') doc = "0" + doc;
            else if (x < 0.6) doc = g.typo(doc);
            if (doc.empty()) doc_type = "none";
          }
          double y = g.uniform();
          if (!on_boat && y < 0.15) phone.clear();
          else if (!on_boat && y < 0.25) phone = "+57 3" + g.digits(9);  // a new SIM
        }
        std::string surname = s2.empty() ? s1 : s1 + " " + s2;
        std::string rid = fmt::format("r{}", written + 1);
        std::string_view country = doc.empty() ? std::string_view() : p.nationality->iso3;
        fmt::print(out.get(), "{},{},{},{},{},{},{},{},{},{}\n", rid, csv_field(given),
                   csv_field(surname), p.sex == 'm' ? "male" : "female", dob, p.nationality->iso3,
                   doc_type, country, doc, csv_field(phone));
        fmt::print(truth.get(), "{},p{}\n", rid, person_id);
        ++written;
      }
    }
  }
  return {};
}

}  // namespace escudo::bench
