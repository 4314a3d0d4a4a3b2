#include "sim/people_csv.h"

#include <gtest/gtest.h>

namespace escudo::sim {
namespace {

PersonRecord sample() {
  PersonRecord r;
  r.record_id = 42;
  r.person_id = 7;
  r.given_name = "María José";
  r.surname = "Mosquera Palacios";
  r.sex = stats::Sex::kFemale;
  r.date_of_birth = "1994-03-07";
  r.nationality = "COL";
  r.document_type = DocumentType::kNationalId;
  r.document_country = "COL";
  r.document_number = "1034567890";
  r.phone = "+573101234567";
  return r;
}

TEST(PeopleCsvTest, HeadersAreExact) {
  std::string out;
  append_people_header(out);
  EXPECT_EQ(out,
            "record_id,given_name,surname,sex,date_of_birth,nationality,document_type,"
            "document_country,document_number,phone\n");
  out.clear();
  append_truth_header(out);
  EXPECT_EQ(out, "record_id,person_id\n");
}

TEST(PeopleCsvTest, OneRecordAndItsTruth) {
  std::string out;
  append_person_record(out, sample(), 7);
  EXPECT_EQ(out,
            "r0000042,María José,Mosquera Palacios,F,1994-03-07,COL,national_id,COL,1034567890,"
            "+573101234567\n");
  out.clear();
  append_truth_row(out, sample(), 7);
  EXPECT_EQ(out, "r0000042,p0000007\n");
}

TEST(PeopleCsvTest, EmptyFieldsStayEmptyAndCommasAreQuoted) {
  PersonRecord r = sample();
  r.sex = stats::Sex::kUnknown;
  r.date_of_birth.clear();
  r.document_type = DocumentType::kNone;
  r.document_country.clear();
  r.document_number.clear();
  r.phone.clear();
  r.nationality.clear();
  r.surname = "Pérez, \"el Mono\"";
  std::string out;
  append_person_record(out, r, 8);
  EXPECT_EQ(out, "r00000042,María José,\"Pérez, \"\"el Mono\"\"\",,,,,,,\n");
}

TEST(PeopleCsvTest, IdsAreWideEnoughForEveryRecord) {
  EXPECT_EQ(id_width(1), 7);
  EXPECT_EQ(id_width(10'000'000), 7);
  EXPECT_EQ(id_width(10'000'001), 8);
  EXPECT_EQ(record_ref(123, 7), "r0000123");
  EXPECT_EQ(person_ref(9'999'999, 7), "p9999999");
  EXPECT_EQ(record_ref(10'000'000, id_width(10'000'001)), "r10000000");
}

}  // namespace
}  // namespace escudo::sim
