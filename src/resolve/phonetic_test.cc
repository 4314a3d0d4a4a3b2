#include "resolve/phonetic.h"

#include <gtest/gtest.h>

namespace escudo::resolve {
namespace {

TEST(Phonetic, SpellingsHeardTheSameWayMeet) {
  EXPECT_EQ(spanish_phonetic("gonzalez"), "GNSLS");
  for (auto [a, b] : std::vector<std::pair<const char*, const char*>>{
           {"gonzalez", "gonzales"}, {"jimenez", "gimenez"}, {"jimenez", "ximenez"},
           {"mosquera", "mozquera"}, {"velez", "belez"}, {"yepez", "llepez"},
           {"quintero", "kintero"}, {"hernandez", "ernandez"}, {"zapata", "sapata"},
           {"cespedes", "sespedes"}, {"mohamed", "mhmd"}, {"rodriguez", "rodrigues"}}) {
    EXPECT_EQ(phonetic_code(a), phonetic_code(b)) << a << " / " << b << ": "
                                                  << spanish_phonetic(a) << " vs "
                                                  << spanish_phonetic(b);
  }
}

TEST(Phonetic, DifferentNamesStayApart) {
  for (auto [a, b] : std::vector<std::pair<const char*, const char*>>{
           {"guevara", "gevara"}, {"perez", "pereira"}, {"mosquera", "moreno"},
           {"castro", "castillo"}, {"lopez", "lozano"}}) {
    EXPECT_NE(phonetic_code(a), phonetic_code(b)) << a << " / " << b;
  }
  EXPECT_EQ(phonetic_code(""), 0u);
  EXPECT_NE(phonetic_code("b"), phonetic_code("ab"));
}

}  // namespace
}  // namespace escudo::resolve
