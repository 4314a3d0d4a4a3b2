#include "base/json.h"

#include <gtest/gtest.h>

namespace escudo {
namespace {

TEST(JsonWriterTest, EscapesAndNests) {
  JsonWriter w;
  w.begin_object()
      .key("name").value("a\"b\\c\n<script>")
      .key("n").value(std::int64_t{-3})
      .key("ok").value(true)
      .key("list").begin_array().value(1).value(2).end_array()
      .key("none").null()
      .end_object();
  EXPECT_EQ(w.str(),
            R"({"name":"a\"b\\c\n\u003cscript>","n":-3,"ok":true,"list":[1,2],"none":null})");
}

TEST(JsonWriterTest, InvalidUtf8NeverLeaks) {
  std::string out;
  append_json_string(out, "a\xff");
  EXPECT_EQ(out, "\"a\\ufffd\"");
}

TEST(JsonParseTest, ReadsFlatObject) {
  auto obj = parse_json_object(R"({"username":"ana","n":5,"roles":["admin","auditor"],"x":null})");
  ASSERT_TRUE(obj.has_value()) << obj.error().message();
  EXPECT_EQ(obj->get_string("username").value(), "ana");
  EXPECT_EQ(obj->get_int("n").value(), 5);
  EXPECT_EQ(obj->get_string_array("roles").value().size(), 2u);
  EXPECT_FALSE(obj->get_optional_string("x").value().has_value());
  auto wrong = obj->get_string("n");
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().message(), "field 'n' must be a string");
  EXPECT_EQ(obj->get_string("missing").error().message(), "field 'missing' is required");
}

TEST(JsonParseTest, RejectsBadInputWithoutThrowing) {
  for (const char* bad : {"", "{", "[1,2]", "\"s\"", R"({"a":{"b":1}})", R"({"a":[{"b":1}]})",
                          "{\"a\":1}garbage", R"({"a":18446744073709551615})"}) {
    auto obj = parse_json_object(bad);
    ASSERT_FALSE(obj.has_value()) << bad;
    EXPECT_EQ(obj.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(JsonValueTest, NestedDocumentsWithPaths) {
  auto doc = parse_json(R"({"station":"bajo-chiquito","people":[{"given_names":"Ana","age":7},{"given_names":5}]})");
  ASSERT_TRUE(doc.has_value()) << doc.error().message();
  EXPECT_EQ(doc->get_string("station").value(), "bajo-chiquito");
  auto people = doc->get_array("people").value();
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0]->get_string("given_names").value(), "Ana");
  EXPECT_EQ(people[0]->get_optional_int("age").value(), 7);
  EXPECT_FALSE(people[0]->get_optional_int("missing").value().has_value());
  auto wrong = people[1]->get_string("given_names");
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().message(), "field 'people[1].given_names' must be a string");
  EXPECT_TRUE(doc->get_array("nothing").value().empty());
  EXPECT_FALSE(parse_json("[[[[[[[[[[1]]]]]]]]]]", 8).has_value());
  EXPECT_FALSE(parse_json("{").has_value());
}

}  // namespace
}  // namespace escudo
