#include "resolve/normalize.h"

#include <gtest/gtest.h>

#include "resolve/internal/text_fold.h"
#include "resolve/name.h"
#include "resolve/nicknames.h"
#include "resolve/phone.h"

namespace escudo::resolve {
namespace {

NicknameTable table() { return NicknameTable::parse(default_nicknames_text()).value(); }

TEST(TextFold, AccentsCaseAndScripts) {
  internal::TextFolder f;
  EXPECT_EQ(f.fold("José NÚÑEZ"), "jose nunez");
  EXPECT_EQ(f.fold("Иван Петров"), "ivan petrov");
  EXPECT_EQ(f.fold("王伟"), "wang wei");
  EXPECT_EQ(f.fold("محمد علي").find_first_not_of("abcdefghijklmnopqrstuvwxyz "), std::string::npos);
  EXPECT_EQ(f.fold("“El Mono”"), "\"el mono\"");
  EXPECT_EQ(f.fold("Ngozi Ọkọnkwọ"), "ngozi okonkwo");
  EXPECT_EQ(f.fold("Jean-Baptiste"), "jean baptiste");
}

TEST(Nicknames, ShippedTableAndUserExtension) {
  NicknameTable t = table();
  EXPECT_EQ(t.canonical("pepe"), "jose");
  EXPECT_EQ(t.canonical("pancho"), "francisco");
  EXPECT_EQ(t.canonical("paco"), "francisco");
  EXPECT_EQ(t.canonical("chucho"), "jesus");
  EXPECT_EQ(t.canonical("lupe"), "guadalupe");
  EXPECT_EQ(t.canonical("mosquera"), "mosquera");
  EXPECT_TRUE(t.is_given_name("luis"));
  auto user = NicknameTable::parse("# mine\nWilfredo: Willy Fredy\n");
  ASSERT_TRUE(user.has_value());
  t.add(*user);
  EXPECT_EQ(t.canonical("fredy"), "wilfredo");
  EXPECT_EQ(t.canonical("willy"), "guillermo");  // the first table keeps its entry
  auto bad = NicknameTable::parse("jose pepe\n");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message().find("line 1"), std::string::npos);
}

TEST(NameParse, CorridorCustoms) {
  NicknameTable t = table();
  internal::TextFolder f;
  auto parse_full = [&](std::string_view s) { return parse_name({.full = f.fold(s)}, t); };

  ParsedName a = parse_full("José Luis Mosquera Palacios");
  EXPECT_EQ(a.given, (std::vector<std::string>{"jose", "luis"}));
  EXPECT_EQ(a.surnames, (std::vector<std::string>{"mosquera", "palacios"}));

  ParsedName b = parse_full("Jose L. Mosquera");
  EXPECT_EQ(b.given, (std::vector<std::string>{"jose", "l"}));
  EXPECT_EQ(b.surnames, (std::vector<std::string>{"mosquera"}));

  ParsedName c = parse_full("José Mosquera Palacios alias El Mono");
  EXPECT_EQ(c.aliases, (std::vector<std::string>{"mono"}));
  EXPECT_EQ(c.surnames, (std::vector<std::string>{"mosquera", "palacios"}));
  EXPECT_EQ(parse_full("(a) El Mono").aliases, (std::vector<std::string>{"mono"}));
  EXPECT_EQ(parse_full("José \"El Mono\" Mosquera").aliases, (std::vector<std::string>{"mono"}));
  EXPECT_EQ(parse_full("José “El Mono” Mosquera").given, (std::vector<std::string>{"jose"}));

  ParsedName d = parse_full("Mosquera Palacios, José Luis");
  EXPECT_EQ(d.surnames, (std::vector<std::string>{"mosquera", "palacios"}));
  EXPECT_EQ(d.given, (std::vector<std::string>{"jose", "luis"}));

  ParsedName e = parse_name({.given = "ana", .surname = "garcia de perez"}, t);
  EXPECT_EQ(e.surnames, (std::vector<std::string>{"garcia"}));
  EXPECT_EQ(e.married, "perez");
  EXPECT_EQ(parse_name({.given = "ana", .surname = "garcia vda. de perez"}, t).married, "perez");

  ParsedName g = parse_name({.given = "juan", .surname = "de la cruz del castillo"}, t);
  EXPECT_EQ(g.surnames, (std::vector<std::string>{"cruz", "castillo"}));
  EXPECT_TRUE(g.married.empty());

  ParsedName h = parse_name({.given = "pepe"}, t);
  EXPECT_EQ(h.given_canonical, (std::vector<std::string>{"jose"}));
  EXPECT_EQ(parse_name({.given = "majo"}, t).given_canonical,
            (std::vector<std::string>{"maria", "jose"}));
  EXPECT_EQ(parse_full("Juan de la Cruz").surnames, (std::vector<std::string>{"cruz"}));
}

TEST(Phone, E164FromEveryWayOfWritingIt) {
  PhoneNormalizer p;
  const std::uint64_t expected = 573001234567ULL;
  EXPECT_EQ(p.e164("+57 300 123 4567", "CO"), expected);
  EXPECT_EQ(p.e164("0057 300 123 4567", ""), expected);
  EXPECT_EQ(p.e164("(300) 123-4567", "CO"), expected);
  EXPECT_EQ(p.e164("300.123.4567", country_alpha2("COL")), expected);
  EXPECT_EQ(p.e164("0412-1234567", country_alpha2("VEN")), 584121234567ULL);
  EXPECT_EQ(p.e164("+58 412 1234567", "PA"), 584121234567ULL);
  EXPECT_FALSE(p.e164("12-34", "CO").has_value());
  auto local = p.e164("3001234567", "");
  ASSERT_TRUE(local.has_value());
  EXPECT_NE(*local & kLocalPhoneFlag, 0u);
  EXPECT_EQ(phone_to_string(expected), "+573001234567");
}

TEST(Country, Alpha2AndAlpha3) {
  EXPECT_EQ(country_alpha2("COL"), "CO");
  EXPECT_EQ(country_alpha2("co"), "CO");
  EXPECT_EQ(country_alpha2("VEN"), "VE");
  EXPECT_EQ(country_alpha2("HTI"), "HT");
  EXPECT_EQ(country_alpha2("XXX"), "");
  EXPECT_EQ(country_number("COL"), country_number("CO"));
  EXPECT_NE(country_number("COL"), country_number("VEN"));
  EXPECT_EQ(country_code(country_number("COL")), "CO");
  EXPECT_EQ(country_code(0), "");
}

TEST(Documents, NumbersAndTypes) {
  EXPECT_EQ(normalize_document_number("0912-345.678"), "912345678");
  EXPECT_EQ(normalize_document_number("ab 012345"), "AB012345");
  EXPECT_EQ(parse_document_type("pasaporte"), DocumentType::kPassport);
  EXPECT_EQ(parse_document_type("cedula"), DocumentType::kNationalId);
  EXPECT_EQ(parse_document_type(""), DocumentType::kUnknown);
}

TEST(Dates, PartialEstimatedAndFormats) {
  EXPECT_EQ(parse_partial_date("1984-03-07", DateFormat::kIso).value(),
            (PartialDate{.year = 1984, .month = 3, .day = 7}));
  EXPECT_EQ(parse_partial_date("1984-03", DateFormat::kIso).value(),
            (PartialDate{.year = 1984, .month = 3}));
  EXPECT_EQ(parse_partial_date("1984", DateFormat::kIso).value(), (PartialDate{.year = 1984}));
  EXPECT_EQ(parse_partial_date("~1984", DateFormat::kIso).value(),
            (PartialDate{.year = 1984, .estimated = true}));
  EXPECT_EQ(parse_partial_date("19840307", DateFormat::kYyyymmdd).value(),
            (PartialDate{.year = 1984, .month = 3, .day = 7}));
  EXPECT_EQ(parse_partial_date("07/03/1984", DateFormat::kDdMmYyyy).value(),
            (PartialDate{.year = 1984, .month = 3, .day = 7}));
  EXPECT_EQ(parse_partial_date("03/07/1984", DateFormat::kMmDdYyyy).value(),
            (PartialDate{.year = 1984, .month = 3, .day = 7}));
  EXPECT_FALSE(parse_partial_date("", DateFormat::kIso).value().known());
  EXPECT_FALSE(parse_partial_date("1984-02-30", DateFormat::kIso).has_value());
  EXPECT_FALSE(parse_partial_date("19841307", DateFormat::kYyyymmdd).has_value());
  EXPECT_FALSE(parse_partial_date("abc", DateFormat::kIso).has_value());
  EXPECT_EQ(partial_date_to_string({.year = 1984, .month = 3}), "1984-03");
  EXPECT_EQ(parse_partial_date_lenient("19371233", DateFormat::kYyyymmdd),
            (PartialDate{.year = 1937, .month = 12}));
  EXPECT_EQ(parse_partial_date_lenient("31/02/1990", DateFormat::kDdMmYyyy),
            (PartialDate{.year = 1990, .month = 2}));
  EXPECT_FALSE(parse_partial_date_lenient("abc", DateFormat::kIso).known());
}

TEST(RecordStore, InternsAndCountsTerms) {
  NicknameTable t = table();
  Normalizer n(t);
  RecordStore store;
  PersonRecord a{.record_id = "a", .given_name = "Pepe", .surname = "García Pérez"};
  a.phones = {"+57 300 123 4567"};
  a.nationality = "COL";
  PersonRecord b{.record_id = "b", .given_name = "José", .surname = "García"};
  b.phones = {"300 123 4567"};
  b.nationality = "CO";
  std::uint32_t ia = store.add(a.record_id, n.normalize(a));
  std::uint32_t ib = store.add(b.record_id, n.normalize(b));
  EXPECT_EQ(store.find("b"), 1);
  EXPECT_EQ(store.find("zzz"), -1);
  EXPECT_EQ(store.record(ia).given_canonical[0], store.record(ib).given_canonical[0]);
  EXPECT_NE(store.record(ia).given[0], store.record(ib).given[0]);
  EXPECT_EQ(store.record(ia).phone[0], store.record(ib).phone[0]);
  EXPECT_EQ(store.surname_count(store.record(ia).surname[0]), 2u);
  EXPECT_EQ(store.phone_count(573001234567ULL), 2u);
  EXPECT_EQ(store.token(store.record(ia).surname[1]), "perez");
}

}  // namespace
}  // namespace escudo::resolve
