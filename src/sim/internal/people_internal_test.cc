// The pieces of the person-record model: typos, accents, other spellings, hypocorisms, phone
// and document forms, and the record-id permutation.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "sim/internal/id_permutation.h"
#include "sim/internal/name_variants.h"
#include "sim/internal/text.h"
#include "sim/internal/typos.h"
#include "sim/internal/written_forms.h"

namespace escudo::sim::internal {
namespace {

// Optimal string alignment distance over code points (an adjacent swap counts as one edit).
int edit_distance(std::string_view a_text, std::string_view b_text) {
  const std::u32string a = to_code_points(a_text);
  const std::u32string b = to_code_points(b_text);
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

TEST(TextTest, AccentsCapitalsAndCodePoints) {
  EXPECT_EQ(without_accents("José Muñoz Pérez"), "Jose Munoz Perez");
  EXPECT_EQ(without_accents("Nguyễn Thị Hương"), "Nguyen Thi Huong");
  EXPECT_EQ(without_accents("Naïka Désir"), "Naika Desir");
  EXPECT_EQ(without_accents("王伟"), "王伟");
  EXPECT_EQ(without_accents("Rodriguez"), "Rodriguez");
  EXPECT_EQ(in_capitals("José Muñoz"), "JOSÉ MUÑOZ");
  EXPECT_EQ(to_utf8(to_code_points("Muñoz 王")), "Muñoz 王");
  EXPECT_EQ(to_code_points("ñ").size(), 1u);
  EXPECT_TRUE(is_ascii("Jose"));
  EXPECT_FALSE(is_ascii("José"));
}

TEST(TyposTest, EveryKindIsOneEditThatKeepsTheFirstLetter) {
  Rng rng(3, 0);
  for (std::string_view name : {"Rodríguez", "Muñoz", "Yusleidy", "Li", "Quishpe", "Jean-Pierre"}) {
    for (TypoKind kind :
         {TypoKind::kInsert, TypoKind::kDelete, TypoKind::kSubstitute, TypoKind::kTranspose}) {
      for (int i = 0; i < 50; ++i) {
        const std::string typo = with_typo(name, kind, rng);
        EXPECT_EQ(edit_distance(name, typo), 1) << name << " → " << typo;
        EXPECT_EQ(to_code_points(typo)[0], to_code_points(name)[0]) << typo;
      }
    }
  }
  EXPECT_EQ(edit_distance("A", with_typo("A", rng)), 1);
}

TEST(TyposTest, SubstitutionsMostlyHitNeighbouringKeys) {
  Rng rng(4, 0);
  int near = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string typo = with_typo("Gaga", TypoKind::kSubstitute, rng);  // g and a only
    for (char c : typo.substr(1))
      near += std::string_view("qwszftyhbv").find(c) != std::string_view::npos;
  }
  EXPECT_EQ(near, 200);
}

TEST(TyposTest, AccentAddedOnAVowelAfterTheFirstLetter) {
  Rng rng(5, 0);
  for (int i = 0; i < 50; ++i) {
    const std::string out = with_accent_added("Maria", rng);
    EXPECT_NE(out, "Maria");
    EXPECT_EQ(without_accents(out), "Maria");
    EXPECT_EQ(out.substr(0, 1), "M");
  }
  EXPECT_FALSE(can_add_accent("Wynn"));
  EXPECT_TRUE(can_add_accent("Yorman"));
  EXPECT_EQ(with_accent_added("Wynn", rng), "Wynn");
}

TEST(NameVariantsTest, HypocorismsFollowTheLanguage) {
  Rng rng(6, 0);
  std::set<std::string_view> pepe;
  for (int i = 0; i < 100; ++i) pepe.insert(hypocorism("José", NameLanguage::kSpanish, rng));
  EXPECT_EQ(pepe, (std::set<std::string_view>{"Pepe", "Chepe"}));
  EXPECT_EQ(hypocorism("José", NameLanguage::kPortuguese, rng), "Zé");
  EXPECT_EQ(hypocorism("José", NameLanguage::kOther, rng), "");
  EXPECT_EQ(hypocorism("María José", NameLanguage::kSpanish, rng), "Majo");
  EXPECT_EQ(hypocorism("Ignacio", NameLanguage::kSpanish, rng), "Nacho");
  EXPECT_EQ(hypocorism("Guadalupe Rosa", NameLanguage::kSpanish, rng).substr(0, 3), "Lup");
  for (std::string_view name : {"Francisco", "Jesús", "Roberto", "Manuel", "Concepción", "Dolores",
                                "Rosario", "Anastasia", "Alejandro"}) {
    EXPECT_TRUE(has_hypocorism(name, NameLanguage::kSpanish)) << name;
  }
  EXPECT_FALSE(has_hypocorism("Yorman", NameLanguage::kSpanish));
  EXPECT_EQ(name_language("VEN"), NameLanguage::kSpanish);
  EXPECT_EQ(name_language("BRA"), NameLanguage::kPortuguese);
  EXPECT_EQ(name_language("HTI"), NameLanguage::kOther);
}

TEST(NameVariantsTest, OtherSpellingsAndHanCharacters) {
  Rng rng(7, 0);
  const std::set<std::string> mohammad = {"Muhammad Ali", "Mohammed Ali", "Mohamed Ali",
                                          "Mohamad Ali"};
  for (int i = 0; i < 20; ++i)
    EXPECT_TRUE(mohammad.contains(alternate_spelling("Mohammad Ali", rng)));
  EXPECT_EQ(alternate_spelling("Jean-Baptiste", rng), "Jean Baptiste");
  EXPECT_EQ(alternate_spelling("Zhang", rng), "Chang");
  EXPECT_EQ(alternate_spelling("Rodríguez", rng), "");
  EXPECT_TRUE(has_alternate_spelling("Marie-Claire"));
  EXPECT_FALSE(has_alternate_spelling("Rodríguez Pérez"));
  EXPECT_EQ(han_family_name("Wang"), "王");
  EXPECT_EQ(han_given_name("Zhiwei"), "志伟");
  EXPECT_EQ(han_given_name("Pedro"), "");
}

TEST(WrittenFormsTest, PhonesInEveryForm) {
  const std::string ven = "+584121234567";
  EXPECT_EQ(phone_written_as(ven, PhoneForm::kDoubleZero), "00584121234567");
  EXPECT_EQ(phone_written_as(ven, PhoneForm::kSpaced), "+58 412 123 4567");
  EXPECT_EQ(phone_written_as(ven, PhoneForm::kNationalDash), "0412-1234567");
  EXPECT_EQ(phone_written_as(ven, PhoneForm::kNationalSpace), "0412 123 4567");
  EXPECT_EQ(phone_written_as(ven, PhoneForm::kNoCountryCode), "4121234567");
  const std::string col = "+573101234567";
  EXPECT_EQ(phone_written_as(col, PhoneForm::kNationalDash), "310-1234567");
  EXPECT_EQ(phone_written_as("+50934123456", PhoneForm::kNationalSpace), "3412 3456");
  EXPECT_EQ(phone_written_as("+50934123456", PhoneForm::kNationalDash), "3412-3456");
  EXPECT_EQ(phone_written_as("+9990001", PhoneForm::kDoubleZero), "009990001");
  Rng rng(8, 0);
  for (int i = 0; i < 50; ++i) {
    EXPECT_NE(phone_written(ven, rng), ven);
    const std::string other = replacement_phone(ven, rng);
    EXPECT_NE(other, ven);
    EXPECT_TRUE(other.starts_with("+58") || other.starts_with("+57")) << other;
  }
}

TEST(WrittenFormsTest, DocumentNumbersReformattedAndMistyped) {
  Rng rng(9, 0);
  EXPECT_EQ(document_reformatted("V-12345678", rng), "V12345678");
  EXPECT_EQ(document_reformatted("123.456.789-01", rng), "12345678901");
  std::set<std::string> forms;
  for (int i = 0; i < 100; ++i) forms.insert(document_reformatted("AB1234567", rng));
  EXPECT_EQ(forms, (std::set<std::string>{"AB 1234567", "AB-1234567", "ab1234567"}));
  forms.clear();
  for (int i = 0; i < 100; ++i) forms.insert(document_reformatted("12345678", rng));
  EXPECT_TRUE(forms.contains("12.345.678"));
  for (int i = 0; i < 100; ++i) {
    const std::string typo = document_with_digit_typo("V-12345678", rng);
    EXPECT_EQ(typo.size(), 10u);
    EXPECT_EQ(typo.substr(0, 2), "V-");
    EXPECT_EQ(edit_distance(typo, "V-12345678"), 1) << typo;
  }
  EXPECT_EQ(document_with_digit_typo("ABC", rng), "ABC");
}

TEST(IdPermutationTest, IsABijectionOfTheRange) {
  for (std::uint64_t size : {1u, 2u, 5u, 16u, 1000u, 4097u, 65537u}) {
    IdPermutation ids(42, size);
    std::vector<bool> seen(size);
    std::uint64_t fixed = 0;
    for (std::uint64_t i = 0; i < size; ++i) {
      const std::uint64_t id = ids(i);
      ASSERT_LT(id, size);
      ASSERT_FALSE(seen[id]) << "size " << size << ": " << id << " twice";
      seen[id] = true;
      fixed += id == i;
    }
    if (size >= 1000) {
      EXPECT_LT(fixed, size / 100) << size;
    }
  }
  EXPECT_NE(IdPermutation(1, 1000)(0), IdPermutation(2, 1000)(0));
}

}  // namespace
}  // namespace escudo::sim::internal
