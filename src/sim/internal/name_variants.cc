#include "sim/internal/name_variants.h"

#include <algorithm>
#include <array>
#include <span>

namespace escudo::sim::internal {
namespace {

using S = std::string_view;

struct Nicknames {
  S name;
  NameLanguage language;
  std::array<S, 3> nicknames;  // empty entries unused
};

constexpr NameLanguage kEs = NameLanguage::kSpanish;
constexpr NameLanguage kPt = NameLanguage::kPortuguese;
constexpr NameLanguage kEn = NameLanguage::kEnglish;

// Whole compound names first: "María José" is Majo, not Mari.
constexpr Nicknames kNicknames[] = {
    {"José María", kEs, {"Chema"}},
    {"María José", kEs, {"Majo"}},
    {"María Fernanda", kEs, {"Mafe"}},
    {"María Isabel", kEs, {"Maribel"}},
    {"María Luisa", kEs, {"Malú"}},
    {"Juan Carlos", kEs, {"Juanca"}},
    {"Juan José", kEs, {"Juanjo"}},
    {"José", kEs, {"Pepe", "Chepe"}},
    {"Francisco", kEs, {"Pancho", "Paco", "Kiko"}},
    {"Jesús", kEs, {"Chucho", "Chuy"}},
    {"Guadalupe", kEs, {"Lupe", "Lupita"}},
    {"Ignacio", kEs, {"Nacho"}},
    {"Alejandro", kEs, {"Alex", "Ale"}},
    {"Alejandra", kEs, {"Ale", "Alejita"}},
    {"Roberto", kEs, {"Beto", "Tito"}},
    {"Alberto", kEs, {"Beto"}},
    {"Manuel", kEs, {"Manolo", "Manu"}},
    {"Concepción", kEs, {"Conchita", "Concha"}},
    {"Dolores", kEs, {"Lola", "Loli"}},
    {"Rosario", kEs, {"Charo", "Chayo"}},
    {"Anastasia", kEs, {"Tasia"}},
    {"Eduardo", kEs, {"Lalo"}},
    {"Luis", kEs, {"Lucho"}},
    {"Rafael", kEs, {"Rafa"}},
    {"Antonio", kEs, {"Toño"}},
    {"Fernando", kEs, {"Nando"}},
    {"Guillermo", kEs, {"Memo"}},
    {"Enrique", kEs, {"Quique"}},
    {"Daniel", kEs, {"Dani"}},
    {"Daniela", kEs, {"Dani"}},
    {"Gabriel", kEs, {"Gabo"}},
    {"Gabriela", kEs, {"Gaby"}},
    {"Sebastián", kEs, {"Sebas"}},
    {"Santiago", kEs, {"Santi"}},
    {"Andrés", kEs, {"Andy"}},
    {"Valentina", kEs, {"Vale"}},
    {"Mariana", kEs, {"Mari"}},
    {"Patricia", kEs, {"Paty"}},
    {"Catalina", kEs, {"Cata"}},
    {"Fernanda", kEs, {"Fer"}},
    {"Milagros", kEs, {"Mila"}},
    {"Josefina", kEs, {"Pepa", "Fina"}},
    {"Isabel", kEs, {"Chabela", "Isa"}},
    {"Mercedes", kEs, {"Meche"}},
    {"Juan", kEs, {"Juancho"}},
    {"Cristian", kEs, {"Cris"}},
    {"Jefferson", kEs, {"Jeff"}},
    {"Alexander", kEs, {"Alex"}},
    {"Natalia", kEs, {"Nati"}},
    {"Carmen", kEs, {"Carmencita"}},
    {"Yolimar", kEs, {"Yoli"}},
    {"José", kPt, {"Zé"}},
    {"Francisco", kPt, {"Chico"}},
    {"António", kPt, {"Tó"}},
    {"Manuel", kPt, {"Manel"}},
    {"Domingos", kPt, {"Mingo"}},
    {"Joana", kPt, {"Joaninha"}},
    {"Filomena", kPt, {"Mena"}},
    {"Michael", kEn, {"Mike"}},
    {"Samuel", kEn, {"Sam"}},
    {"Daniel", kEn, {"Dan"}},
    {"Emmanuel", kEn, {"Emma"}},
    {"Blessing", kEn, {"Bless"}},
};

const Nicknames* find_nicknames(S name, NameLanguage language) {
  for (const Nicknames& n : kNicknames) {
    if (n.language == language && n.name == name) return &n;
  }
  return nullptr;
}

const Nicknames* nicknames_for(S given_names, NameLanguage language) {
  if (language == NameLanguage::kOther) return nullptr;
  if (const Nicknames* whole = find_nicknames(given_names, language)) return whole;
  const std::size_t space = given_names.find(' ');
  if (space == S::npos) return nullptr;
  return find_nicknames(given_names.substr(0, space), language);
}

// Spellings of one name seen side by side in registers.
struct Spellings {
  S name;
  std::array<S, 4> others;  // empty entries unused
};

constexpr Spellings kSpellings[] = {
    {"Mohammad", {"Muhammad", "Mohammed", "Mohamed", "Mohamad"}},
    {"Muhammad", {"Mohammad", "Muhammed", "Mohamed"}},
    {"Mohamed", {"Mohammed", "Mohamad", "Muhammad"}},
    {"Ahmad", {"Ahmed"}},
    {"Ahmed", {"Ahmad"}},
    {"Hossein", {"Hussein", "Hosein"}},
    {"Hussain", {"Hussein", "Husain"}},
    {"Yusuf", {"Youssef", "Yousef"}},
    {"Mahmoud", {"Mahmud"}},
    {"Omar", {"Umar"}},
    {"Khaled", {"Khalid"}},
    {"Khalid", {"Khaled"}},
    {"Abdul", {"Abdoul"}},
    {"Moussa", {"Musa"}},
    {"Fatima", {"Fatimah", "Fatma"}},
    {"Fatemeh", {"Fatima"}},
    {"Zahra", {"Zahraa"}},
    {"Chaudhary", {"Choudhary", "Chaudhry"}},
    {"Chaudhry", {"Chaudhary", "Choudhry"}},
    {"Chowdhury", {"Choudhury"}},
    {"Hossain", {"Hussain", "Hosain"}},
    {"Yusupov", {"Iusupov"}},
    {"Aliev", {"Aliyev"}},
    {"Abdullaev", {"Abdullayev"}},
    {"Zhang", {"Chang"}},
    {"Zhou", {"Chou"}},
    {"Xu", {"Hsu"}},
    {"Zhao", {"Chao"}},
    {"Wang", {"Wong"}},
    {"Li", {"Lee"}},
    {"Chen", {"Chan"}},
    {"Guo", {"Kuo"}},
    {"Liu", {"Lau"}},
    {"Zhu", {"Chu"}},
    {"Lin", {"Lam"}},
    {"Gao", {"Kao"}},
    {"Luo", {"Lo"}},
    {"Yorman", {"Jorman"}},
    {"Yeferson", {"Jefferson", "Yefferson"}},
    {"Jhonny", {"Johnny", "Yonny"}},
    {"Kleiver", {"Cleiver"}},
    {"Yonaiker", {"Jonaiker"}},
    {"Jhon", {"John", "Jon"}},
    {"Brayan", {"Bryan", "Brian"}},
    {"Bryan", {"Brayan"}},
    {"Yeison", {"Jeison"}},
    {"Yenny", {"Jenny"}},
    {"Yuli", {"Juli"}},
    {"Leidy", {"Lady", "Leydi"}},
    {"Mishell", {"Michelle"}},
    {"Gissela", {"Gisela"}},
    {"Jessica", {"Yesica"}},
    {"Johanna", {"Yohana"}},
    {"Jefferson", {"Yeferson"}},
    {"Yusleidy", {"Yusleidi"}},
    {"Marbelys", {"Marbelis"}},
    {"Yorgelis", {"Jorgelis"}},
    {"Wilmer", {"Vilmer"}},
    {"Yasmany", {"Yasmani"}},
    {"Yoandry", {"Yoandri"}},
    {"Wideline", {"Widline"}},
    {"Guerline", {"Gerline"}},
    {"Mirlande", {"Myrlande"}},
    {"Kervens", {"Kerven"}},
    {"Dorméus", {"Dormeus"}},
};

std::span<const S> spellings_of(S word) {
  for (const Spellings& s : kSpellings) {
    if (s.name != word) continue;
    std::size_t count = 0;
    while (count < s.others.size() && !s.others[count].empty()) ++count;
    return {s.others.data(), count};
  }
  return {};
}

struct Han {
  S pinyin;
  S han;
};

constexpr Han kHanFamily[] = {
    {"Chen", "陈"},  {"Gao", "高"},   {"Guo", "郭"},  {"He", "何"},   {"Hu", "胡"},
    {"Huang", "黄"}, {"Li", "李"},    {"Lin", "林"},  {"Liu", "刘"},  {"Luo", "罗"},
    {"Ma", "马"},    {"Sun", "孙"},   {"Wang", "王"}, {"Wu", "吴"},   {"Xu", "徐"},
    {"Yang", "杨"},  {"Zhang", "张"}, {"Zhao", "赵"}, {"Zhou", "周"}, {"Zhu", "朱"},
};
constexpr Han kHanGiven[] = {
    {"Bo", "波"},       {"Chao", "超"},     {"Fang", "芳"},     {"Hao", "浩"},
    {"Haoran", "浩然"}, {"Hong", "红"},     {"Hui", "辉"},      {"Jiayi", "佳怡"},
    {"Jian", "建"},     {"Jie", "杰"},      {"Jing", "静"},     {"Jun", "军"},
    {"Lei", "磊"},      {"Li", "丽"},       {"Lina", "丽娜"},   {"Mei", "美"},
    {"Min", "敏"},      {"Ming", "明"},     {"Na", "娜"},       {"Peng", "鹏"},
    {"Qiang", "强"},    {"Tao", "涛"},      {"Wei", "伟"},      {"Xiaoyu", "晓雨"},
    {"Xinyi", "欣怡"},  {"Xiu", "秀"},      {"Yan", "燕"},      {"Ying", "英"},
    {"Yong", "勇"},     {"Yuting", "雨婷"}, {"Yuxuan", "宇轩"}, {"Zhiwei", "志伟"},
    {"Zihao", "子豪"},
};

S find_han(std::span<const Han> table, S pinyin) {
  for (const Han& h : table) {
    if (h.pinyin == pinyin) return h.han;
  }
  return {};
}

}  // namespace

NameLanguage name_language(std::string_view iso3) {
  static constexpr S kSpanish[] = {"ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM",
                                   "ECU", "ESP", "GTM", "HND", "MEX", "NIC", "PAN",
                                   "PER", "PRY", "SLV", "URY", "VEN"};
  static constexpr S kPortuguese[] = {"AGO", "BRA", "CPV", "GNB", "MOZ"};
  static constexpr S kEnglish[] = {"GHA", "GMB", "LBR", "NGA", "SLE"};
  auto in = [&](std::span<const S> list) {
    return std::find(list.begin(), list.end(), iso3) != list.end();
  };
  if (in(kSpanish)) return NameLanguage::kSpanish;
  if (in(kPortuguese)) return NameLanguage::kPortuguese;
  if (in(kEnglish)) return NameLanguage::kEnglish;
  return NameLanguage::kOther;
}

std::string_view hypocorism(std::string_view given_names, NameLanguage language, Rng& rng) {
  const Nicknames* n = nicknames_for(given_names, language);
  if (n == nullptr) return {};
  std::size_t count = 0;
  while (count < n->nicknames.size() && !n->nicknames[count].empty()) ++count;
  return n->nicknames[rng.below(count)];
}

bool has_hypocorism(std::string_view given_names, NameLanguage language) {
  return nicknames_for(given_names, language) != nullptr;
}

std::string alternate_spelling(std::string_view name, Rng& rng) {
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find(' ', start);
    if (end == S::npos) end = name.size();
    std::span<const S> others = spellings_of(name.substr(start, end - start));
    if (!others.empty()) {
      std::string out(name.substr(0, start));
      out += others[rng.below(others.size())];
      out += name.substr(end);
      return out;
    }
    start = end + 1;
  }
  if (name.find('-') == S::npos) return {};
  std::string out(name);
  std::replace(out.begin(), out.end(), '-', ' ');
  return out;
}

bool has_alternate_spelling(std::string_view name) {
  if (name.find('-') != S::npos) return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find(' ', start);
    if (end == S::npos) end = name.size();
    if (!spellings_of(name.substr(start, end - start)).empty()) return true;
    start = end + 1;
  }
  return false;
}

std::string_view han_family_name(std::string_view pinyin) { return find_han(kHanFamily, pinyin); }
std::string_view han_given_name(std::string_view pinyin) { return find_han(kHanGiven, pinyin); }

}  // namespace escudo::sim::internal
