#include <gtest/gtest.h>

#include "model/reward.h"
#include "model/tip.h"

namespace escudo::model {
namespace {

TEST(TipModelTest, ValidationNamesEachBadField) {
  TipContent ok{.text = "Los coyotes cobran 300 dólares en Acandí"};
  EXPECT_TRUE(validate_tip(ok).empty());
  TipContent bad{.text = "  \n", .who = std::string(kMaxTipFieldBytes + 1, 'a'),
                 .phones = std::string("+57\x01", 4), .accounts = "\xC3\x28"};
  auto problems = validate_tip(bad);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].field, "text");
  EXPECT_EQ(problems[0].code, "required");
  EXPECT_EQ(problems[1].field, "who");
  EXPECT_EQ(problems[1].code, "too_long");
  EXPECT_EQ(problems[2].field, "phones");
  EXPECT_EQ(problems[2].code, "not_text");
  EXPECT_EQ(problems[3].field, "accounts");
  EXPECT_EQ(validate_tip_message("message", "").size(), 1u);
}

TEST(TipModelTest, ContentRoundTripsThroughJson) {
  TipContent c{.text = "línea 1\n\"quoted\"", .who = "El Flaco", .where = "Capurganá",
               .when = "martes", .phones = "+573001234567", .accounts = "Nequi 300",
               .language = TipLanguage::kHaitianCreole};
  auto back = tip_content_from_json(tip_content_to_json(c));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->text, c.text);
  EXPECT_EQ(back->who, c.who);
  EXPECT_EQ(back->accounts, c.accounts);
  EXPECT_EQ(back->language, TipLanguage::kHaitianCreole);
  EXPECT_EQ(tip_content_from_json("{").error().code(), ErrorCode::kDataLoss);
}

TEST(TipModelTest, NamesParseBack) {
  for (auto s : {TipStatus::kNew, TipStatus::kTriaged, TipStatus::kActionable, TipStatus::kClosed}) {
    EXPECT_EQ(parse_tip_status(tip_status_name(s)).value(), s);
  }
  EXPECT_FALSE(parse_tip_status("open").has_value());
  EXPECT_EQ(parse_tip_language("ht").value(), TipLanguage::kHaitianCreole);
  EXPECT_FALSE(parse_tip_language("de").has_value());
  EXPECT_TRUE(validate_tag("clan-del-golfo").has_value());
  EXPECT_FALSE(validate_tag("Has Spaces").has_value());
  EXPECT_FALSE(validate_tag("").has_value());
  EXPECT_FALSE(validate_tag(std::string(41, 'a')).has_value());
}

TEST(RewardModelTest, AmountsParseAndFormat) {
  EXPECT_EQ(parse_usd("amount", "2000000").value(), 200000000);
  EXPECT_EQ(parse_usd("amount", "$1,000,000.5").value(), 100000050);
  EXPECT_EQ(parse_usd("amount", "12.34").value(), 1234);
  EXPECT_FALSE(parse_usd("amount", "12.345").has_value());
  EXPECT_FALSE(parse_usd("amount", "-5").has_value());
  EXPECT_FALSE(parse_usd("amount", "").has_value());
  EXPECT_NE(parse_usd("amount", "abc").error().message().find("'amount'"), std::string::npos);
  EXPECT_EQ(format_usd(500000000), "$5,000,000.00");
  EXPECT_EQ(format_usd(105), "$1.05");
  EXPECT_EQ(parse_outcome_kind("death_link").value(), OutcomeKind::kDeathLink);
  EXPECT_FALSE(parse_outcome_kind("rumour").has_value());
}

}  // namespace
}  // namespace escudo::model
