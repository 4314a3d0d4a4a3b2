#include "resolve/record_mapping.h"

#include <gtest/gtest.h>

namespace escudo::resolve {
namespace {

TEST(RecordMapping, SpecsAndRows) {
  auto dob = parse_field_spec("date_of_birth=dob:YYYYMMDD");
  ASSERT_TRUE(dob.has_value());
  EXPECT_EQ(dob->column, "dob");
  EXPECT_EQ(dob->date_format, DateFormat::kYyyymmdd);
  EXPECT_FALSE(parse_field_spec("shoe=size").has_value());
  EXPECT_NE(parse_field_spec("shoe=size").error().message().find("given_name"), std::string::npos);
  EXPECT_FALSE(parse_field_spec("date_of_birth=dob:DDMMYY").has_value());
  EXPECT_FALSE(parse_field_spec("surname").has_value());

  std::vector<std::string> header = {"id", "first", "last", "dob", "tel", "tel2"};
  std::vector<FieldSpec> specs = {parse_field_spec("given_name=first").value(),
                                  parse_field_spec("surname=last").value(), *dob,
                                  parse_field_spec("phone=tel").value(),
                                  parse_field_spec("phone=tel2").value()};
  auto mapping = RecordMapping::create(header, "id", specs);
  ASSERT_TRUE(mapping.has_value());
  auto r = mapping->map({" r1", "José ", "Mosquera", "19840307", "+57 300", ""});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->record_id, "r1");
  EXPECT_EQ(r->given_name, "José");
  EXPECT_EQ(r->date_of_birth, (PartialDate{.year = 1984, .month = 3, .day = 7}));
  EXPECT_EQ(r->phones, (std::vector<std::string>{"+57 300"}));

  auto bad_date = mapping->map({"r2", "a", "b", "1984-03-07", "", ""});
  ASSERT_FALSE(bad_date.has_value());
  EXPECT_NE(bad_date.error().message().find("column 'dob'"), std::string::npos);
  EXPECT_FALSE(mapping->map({"r3", "a"}).has_value());
  EXPECT_FALSE(mapping->map({"", "a", "b", "", "", ""}).has_value());
  auto missing = RecordMapping::create(header, "id", {parse_field_spec("city=town").value()});
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message().find("'town'"), std::string::npos);
}

}  // namespace
}  // namespace escudo::resolve
